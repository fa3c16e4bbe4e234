package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Rule;
import java.util.List;

/** The missing-multi-stage rule and its whole-file rewrite. {@link dev.dockdiet.rules.Rules} collects every group. */
public final class MultiStageRules {

    private MultiStageRules() {
    }

    public static List<Rule> all() {
        return List.of(new ToolchainInFinalStage());
    }
}
