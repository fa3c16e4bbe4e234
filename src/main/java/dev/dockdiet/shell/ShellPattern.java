package dev.dockdiet.shell;

import dev.dockdiet.syntax.GlobMatcher;

/**
 * A shell pattern of one path segment as {@code rm} and {@code ls} see it ({@code *} any text,
 * {@code ?} one character, {@code [abc]}, {@code [a-z]}, {@code [!abc]} or {@code [^abc]} one of a
 * set, the set up to the first {@code ]}; an unclosed {@code [} and everything else literal),
 * matched in linear time by
 * {@link GlobMatcher}: the pattern comes from Dockerfile text, which must not be able to make a
 * backtracking regex hang a run.
 */
public final class ShellPattern {

    private ShellPattern() {
    }

    /** Whether {@code s} holds a character that makes it a pattern. */
    public static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    /** Whether the whole of {@code text} matches {@code pattern}. */
    public static boolean matches(String pattern, String text) {
        if (!hasGlob(pattern)) {
            return pattern.equals(text);
        }
        GlobMatcher.Builder b = new GlobMatcher.Builder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            int close = ch == '[' ? pattern.indexOf(']', i + 1) : -1;
            if (ch == '*') {
                b.star(true);
            } else if (ch == '?') {
                b.any(true);
            } else if (close > 0) {
                b.bracket(pattern.substring(i + 1, close), true);
                i = close;
            } else {
                b.literal(ch);
            }
        }
        return GlobMatcher.anyOf(java.util.List.of(b), false).matches(text);
    }
}
