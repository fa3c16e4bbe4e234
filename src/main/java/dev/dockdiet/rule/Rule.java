package dev.dockdiet.rule;

/**
 * A check. Implementations are stateless and thread-safe: one instance checks many files in
 * parallel. A rule never prints; it reports through the context.
 */
public interface Rule {

    RuleMeta meta();

    void check(RuleContext context);

    /**
     * False for an opt-in rule (e.g. one BuildKit marks experimental): it runs only when the
     * configuration selects it or gives it a severity, or a {@code # check=experimental=} directive
     * names one of its aliases.
     */
    default boolean enabledByDefault() {
        return true;
    }
}
