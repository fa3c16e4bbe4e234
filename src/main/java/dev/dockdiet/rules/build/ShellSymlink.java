package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Instruction;
import java.util.List;

/**
 * DD231: {@code ln ... /bin/sh}: replacing the default shell by a symlink changes it for every later
 * RUN behind the reader's back (and for the running container); the SHELL instruction says it.
 */
public final class ShellSymlink implements Rule {

    public static final RuleMeta META = new RuleMeta("DD231", "shell-symlink", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL4005"), "Use SHELL to change the default shell instead of linking /bin/sh");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Instruction.Run last = null;
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (rc.run() == last || !c.is("ln")) {
                continue;
            }
            for (Word w : c.args()) {
                if (w.value().equals("/bin/sh")) {
                    ctx.report(META, rc.range(c.name()), "Use SHELL to change the default shell: `ln` replaces"
                            + " /bin/sh for every later RUN and for the container (e.g. SHELL [\"/bin/bash\", \"-c\"])");
                    last = rc.run();
                    break;
                }
            }
        }
    }
}
