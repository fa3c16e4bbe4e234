package dev.dockdiet.config;

import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rules.Rules;
import java.util.List;
import java.util.Optional;

/** The real catalogue's rules the config tests use (by alias, so a renumbering cannot break them). */
final class TestRules {

    /** DD101 oversized-base (warning). */
    static final RuleMeta OVERSIZED_BASE = real("oversized-base");
    /** DD204 apt-get-unpinned (info), hadolint's DL3008. */
    static final RuleMeta APT_PIN = real("DL3008");
    /** DD112 apt-no-install-recommends (warning), hadolint's DL3015. */
    static final RuleMeta APT_RECOMMENDS = real("DL3015");
    /** DD214 shell-form-command (warning), BuildKit's JSONArgsRecommended and hadolint's DL3025. */
    static final RuleMeta JSON_ARGS = real("JSONArgsRecommended");

    static final List<RuleMeta> ALL = Rules.metas();

    static Optional<String> resolve(String ref) {
        return Rules.resolve(ref);
    }

    private static RuleMeta real(String ref) {
        return Rules.meta(ref).orElseThrow(() -> new IllegalStateException("no rule " + ref));
    }

    private TestRules() {
    }
}
