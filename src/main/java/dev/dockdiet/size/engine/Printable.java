package dev.dockdiet.size.engine;

/**
 * Makes text that comes from an image (file names, {@code created_by}, tags, os) safe to print on a
 * terminal: a hostile archive can name a file {@code "\e]0;pwned\a"} or put newlines in a path to
 * forge report lines. Control characters (C0, DEL, C1), line and paragraph separators and the
 * bidirectional overrides that reorder what the reader sees are written as escapes
 * ({@code \n}, {@code \t}, {@code \x1b}, {@code \u202e}); everything else is kept as it is.
 */
public final class Printable {

    private Printable() {
    }

    /** {@code s} with every character that could steer a terminal or break a line escaped; null stays null. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c <= 0xff) {
                b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /** {@link #escape(String) escaped}, and cut to about {@code max} characters with an ellipsis (for error lines). */
    public static String brief(String s, int max) {
        if (s == null) {
            return null;
        }
        String cut = s.length() <= max ? s : s.substring(0, max) + "…";
        return escape(cut);
    }

    /** Whether {@code c} must be escaped before it reaches a terminal. */
    public static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == '\u2028' || c == '\u2029' // line and paragraph separator
                || c == '\u061c' || c == '\u200e' || c == '\u200f' // bidi marks
                || (c >= '\u202a' && c <= '\u202e') // bidi embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069'); // bidi isolates
    }
}
