package dev.dockdiet.rule;

import dev.dockdiet.syntax.SourceRange;
import java.util.Objects;

/**
 * One thing a rule found, at a place in the file.
 *
 * <p>The message never shows a secret value: it is masked here ({@link Secrets#mask}), whichever rule
 * wrote it, so no report format can leak what a rule quoted (a URL with {@code user:password@}, a
 * {@code ?token=} query, {@code ENV API_TOKEN=...}).
 *
 * @param severity the effective severity (the rule's default unless configuration overrides it)
 * @param fix null when the rule has no fix for this case
 * @param savings null when the size at stake is unknown (never a guess)
 */
public record Finding(RuleMeta rule, Severity severity, String message, SourceRange range, Fix fix, Savings savings) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(range, "range");
        message = Secrets.mask(message);
    }

    public Finding(RuleMeta rule, String message, SourceRange range) {
        this(rule, rule.severity(), message, range, null, null);
    }

    public Finding withFix(Fix f) {
        return new Finding(rule, severity, message, range, f, savings);
    }

    public Finding withSavings(Savings s) {
        return new Finding(rule, severity, message, range, fix, s);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, message, range, fix, savings);
    }
}
