package dev.dockdiet.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import dev.dockdiet.syntax.GlobMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Glob patterns of the config, compiled once to the linear-time {@link GlobMatcher}.
 *
 * <p>Path globs (for {@code exclude}): {@code *} and {@code ?} stay within one path segment,
 * {@code **} crosses {@code /}, {@code [abc]} / {@code [!abc]} are character classes,
 * {@code {a,b}} alternatives, {@code \} escapes. Plain globs (image names, tags, registries):
 * {@code *} matches any text, including {@code /} and {@code :}, {@code ?} one character.
 */
public final class Glob {

    /** Most alternatives one pattern's braces may expand to. */
    static final int MAX_ALTERNATIVES = 64;

    private static final Map<String, GlobMatcher> PATH = new ConcurrentHashMap<>();
    private static final Map<String, GlobMatcher> PLAIN = new ConcurrentHashMap<>();

    private Glob() {
    }

    /** True if {@code text} (a relative path with {@code /}) matches the path glob. */
    public static boolean matchesPath(String glob, String text) {
        return PATH.computeIfAbsent(glob, g -> compile(g, true)).matches(text);
    }

    /** True if {@code text} matches the plain glob. */
    public static boolean matchesAnything(String glob, String text) {
        return PLAIN.computeIfAbsent(glob, g -> compile(g, false)).matches(text);
    }

    /**
     * Compiles a glob to the linear-time {@link GlobMatcher}.
     *
     * @throws IllegalArgumentException with a message naming the problem, for an unclosed
     *     {@code [} or {@code {}, a trailing {@code \}, nested braces or too many alternatives
     */
    public static GlobMatcher compile(String glob, boolean pathMode) {
        List<GlobMatcher.Builder> alts = new ArrayList<>();
        alts.add(new GlobMatcher.Builder());
        List<GlobMatcher.Builder> beforeBrace = null;
        List<GlobMatcher.Builder> done = null;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 == glob.length()) {
                        throw new IllegalArgumentException("'\\' at the end of the pattern escapes nothing");
                    }
                    char e = glob.charAt(++i);
                    each(alts, b -> b.literal(e));
                }
                case '*' -> {
                    if (pathMode && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        i++;
                        // "**/" also matches no directory at all
                        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                            i++;
                            each(alts, GlobMatcher.Builder::optionalDirectories);
                        } else {
                            each(alts, b -> b.star(true));
                        }
                    } else {
                        each(alts, b -> b.star(!pathMode));
                    }
                }
                case '?' -> each(alts, b -> b.any(!pathMode));
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        throw new IllegalArgumentException("'[' at position " + (i + 1) + " is not closed");
                    }
                    String body = glob.substring(i + 1, close);
                    each(alts, b -> b.bracket(body, !pathMode));
                    i = close;
                }
                case '{' -> {
                    if (!pathMode) {
                        each(alts, b -> b.literal('{'));
                    } else {
                        if (beforeBrace != null) {
                            throw new IllegalArgumentException("nested '{' at position " + (i + 1));
                        }
                        beforeBrace = alts;
                        done = new ArrayList<>();
                        alts = copies(beforeBrace);
                    }
                }
                case '}' -> {
                    if (pathMode && beforeBrace != null) {
                        done.addAll(alts);
                        alts = done;
                        beforeBrace = null;
                        done = null;
                    } else {
                        each(alts, b -> b.literal('}'));
                    }
                }
                case ',' -> {
                    if (pathMode && beforeBrace != null) {
                        done.addAll(alts);
                        alts = copies(beforeBrace);
                    } else {
                        each(alts, b -> b.literal(','));
                    }
                }
                default -> each(alts, b -> b.literal(c));
            }
            if (alts.size() + (done == null ? 0 : done.size()) > MAX_ALTERNATIVES) {
                throw new IllegalArgumentException("more than " + MAX_ALTERNATIVES + " alternatives");
            }
        }
        if (beforeBrace != null) {
            throw new IllegalArgumentException("'{' is not closed");
        }
        return GlobMatcher.anyOf(alts, false);
    }

    private static void each(List<GlobMatcher.Builder> alts, java.util.function.Consumer<GlobMatcher.Builder> f) {
        alts.forEach(f);
    }

    private static List<GlobMatcher.Builder> copies(List<GlobMatcher.Builder> alts) {
        List<GlobMatcher.Builder> out = new ArrayList<>();
        for (GlobMatcher.Builder b : alts) {
            out.add(b.copy());
        }
        return out;
    }
}
