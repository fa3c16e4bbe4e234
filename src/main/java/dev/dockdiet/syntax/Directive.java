package dev.dockdiet.syntax;

/**
 * A parser directive at the top of the file ({@code # syntax=}, {@code # escape=}, {@code # check=}).
 *
 * @param name lower-cased
 * @param value trimmed, case kept
 */
public record Directive(String name, String value, SourceRange range) {
}
