package dev.dockdiet.rules.syntax;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Problem;
import java.util.List;

/** DD004: blank lines inside a continued instruction, which BuildKit warns will become errors. */
public final class EmptyContinuation implements Rule {

    public static final RuleMeta META = new RuleMeta("DD004", "empty-continuation-line", Severity.WARNING,
            Category.SYNTAX, Fixability.NONE, List.of("NoEmptyContinuation"),
            "Blank lines inside a continued instruction will become errors in BuildKit");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Problem p : ctx.file().problems()) {
            if (p.layer() == Problem.Layer.WARNING) {
                ctx.report(META, p.range(), p.message());
            }
        }
    }
}
