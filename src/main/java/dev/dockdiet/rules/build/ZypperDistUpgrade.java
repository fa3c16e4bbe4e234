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
 * DD226: {@code zypper dist-upgrade} (or {@code dup}) in a RUN: a distribution upgrade inside a
 * build makes the image depend on the day it was built, and may move it to a new release.
 */
public final class ZypperDistUpgrade implements Rule {

    public static final RuleMeta META = new RuleMeta("DD226", "zypper-dist-upgrade", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3035"), "Do not run zypper dist-upgrade in a Dockerfile");

    private static final Set<String> SUBCOMMANDS = Set.of("dist-upgrade", "dup");

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
            if (sub != null) {
                ctx.report(META, rc.range(sub), "Do not use zypper " + sub.value() + ": the image then depends on"
                        + " the day of the build (and may move to a new release); use a newer base image tag");
            }
        }
    }
}
