package dev.dockdiet.rule;

/**
 * A check. Implementations are stateless and thread-safe: one instance checks many files in
 * parallel. A rule never prints; it reports through the context.
 */
public interface Rule {

    RuleMeta meta();

    void check(RuleContext context);
}
