package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.List;
import dev.dockdiet.syntax.SourceRange;

/**
 * DD203: the first WORKDIR of a stage (none in a stage it is built on) is relative: it then
 * depends on the base image's working directory.
 */
public final class RelativeWorkdir implements Rule {

    public static final RuleMeta META = new RuleMeta("DD203", "relative-workdir", Severity.WARNING, Category.BUILD,
            Fixability.SOMETIMES, List.of("DL3000", "WorkdirRelativePath", "CKV_DOCKER_10", "DS009", "DS-0009", "AVD-DS-0009"), "Use an absolute WORKDIR");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.file().stages()) {
            boolean inherited = Support.chain(ctx.file(), s).stream().skip(1)
                    .anyMatch(p -> !p.all(Instruction.Workdir.class).isEmpty());
            if (inherited) {
                continue;
            }
            List<Instruction.Workdir> wds = s.all(Instruction.Workdir.class);
            if (wds.isEmpty() || wds.get(0).path() == null) {
                continue;
            }
            Instruction.Workdir wd = wds.get(0);
            String p = dev.dockdiet.syntax.Quotes.unquote(wd.path().text());
            if (p.isEmpty() || p.startsWith("/") || p.startsWith("$") || p.startsWith("\\")
                    || p.matches("[A-Za-z]:.*")) {
                continue;
            }
            SourceRange r = wd.path().range();
            boolean plain = wd.path().text().equals(p) && r.length() == p.length() && !p.startsWith(".");
            String msg = "Relative workdir \"" + p + "\" depends on the base image's working directory;"
                    + " use an absolute path";
            if (plain) {
                ctx.report(META, r, msg, Fix.suggested("make it absolute (/" + p + ")",
                        new Edit(ctx.file().range(r.start(), r.start()), "/")));
            } else {
                ctx.report(META, r, msg);
            }
        }
    }
}
