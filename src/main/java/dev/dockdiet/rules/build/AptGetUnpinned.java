package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.KnownFlags;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import java.util.ArrayList;
import java.util.List;

/** DD204: {@code apt-get install pkg} without {@code pkg=version}. */
public final class AptGetUnpinned implements Rule {

    public static final RuleMeta META = new RuleMeta("DD204", "apt-get-unpinned", Severity.INFO, Category.BUILD,
            Fixability.NONE, List.of("DL3008"), "Pin versions in apt-get install");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is("apt-get", "apt")) {
                continue;
            }
            List<Word> pos = c.positionals(KnownFlags.valueFlags("apt-get"));
            if (pos.isEmpty() || !pos.get(0).value().equals("install")) {
                continue;
            }
            List<Word> loose = new ArrayList<>();
            for (Word w : pos.subList(1, pos.size())) {
                String v = w.value();
                if (w.isLiteral() && !w.hasGlob() && !v.isEmpty() && !v.contains("=") && !v.contains("/")
                        && !v.endsWith(".deb")) {
                    loose.add(w);
                }
            }
            if (!loose.isEmpty()) {
                ctx.report(META, rc.range(loose.get(0)), "Pin versions in apt-get install: "
                        + Runs.list(loose, 5) + " (use package=version, e.g. " + loose.get(0).value() + "=<version>)");
            }
        }
    }
}
