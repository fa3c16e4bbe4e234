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
import dev.dockdiet.syntax.Word;

/**
 * DD209: COPY or ADD with several sources into a destination that does not end in {@code /}:
 * BuildKit fails ("the destination must be a directory and end with a /"). The fix adds the slash.
 */
public final class CopyDestinationSlash implements Rule {

    public static final RuleMeta META = new RuleMeta("DD209", "copy-destination-slash", Severity.ERROR, Category.BUILD,
            Fixability.SOMETIMES, List.of("DL3021", "DS011", "DS-0011", "AVD-DS-0011"), "COPY with several sources needs a destination ending in /");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction i : ctx.file().instructions()) {
            List<Word> sources;
            Word dest;
            if (i instanceof Instruction.Copy c) {
                sources = c.sources();
                dest = c.destination();
            } else if (i instanceof Instruction.Add a) {
                sources = a.sources();
                dest = a.destination();
            } else {
                continue;
            }
            if (dest == null || sources.size() < 2) {
                continue;
            }
            String d = dev.dockdiet.syntax.Quotes.unquote(dest.text());
            if (d.isEmpty() || d.endsWith("/") || d.equals(".") || d.contains("$") || d.endsWith("\\")) {
                continue;
            }
            String msg = i.keyword() + " with " + sources.size() + " sources requires the destination to end with /"
                    + " (\"" + d + "/\")";
            SourceRange r = dest.range();
            if (!i.node().json() && dest.text().equals(d) && r.length() == d.length()) {
                ctx.report(META, r, msg, Fix.safe("add / to the destination", new Edit(ctx.file().range(r.end(), r.end()), "/")));
            } else {
                ctx.report(META, r, msg);
            }
        }
    }
}
