package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DD103: the image {@code docker build} produces runs a build (go build, mvn package, npm run build,
 * gcc, make ...): the toolchain, sources and intermediate files ship with the artifact. Stages another
 * stage copies from are builders and are left alone.
 */
public final class CompileInFinalStage implements Rule {

    public static final RuleMeta META = new RuleMeta("DD103", "compile-in-final-stage", Severity.WARNING,
            Category.SIZE, Fixability.NONE, List.of(),
            "The final stage compiles or builds: toolchain, sources and build files ship in the image");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        for (Stage s : SizeStages.shipped(file)) {
            if (SizeStages.copiedFrom(file, s)) {
                continue;
            }
            for (Instruction.Run run : s.all(Instruction.Run.class)) {
                BuildSteps.Step first = null;
                Set<String> labels = new LinkedHashSet<>();
                for (SimpleCommand c : ctx.shell(run).effectiveCommands()) {
                    BuildSteps.Step step = BuildSteps.of(c);
                    if (step != null) {
                        first = first == null ? step : first;
                        labels.add(step.label());
                    }
                }
                if (first == null) {
                    continue;
                }
                String what = labels.stream().map(l -> "`" + l + "`").collect(Collectors.joining(", "));
                ctx.report(META, run.shellScript().range(first.first().start(), first.last().end()),
                        what + (labels.size() == 1 ? " builds in " : " build in ") + SizeStages.describe(file, s)
                                + ": the toolchain, sources and intermediate files ship in the image. Build in a"
                                + " builder stage and COPY --from it only the artifact");
            }
        }
    }
}
