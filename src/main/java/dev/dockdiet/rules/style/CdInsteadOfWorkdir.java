package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.rules.build.Runs;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.syntax.Instruction;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * DD411: {@code cd} in a RUN. The directory change lasts only for that RUN, which readers of the
 * Dockerfile easily miss; WORKDIR says it once for the instructions that follow. One finding per
 * RUN, at its first {@code cd} (also inside subshells and {@code sh -c}), as hadolint reports it;
 * like hadolint, {@code ONBUILD RUN} triggers are not checked.
 */
public final class CdInsteadOfWorkdir implements Rule {

    public static final RuleMeta META = new RuleMeta("DD411", "cd-instead-of-workdir", Severity.WARNING,
            Category.STYLE, Fixability.NONE, List.of("DL3003", "DS013", "DS-0013", "AVD-DS-0013"), "Use WORKDIR to switch to a directory, not cd");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Set<Instruction> topLevel = Collections.newSetFromMap(new IdentityHashMap<>());
        topLevel.addAll(ctx.file().instructions());
        Instruction.Run last = null;
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (rc.run() == last || !c.is("cd") || !topLevel.contains(rc.run())) { // not ONBUILD RUN, as hadolint
                continue;
            }
            last = rc.run();
            String target = c.args().isEmpty() ? "" : c.args().get(c.args().size() - 1).value();
            String dir = target.startsWith("/") ? " " + target : "";
            ctx.report(META, rc.range(c.name()), "Use WORKDIR to switch to a directory (WORKDIR" + dir
                    + "): a cd lasts only until the end of this RUN");
        }
    }
}
