package dev.dockdiet.shell;

/**
 * Versioned command names ({@code pip3}, {@code python3.11}) recognised without a regex: rules ask
 * this of every command of every RUN, and a {@code Matcher} per question was a sizeable share of
 * what a big file allocates.
 */
public final class ToolNames {

    private ToolNames() {
    }

    /** {@code name} is {@code prefix} followed by ASCII digits and dots only: the regex {@code prefix[0-9.]*}. */
    public static boolean withDigitsAndDots(String name, String prefix) {
        if (!name.startsWith(prefix)) {
            return false;
        }
        for (int i = prefix.length(); i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** {@code name} is {@code prefix}, {@code prefixN} or {@code prefixN.M} (ASCII digits): the regex {@code prefix(\d+(\.\d+)?)?}. */
    public static boolean withVersion(String name, String prefix) {
        if (!name.startsWith(prefix)) {
            return false;
        }
        int i = prefix.length();
        int n = name.length();
        if (i == n) {
            return true;
        }
        int major = digits(name, i);
        if (major == i) {
            return false;
        }
        if (major == n) {
            return true;
        }
        if (name.charAt(major) != '.') {
            return false;
        }
        int minor = digits(name, major + 1);
        return minor > major + 1 && minor == n;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
