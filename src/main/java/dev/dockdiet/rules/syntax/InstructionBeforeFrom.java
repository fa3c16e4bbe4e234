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
 * DD005: hadolint's DL3061: an instruction other than ARG before the first FROM (or in a file
 * without FROM). BuildKit rejects it ("no build stage in current context"); DD001 leaves these to
 * this rule so that {@code # hadolint ignore=DL3061} and {@code --ignore DL3061} work alone.
 */
public final class InstructionBeforeFrom implements Rule {

    public static final RuleMeta META = new RuleMeta("DD005", "instruction-before-from", Severity.ERROR,
            Category.SYNTAX, Fixability.NONE, List.of("DL3061"),
            "A Dockerfile must begin with FROM, ARG, a comment or a parser directive");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Problem p : ctx.file().problems()) {
            if (ProblemOwners.instructionOrder(p)) {
                ctx.report(META, p.range(), "Invalid instruction order: " + p.message()
                        + ". A Dockerfile must begin with FROM, ARG or a comment");
            }
        }
    }
}
