package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import java.util.List;
import java.util.Set;

/**
 * DD225: {@code zypper install} (also {@code in}, {@code remove}, {@code rm}, {@code source-install},
 * {@code si}, {@code patch}) without {@code -n}, {@code --non-interactive}, {@code -y} or
 * {@code --no-confirm}. The fix adds the global {@code -n}.
 */
public final class ZypperMissingYes implements Rule {

    public static final RuleMeta META = new RuleMeta("DD225", "zypper-non-interactive", Severity.WARNING,
            Category.BUILD, Fixability.SOMETIMES, List.of("DL3034"),
            "Use zypper -n (non-interactive) so the build does not wait for an answer");

    private static final Set<String> SUBCOMMANDS = Set.of("install", "in", "remove", "rm", "source-install", "si", "patch");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is("zypper")) {
                continue;
            }
            Word sub = PackageSupport.subcommand(c, SUBCOMMANDS);
            if (sub == null || Runs.hasAnyFlag(c, "n", "non-interactive", "no-confirm", "y")) {
                continue;
            }
            PackageSupport.reportMissingYes(ctx, META, rc, sub, "Non-interactive switch missing from zypper: zypper -n "
                    + sub.value() + " (or " + sub.value() + " -y); without it the build aborts at the prompt", " -n", true);
        }
    }
}
