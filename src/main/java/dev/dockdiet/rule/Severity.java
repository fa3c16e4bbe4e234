package dev.dockdiet.rule;

import java.util.Locale;

/** How bad a finding is; ordered from most to least severe. */
public enum Severity {
    ERROR, WARNING, INFO, STYLE;

    /** The lower-case name used in configs, JSON and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True if this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
