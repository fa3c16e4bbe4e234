package dev.dockdiet.syntax;

/**
 * One argument node as BuildKit's line parser produces it: for most instructions the text as
 * written (quotes kept where BuildKit keeps them; variables unexpanded), for JSON form the decoded
 * string. {@code range} is where it is in the file.
 */
public record Word(String text, SourceRange range) {
}
