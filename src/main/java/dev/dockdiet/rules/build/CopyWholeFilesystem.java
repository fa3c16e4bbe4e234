package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import java.util.List;

/**
 * DD243: hadolint's DL3067: {@code COPY --from=stage / /} copies another stage's whole file
 * system (its package manager, shell, caches and all) over this one.
 */
public final class CopyWholeFilesystem implements Rule {

    public static final RuleMeta META = new RuleMeta("DD243", "copy-whole-filesystem", Severity.WARNING,
            Category.BUILD, Fixability.NONE, List.of("DL3067"), "Do not copy an entire file system from another stage");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction raw : ctx.file().instructions()) {
            if (!(Walk.inner(raw) instanceof Instruction.Copy c) || c.from().isEmpty() || c.destination() == null
                    || c.sources().size() != 1) {
                continue;
            }
            if (Walk.unquote(c.sources().get(0).text()).equals("/") && Walk.unquote(c.destination().text()).equals("/")) {
                ctx.report(META, c.sources().get(0).range(), "Do not copy an entire file system from another stage:"
                        + " COPY --from=" + c.from().get() + " / / brings its whole root over this one; copy only the"
                        + " directories the image needs");
            }
        }
    }
}
