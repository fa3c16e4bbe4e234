package dev.dockdiet.config;

import dev.dockdiet.rule.Severity;
import java.util.Locale;

/** A severity override from configuration: one of the severities, or {@code off}. */
public enum RuleLevel {
    ERROR, WARNING, INFO, STYLE, OFF;

    /** The severity, or null for {@link #OFF}. */
    public Severity severity() {
        return this == OFF ? null : Severity.valueOf(name());
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error|warning|info|style|off} (any case); null if it is none of them. */
    public static RuleLevel parse(String s) {
        for (RuleLevel l : values()) {
            if (l.label().equalsIgnoreCase(s.trim())) {
                return l;
            }
        }
        return null;
    }
}
