package dev.dockdiet.rules.size;

/**
 * A shell glob over absolute paths ({@code *} and {@code ?} never match {@code /}; {@code [...]} and
 * {@code [!...]} are character classes), matched by simulating its automaton: time is the path's
 * length times the pattern's, with no backtracking, and nothing is compiled from Dockerfile text.
 */
final class PathGlob {

    private static final byte LITERAL = 0;
    private static final byte ONE = 1;
    private static final byte STAR = 2;
    private static final byte CLASS = 3;

    private final byte[] kinds;
    private final char[] chars;
    private final String[] classes;
    private final boolean[] negated;
    private final String text;

    private PathGlob(String glob) {
        int n = glob.length();
        byte[] k = new byte[n];
        char[] c = new char[n];
        String[] cl = new String[n];
        boolean[] neg = new boolean[n];
        int t = 0;
        for (int i = 0; i < n; i++) {
            char ch = glob.charAt(i);
            if (ch == '*') {
                k[t] = STAR;
            } else if (ch == '?') {
                k[t] = ONE;
            } else if (ch == '[' && glob.indexOf(']', i + 1) > i + 1) {
                int close = glob.indexOf(']', i + 1);
                String body = glob.substring(i + 1, close);
                if (body.startsWith("!") || body.startsWith("^")) {
                    neg[t] = true;
                    body = body.substring(1);
                }
                k[t] = CLASS;
                cl[t] = body;
                i = close;
            } else {
                k[t] = LITERAL;
                c[t] = ch;
            }
            t++;
        }
        kinds = java.util.Arrays.copyOf(k, t);
        chars = java.util.Arrays.copyOf(c, t);
        classes = java.util.Arrays.copyOf(cl, t);
        negated = java.util.Arrays.copyOf(neg, t);
        text = glob;
    }

    static PathGlob of(String glob) {
        return new PathGlob(glob);
    }

    /** True when the glob has no wildcard: it matches only itself. */
    static boolean isLiteral(String s) {
        return s.indexOf('*') < 0 && s.indexOf('?') < 0 && s.indexOf('[') < 0;
    }

    @Override
    public String toString() {
        return text;
    }

    /** True when the glob matches all of {@code s}. */
    boolean matches(String s) {
        return run(s, false);
    }

    /** True when the glob names {@code path} or one of its parent directories (never {@code /} itself). */
    boolean coversPath(String path) {
        return run(path, true);
    }

    private boolean run(String s, boolean prefixes) {
        int n = kinds.length;
        boolean[] cur = new boolean[n + 1];
        boolean[] next = new boolean[n + 1];
        cur[0] = true;
        close(cur);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (prefixes && ch == '/' && i > 0 && cur[n]) {
                return true;
            }
            boolean any = false;
            java.util.Arrays.fill(next, false);
            for (int j = 0; j < n; j++) {
                if (!cur[j]) {
                    continue;
                }
                switch (kinds[j]) {
                    case STAR -> {
                        if (ch != '/') {
                            next[j] = true;
                            any = true;
                        }
                    }
                    case ONE -> {
                        if (ch != '/') {
                            next[j + 1] = true;
                            any = true;
                        }
                    }
                    case CLASS -> {
                        if (inClass(classes[j], ch) != negated[j]) {
                            next[j + 1] = true;
                            any = true;
                        }
                    }
                    default -> {
                        if (chars[j] == ch) {
                            next[j + 1] = true;
                            any = true;
                        }
                    }
                }
            }
            if (!any) {
                return false;
            }
            close(next);
            boolean[] swap = cur;
            cur = next;
            next = swap;
        }
        return cur[n] && !s.isEmpty();
    }

    /** A star may match nothing: where it is active, so is what follows it. */
    private void close(boolean[] states) {
        for (int j = 0; j < kinds.length; j++) {
            if (states[j] && kinds[j] == STAR) {
                states[j + 1] = true;
            }
        }
    }

    /** A bracket body: single characters and ranges {@code a-z}; a {@code -} first or last is itself. */
    private static boolean inClass(String body, char ch) {
        for (int i = 0; i < body.length(); i++) {
            char lo = body.charAt(i);
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                char hi = body.charAt(i + 2);
                if (ch >= lo && ch <= hi) {
                    return true;
                }
                i += 2;
            } else if (lo == ch) {
                return true;
            }
        }
        return false;
    }
}
