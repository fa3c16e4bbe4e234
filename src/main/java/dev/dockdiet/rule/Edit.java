package dev.dockdiet.rule;

import dev.dockdiet.syntax.SourceRange;

/** Replace the text in {@code range} of the original file with {@code text}. */
public record Edit(SourceRange range, String text) {
    public Edit {
        java.util.Objects.requireNonNull(range, "range");
        java.util.Objects.requireNonNull(text, "text");
    }
}
