package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Savings.SizeKind;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.size.ImageMatch;
import dev.dockdiet.size.KnowledgeBase;
import dev.dockdiet.size.SizeFigure;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Stage;
import java.util.List;
import java.util.Optional;

/**
 * DD135: the final image is estimated to be larger than {@code sizeBudget} of {@code .dockdiet.yaml}.
 * The estimate is the final base's size from the knowledge base (the tag's own figure, or the low
 * end of its variant's measured range), which the image can only exceed: the application's layers
 * come on top. The finding says what the estimate rests on. Without a budget, or when the base's
 * size is unknown, the rule is silent.
 */
public final class SizeBudget implements Rule {

    public static final RuleMeta META = new RuleMeta("DD135", "size-budget-exceeded", Severity.WARNING, Category.SIZE,
            Fixability.NONE, List.of(), "The final image is estimated to be larger than the sizeBudget of .dockdiet.yaml");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Long budget = ctx.settings().sizeBudget();
        if (budget == null) {
            return;
        }
        Dockerfile df = ctx.file();
        Optional<Stage> last = df.finalStage();
        if (last.isEmpty()) {
            return;
        }
        Stage fin = last.get();
        Stage root = fin;
        for (int guard = 0; root.baseStage() >= 0 && root.baseStage() < root.index() && guard < df.stages().size(); guard++) {
            root = df.stages().get(root.baseStage());
        }
        if (root.isScratch() || root.base() == null) {
            return;
        }
        KnowledgeBase kb = ctx.service(KnowledgeBase.class);
        ImageMatch m = (kb != null ? kb : KnowledgeBase.get()).match(root.base()).orElse(null);
        if (m == null) {
            return;
        }
        String image = root.base().familiar();
        long atLeast;
        String basis;
        Optional<SizeFigure> f = m.figure(SizeKind.COMPRESSED).or(m::figure);
        if (f.isPresent()) {
            atLeast = f.get().bytes();
            basis = "the base " + image + " alone is " + SizeText.bytes(atLeast) + " " + f.get().kind().label()
                    + " (" + SizeText.provenance(f.get()) + ")";
        } else if (m.range() != null) {
            atLeast = m.range().minBytes();
            basis = "the base " + image + " has no figure of its own; the smallest measured " + m.range().describe()
                    + " is " + SizeText.bytes(atLeast);
        } else {
            return;
        }
        if (atLeast <= budget) {
            return;
        }
        ctx.report(new Finding(META, "The final image is over the sizeBudget of " + SizeText.bytes(budget) + ": " + basis
                + ", before your application's layers", fin.from().image().range()));
    }
}
