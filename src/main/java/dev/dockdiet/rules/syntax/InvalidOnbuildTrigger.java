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
 * DD007: hadolint's DL3043: {@code ONBUILD ONBUILD}, {@code ONBUILD FROM} or
 * {@code ONBUILD MAINTAINER}, which BuildKit rejects. DD001 leaves these to this rule.
 */
public final class InvalidOnbuildTrigger implements Rule {

    public static final RuleMeta META = new RuleMeta("DD007", "invalid-onbuild-trigger", Severity.ERROR,
            Category.SYNTAX, Fixability.NONE, List.of("DL3043"),
            "ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Problem p : ctx.file().problems()) {
            if (ProblemOwners.onbuildTrigger(p)) {
                ctx.report(META, p.range(), p.message() + ": the build fails when an image is built FROM this one");
            }
        }
    }
}
