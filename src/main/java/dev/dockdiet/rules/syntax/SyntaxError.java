package dev.dockdiet.rules.syntax;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Problem;
import java.util.List;

/**
 * DD001: what BuildKit's parser or its instruction checks reject, except what DD005 (instructions
 * before FROM) and DD007 (ONBUILD triggers) report.
 */
public final class SyntaxError implements Rule {

    public static final RuleMeta META = new RuleMeta("DD001", "syntax-error", Severity.ERROR, Category.SYNTAX,
            Fixability.NONE, List.of(), "BuildKit cannot parse or build this instruction");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Problem p : ctx.file().problems()) {
            if (p.isError() && !ProblemOwners.ownedElsewhere(p)) {
                ctx.report(META, p.range(), p.message());
            }
        }
    }
}
