package dev.dockdiet.syntax;

/**
 * A comment line outside an instruction.
 *
 * @param text after the {@code #}, trimmed
 */
public record Comment(String text, SourceRange range) {
}
