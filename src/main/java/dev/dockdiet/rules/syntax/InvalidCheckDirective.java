package dev.dockdiet.rules.syntax;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Directives;
import java.util.List;
import java.util.Optional;

/**
 * DD010: a {@code # check=} parser directive BuildKit cannot read (an unknown key, a part without
 * {@code =}, a non-boolean {@code error=}). BuildKit fails the build with
 * {@code failed to parse check options}; dockdiet then applies none of the directive.
 */
public final class InvalidCheckDirective implements Rule {

    public static final RuleMeta META = new RuleMeta("DD010", "invalid-check-directive", Severity.ERROR,
            Category.SYNTAX, Fixability.NONE, List.of(),
            "The # check= directive must be skip=, experimental= and error= parts that BuildKit can read");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Optional<Directives.Found> found = Directives.parseDirective("check", ctx.file().text());
        if (found.isEmpty()) {
            return;
        }
        try {
            Directives.parseCheck(found.get().value());
        } catch (Directives.DirectiveException e) {
            int line = Math.max(1, Math.min(found.get().line(), ctx.file().lines().lineCount()));
            ctx.report(META, ctx.file().lines().lineRange(line), e.getMessage()
                    + "; BuildKit fails the build, and dockdiet ignores the directive");
        }
    }
}
