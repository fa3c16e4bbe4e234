package dev.dockdiet.syntax;

/**
 * An instruction flag such as {@code --mount=type=cache,target=/root/.npm}.
 *
 * @param name without the dashes, e.g. {@code mount}
 * @param value after the first {@code =}; null for a bare flag ({@code --link})
 * @param text the flag as BuildKit keeps it ({@code --name=value}, quotes removed)
 */
public record Flag(String name, String value, String text, SourceRange range) {

    static Flag of(String text, SourceRange range) {
        String body = text.startsWith("--") ? text.substring(2) : text;
        int eq = body.indexOf('=');
        return eq < 0 ? new Flag(body, null, text, range) : new Flag(body.substring(0, eq), body.substring(eq + 1), text, range);
    }

    /** Boolean value as BuildKit reads it: bare means true. */
    public boolean isTrue() {
        return value == null || value.equalsIgnoreCase("true");
    }
}
