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
import java.util.List;
import java.util.Set;

/**
 * DD412: a command that makes no sense while an image is built: {@code ssh}, {@code vim},
 * {@code shutdown}, {@code service}, {@code ps}, {@code free}, {@code top}, {@code kill},
 * {@code mount} (hadolint's list). No process of the build survives its RUN, no terminal is
 * attached, and the build does not run on the target machine. One finding per RUN.
 */
public final class InappropriateCommand implements Rule {

    public static final RuleMeta META = new RuleMeta("DD412", "inappropriate-command", Severity.INFO,
            Category.STYLE, Fixability.NONE, List.of("DL3001"),
            "Do not run interactive or system-management commands (ssh, vim, service, ps ...) in a build");

    private static final Set<String> COMMANDS = Set.of("free", "kill", "mount", "ps", "service", "shutdown", "ssh",
            "top", "vim");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Instruction.Run last = null;
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (rc.run() == last || c.name() == null || !COMMANDS.contains(c.nameValue())) {
                continue;
            }
            last = rc.run();
            ctx.report(META, rc.range(c.name()), "`" + c.nameValue() + "` makes no sense in a Docker build: there is no"
                    + " terminal or init system, and whatever a RUN starts stops when the RUN ends");
        }
    }
}
