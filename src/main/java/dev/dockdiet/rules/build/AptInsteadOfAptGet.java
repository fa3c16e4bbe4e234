package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.KnownFlags;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import java.util.List;
import java.util.Set;

/**
 * DD215: {@code apt} in a RUN. apt's command line is for people and not stable for scripts (it
 * warns so itself); apt-get and apt-cache are. The fix renames it where apt-get behaves the same.
 */
public final class AptInsteadOfAptGet implements Rule {

    public static final RuleMeta META = new RuleMeta("DD215", "apt-instead-of-apt-get", Severity.WARNING,
            Category.BUILD, Fixability.SOMETIMES, List.of("DL3027", "CKV_DOCKER_9"), "Use apt-get or apt-cache instead of apt");

    /** Subcommands where apt-get does what apt does. */
    private static final Set<String> SAME = Set.of("install", "update", "remove", "purge", "autoremove", "clean",
            "autoclean", "source", "build-dep", "download", "satisfy");
    private static final Set<String> CACHE = Set.of("search", "show", "policy", "depends", "rdepends", "showsrc");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is("apt")) {
                continue;
            }
            List<Word> pos = c.positionals(KnownFlags.valueFlags("apt"));
            String sub = pos.isEmpty() ? "" : pos.get(0).value();
            String to = SAME.contains(sub) ? "apt-get" : CACHE.contains(sub) ? "apt-cache" : null;
            String msg = "Do not use apt in scripts: its interface is meant for people and may change; use "
                    + (to != null ? to + " " + sub : "apt-get or apt-cache");
            Edit e = to == null || !c.name().value().equals("apt") ? null : rc.replace(ctx, c.name(), to);
            if (e != null) {
                ctx.report(META, rc.range(c.name()), msg, Fix.safe("use " + to, e));
            } else {
                ctx.report(META, rc.range(c.name()), msg);
            }
        }
    }
}
