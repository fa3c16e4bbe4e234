package dev.dockdiet.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Glob patterns, compiled once to regular expressions.
 *
 * <p>Path globs (for {@code exclude}): {@code *} and {@code ?} stay within one path segment,
 * {@code **} crosses {@code /}, {@code [abc]} / {@code [!abc]} are character classes,
 * {@code {a,b}} alternatives, {@code \} escapes. Plain globs (image names, tags, registries):
 * {@code *} matches any text, including {@code /} and {@code :}, {@code ?} one character.
 */
public final class Glob {

    private static final Map<String, Pattern> PATH = new ConcurrentHashMap<>();
    private static final Map<String, Pattern> PLAIN = new ConcurrentHashMap<>();

    private Glob() {
    }

    /** True if {@code text} (a relative path with {@code /}) matches the path glob. */
    public static boolean matchesPath(String glob, String text) {
        return PATH.computeIfAbsent(glob, g -> compile(g, true)).matcher(text).matches();
    }

    /** True if {@code text} matches the plain glob. */
    public static boolean matchesAnything(String glob, String text) {
        return PLAIN.computeIfAbsent(glob, g -> compile(g, false)).matcher(text).matches();
    }

    /**
     * Compiles a glob.
     *
     * @throws IllegalArgumentException with a message naming the problem, for an unclosed
     *     {@code [} or {@code {}, a trailing {@code \} or nested braces
     */
    public static Pattern compile(String glob, boolean pathMode) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 == glob.length()) {
                        throw new IllegalArgumentException("'\\' at the end of the pattern escapes nothing");
                    }
                    re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                }
                case '*' -> {
                    if (pathMode && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        i++;
                        // "**/" also matches no directory at all
                        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                            i++;
                            re.append("(?:.*/)?");
                        } else {
                            re.append(".*");
                        }
                    } else {
                        re.append(pathMode ? "[^/]*" : ".*");
                    }
                }
                case '?' -> re.append(pathMode ? "[^/]" : ".");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        throw new IllegalArgumentException("'[' at position " + (i + 1) + " is not closed");
                    }
                    String body = glob.substring(i + 1, close);
                    boolean negate = body.startsWith("!") || body.startsWith("^");
                    if (negate) {
                        body = body.substring(1);
                    }
                    re.append('[').append(negate ? "^" : "");
                    for (char b : body.toCharArray()) {
                        if (b == '\\' || b == '[' || b == ']' || b == '&' || b == '^') {
                            re.append('\\');
                        }
                        re.append(b);
                    }
                    re.append(']');
                    i = close;
                }
                case '{' -> {
                    if (!pathMode) {
                        re.append("\\{");
                    } else {
                        if (braces > 0) {
                            throw new IllegalArgumentException("nested '{' at position " + (i + 1));
                        }
                        braces++;
                        re.append("(?:");
                    }
                }
                case '}' -> {
                    if (pathMode && braces > 0) {
                        braces--;
                        re.append(')');
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(pathMode && braces > 0 ? "|" : ",");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces > 0) {
            throw new IllegalArgumentException("'{' is not closed");
        }
        return Pattern.compile(re.toString());
    }
}
