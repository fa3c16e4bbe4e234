package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Rule;
import java.util.List;

/** The size-advisor rules (oversized bases, builds and installs in the final stage, cleanup, context). {@link dev.dockdiet.rules.Rules} collects every group. */
public final class SizeRules {

    private SizeRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new OversizedBase(),
                new CompileInFinalStage(),
                new NpmInstallInRuntime(),
                new CleanupInLaterLayer(),
                new WholeContextCopy(),
                new RemoteArchiveAdd(),
                new AptGetUpgrade(),
                new CopyArchiveThenExtract(), new UseraddLogInit(),
                new DebugToolsInFinalStage());
    }
}
