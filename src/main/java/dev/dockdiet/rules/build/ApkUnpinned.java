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

/** DD207: {@code apk add pkg} without {@code pkg=version} (or {@code ~}, {@code >}, {@code <}). */
public final class ApkUnpinned implements Rule {

    public static final RuleMeta META = new RuleMeta("DD207", "apk-unpinned", Severity.INFO, Category.BUILD,
            Fixability.NONE, List.of("DL3018"), "Pin versions in apk add");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is("apk")) {
                continue;
            }
            List<Word> pos = c.positionals(KnownFlags.valueFlags("apk"));
            if (pos.isEmpty() || !pos.get(0).value().equals("add")) {
                continue;
            }
            List<Word> loose = new ArrayList<>();
            for (Word w : pos.subList(1, pos.size())) {
                String v = w.value();
                if (w.isLiteral() && !w.hasGlob() && !v.isEmpty() && v.chars().noneMatch(ch -> "=~<>".indexOf(ch) >= 0)
                        && !v.endsWith(".apk")) {
                    loose.add(w);
                }
            }
            if (!loose.isEmpty()) {
                ctx.report(META, rc.range(loose.get(0)), "Pin versions in apk add: " + Runs.list(loose, 5)
                        + " (use package=version, e.g. " + loose.get(0).value() + "=<version>)");
            }
        }
    }
}
