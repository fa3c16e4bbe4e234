package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.HashSet;
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

    private static String trimSlash(String v) {
        String s = v;
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        if (ctx.isDevContainer()) {
            return;
        }
        Dockerfile file = ctx.file();
        for (Stage s : SizeStages.shipped(file)) {
            if (SizeStages.copiedFrom(file, s)) {
                continue;
            }
            for (Instruction.Run run : s.all(Instruction.Run.class)) {
                BuildSteps.Step first = null;
                Set<String> labels = new LinkedHashSet<>();
                boolean toolsRemoved = false;
                String cwd = null;
                Set<String> buildDirs = new HashSet<>();
                for (SimpleCommand c : ctx.shell(run).effectiveCommands()) {
                    if (c.is("cd", "pushd") && c.positionals().size() == 1) {
                        cwd = c.positionals().get(0).value();
                    }
                    BuildSteps.Step step = BuildSteps.of(c);
                    if (step != null) {
                        first = first == null ? step : first;
                        labels.add(step.label());
                        if (cwd != null) {
                            buildDirs.add(trimSlash(cwd));
                        }
                    }
                    Packages.Op op = Packages.of(c);
                    if (first != null && op != null && !op.install() && op.manager() != Packages.Manager.PIP) {
                        toolsRemoved = true;
                    }
                    if (first != null && c.is("rm") && c.hasFlag("-r", "-R", "--recursive")) {
                        for (Word w : c.positionals()) {
                            String v = trimSlash(w.value());
                            if (!v.isEmpty() && buildDirs.stream().anyMatch(d -> d.equals(v) || d.startsWith(v + "/"))) {
                                toolsRemoved = true; // the sources built from are deleted in the same layer
                            }
                        }
                    }
                }
                if (first == null || toolsRemoved) {
                    continue; // built, and the build packages or sources removed in one layer: only the result ships
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
