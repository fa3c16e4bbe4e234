package dev.dockdiet.config;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import java.util.List;
import java.util.Optional;

/** A small rule catalogue standing in for the real one. */
final class TestRules {

    static final RuleMeta OVERSIZED_BASE = new RuleMeta("DD101", "oversized-base", Severity.WARNING, Category.SIZE,
            Fixability.SOMETIMES, List.of(), "The base image has a much smaller variant");
    static final RuleMeta APT_PIN = new RuleMeta("DD203", "apt-unpinned", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3008"), "Pin versions in apt-get install");
    static final RuleMeta APT_RECOMMENDS = new RuleMeta("DD205", "apt-no-install-recommends", Severity.INFO,
            Category.BUILD, Fixability.ALWAYS, List.of("DL3015"),
            "Avoid additional packages with --no-install-recommends");
    static final RuleMeta JSON_ARGS = new RuleMeta("DD401", "json-args", Severity.STYLE, Category.STYLE,
            Fixability.ALWAYS, List.of("JSONArgsRecommended", "DL3025"), "Use JSON arguments for CMD and ENTRYPOINT");

    static final List<RuleMeta> ALL = List.of(OVERSIZED_BASE, APT_PIN, APT_RECOMMENDS, JSON_ARGS,
            Suppressions.UNUSED, Suppressions.UNKNOWN_RULE);

    static Optional<String> resolve(String ref) {
        for (RuleMeta r : ALL) {
            if (r.id().equals(ref) || r.name().equals(ref) || r.aliases().contains(ref)) {
                return Optional.of(r.id());
            }
        }
        return Optional.empty();
    }

    private TestRules() {
    }
}
