package dev.dockdiet.config;

import dev.dockdiet.rule.Severity;
import java.util.Locale;

/**
 * The failure threshold: the run exits 1 when a finding is at or above it. Unlike hadolint's
 * {@code none} (which fails on everything), {@code none} here means never fail on findings.
 */
public enum FailOn {
    ERROR, WARNING, INFO, STYLE, NONE;

    /** What the CLI uses when neither the command line nor a config sets a threshold. */
    public static final FailOn DEFAULT = ERROR;

    /** True if a finding of this severity makes the run fail. */
    public boolean failsOn(Severity severity) {
        return this != NONE && severity.atLeast(Severity.valueOf(name()));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error|warning|info|style|none} (any case); null if it is none of them. */
    public static FailOn parse(String s) {
        for (FailOn f : values()) {
            if (f.label().equalsIgnoreCase(s.trim())) {
                return f;
            }
        }
        return null;
    }
}
