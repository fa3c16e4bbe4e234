package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.Instruction;
import java.util.List;

/** DD309: {@code RUN --security=insecure} runs the step without the container sandbox. */
public final class InsecureRun implements Rule {

    public static final RuleMeta META = new RuleMeta("DD309", "insecure-run", Severity.WARNING, Category.SECURITY,
            Fixability.NONE, List.of(), "RUN --security=insecure runs a build step with full host privileges");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Run run : Util.runs(ctx.file())) {
            for (Flag f : run.node().flags("security")) {
                if ("insecure".equalsIgnoreCase(f.value())) {
                    ctx.report(META, f.range(), "--security=insecure gives this step the host's privileges"
                            + " (like docker run --privileged): keep it out of shared Dockerfiles or confine it to"
                            + " a stage that needs it");
                }
            }
        }
    }
}
