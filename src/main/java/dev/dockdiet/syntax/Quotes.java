package dev.dockdiet.syntax;

/**
 * Quote removal for a Dockerfile value as rules read it: one pair of matching surrounding quotes
 * ({@code "x"} or {@code 'x'}) goes, nothing else changes. The one implementation for the rules and
 * the rewrite engine. (Shell quote removal, where quotes may sit anywhere in a word, is the shell
 * parser's: {@code dev.dockdiet.shell.Word}.)
 */
public final class Quotes {

    private Quotes() {
    }

    /** {@code s} without one pair of matching surrounding quotes; null stays null. */
    public static String unquote(String s) {
        if (s != null && s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'')
                && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** {@link #unquote} of {@code s} with surrounding blanks trimmed first; null stays null. */
    public static String unquoteTrimmed(String s) {
        return s == null ? null : unquote(s.trim());
    }
}
