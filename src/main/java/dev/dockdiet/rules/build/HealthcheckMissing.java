package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.List;

/**
 * DD244: hadolint's DL3057, off by default: a stage without HEALTHCHECK, neither its own nor one
 * inherited from the stage it is built on. As hadolint, every stage is checked.
 */
public final class HealthcheckMissing implements Rule {

    public static final RuleMeta META = new RuleMeta("DD244", "healthcheck-missing", Severity.INFO, Category.BUILD,
            Fixability.NONE, List.of("DL3057", "CKV_DOCKER_2", "DS026", "DS-0026", "AVD-DS-0026"), "HEALTHCHECK instruction missing (off by default)", false);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.file().stages()) {
            boolean has = false;
            for (Stage c : Support.chain(ctx.file(), s)) {
                if (!c.all(Instruction.Healthcheck.class).isEmpty()) {
                    has = true;
                    break;
                }
            }
            if (!has) {
                ctx.report(META, s.from().node().keywordRange(), "HEALTHCHECK instruction missing in stage "
                        + s.label() + ": orchestrators cannot tell whether the container works; add"
                        + " HEALTHCHECK CMD ... (or HEALTHCHECK NONE to say there is none on purpose)");
            }
        }
    }
}
