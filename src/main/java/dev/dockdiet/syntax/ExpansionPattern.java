package dev.dockdiet.syntax;

import dev.dockdiet.syntax.ShellLex.ExpansionException;
import java.util.Arrays;

/**
 * The pattern of a BuildKit variable substitution ({@code ${v#p}}, {@code ${v##p}}, {@code ${v%p}},
 * {@code ${v%%p}}, {@code ${v/p/r}}, {@code ${v//p/r}}): {@code *} any text and {@code ?} any one
 * character (neither matches a line break), {@code \*}, {@code \?} and {@code \\} those characters,
 * {@code \}} and {@code \/} a brace and a slash, everything else itself. BuildKit translates the
 * pattern into a Go regular expression ({@code *} as {@code .*}, or {@code .*?} for the shortest
 * match); this class finds the same matches by simulating the pattern's states over the value (a
 * Pike machine), in time linear in the value for a given pattern. The same regular expression in
 * {@code java.util.regex} backtracks: {@code ${A#*a*a*a...b}} ran for minutes (a fuzz find).
 *
 * <p>Which match: the leftmost start, and from it the longest ({@code greedy}) or the shortest match,
 * which is what a regular expression of only {@code .*} (or only {@code .*?}), {@code .} and
 * literals yields (ExpansionPatternTest compares both on random patterns and values).
 */
final class ExpansionPattern {

    private static final int ANY = -1;
    private static final int STAR = -2;

    /** A code point, {@link #ANY} or {@link #STAR}. */
    private final int[] tokens;

    private ExpansionPattern(int[] tokens) {
        this.tokens = tokens;
    }

    /** Compiles {@code pattern}; an escape other than those above is an error (BuildKit's message). */
    static ExpansionPattern compile(String pattern) throws ExpansionException {
        int[] cps = pattern.codePoints().toArray();
        int[] out = new int[cps.length];
        int n = 0;
        for (int i = 0; i < cps.length; i++) {
            int tok = cps[i];
            if (tok == '*') {
                if (n == 0 || out[n - 1] != STAR) { // "**" is "*"
                    out[n++] = STAR;
                }
                continue;
            }
            if (tok == '?') {
                out[n++] = ANY;
                continue;
            }
            if (tok == '\\') {
                int peek = i + 1 < cps.length ? cps[i + 1] : -1;
                if (peek == '}' || peek == '/') {
                    continue; // the next character is taken as itself
                }
                i++;
                if (peek != '*' && peek != '?' && peek != '\\') {
                    throw new ExpansionException("invalid escape '\\" + (peek == -1 ? "" : new String(Character.toChars(peek))) + "'");
                }
                tok = peek;
            }
            out[n++] = tok;
        }
        return new ExpansionPattern(Arrays.copyOf(out, n));
    }

    /**
     * The match in {@code value} found from char index {@code from}: {@code {start, end}} (char
     * indexes), or null. {@code anchored}: it must start at {@code from}.
     */
    int[] find(String value, int from, boolean greedy, boolean anchored) {
        int m = tokens.length;
        int[] cur = new int[m + 1];
        int[] next = new int[m + 1];
        Arrays.fill(cur, -1);
        int bestStart = -1;
        int bestEnd = -1;
        int len = value.length();
        for (int i = from; ; ) {
            if (bestStart < 0 && (!anchored || i == from)) {
                add(cur, 0, i); // a match may start here
            }
            int st = cur[m];
            if (st >= 0 && (bestStart < 0 || st < bestStart)) {
                bestStart = st;
                bestEnd = i;
            } else if (st >= 0 && st == bestStart && greedy) {
                bestEnd = i;
            }
            if (i >= len) {
                break;
            }
            int c = value.codePointAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
            Arrays.fill(next, -1);
            boolean alive = false;
            for (int k = 0; k < m; k++) {
                int s = cur[k];
                // once a match is known, only threads that started before it (or, for the longest
                // match, with it) can still change the answer
                if (s < 0 || (bestStart >= 0 && (s > bestStart || (s == bestStart && !greedy)))) {
                    continue;
                }
                int tok = tokens[k];
                if (tok == STAR) {
                    if (!lineBreak) {
                        alive |= add(next, k, s);
                    }
                } else if (tok == ANY ? !lineBreak : tok == c) {
                    alive |= add(next, k + 1, s);
                }
            }
            int[] t = cur;
            cur = next;
            next = t;
            i += Character.charCount(c);
            if (!alive && (anchored || bestStart >= 0)) {
                break; // no thread left and none to come
            }
        }
        return bestStart < 0 ? null : new int[] {bestStart, bestEnd};
    }

    /** Puts a thread that started at {@code start} in state {@code k} and the states a star lets it skip to. */
    private boolean add(int[] states, int k, int start) {
        while (true) {
            if (states[k] >= 0 && states[k] <= start) {
                return true; // an earlier start is there already: it wins every later choice
            }
            states[k] = start;
            if (k < tokens.length && tokens[k] == STAR) {
                k++;
            } else {
                return true;
            }
        }
    }

    /** {@code value} without its matched prefix ({@code ${v#p}}, {@code ${v##p}} with {@code greedy}). */
    String trimPrefix(String value, boolean greedy) {
        int[] r = find(value, 0, greedy, true);
        return r == null ? value : value.substring(r[1]);
    }

    /** The first match ({@code all}: every match, as {@code Matcher.replaceAll}) replaced. */
    String replace(String value, String replacement, boolean all) {
        StringBuilder b = null;
        int copied = 0;
        int from = 0;
        while (from <= value.length()) {
            int[] r = find(value, from, true, false);
            if (r == null) {
                break;
            }
            if (b == null) {
                b = new StringBuilder(value.length() + replacement.length());
            }
            b.append(value, copied, r[0]).append(replacement);
            copied = r[1];
            if (!all) {
                break;
            }
            // after an empty match the next search starts one char on (as Matcher.find does)
            from = r[1] > r[0] ? r[1] : r[1] + 1;
        }
        return b == null ? value : b.append(value, copied, value.length()).toString();
    }
}
