package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.Savings;
import dev.dockdiet.size.CacheSizes;
import dev.dockdiet.size.ImageMatch;
import dev.dockdiet.size.KnowledgeBase;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Stage;

/**
 * Attaches the measured saving to a cache finding (rules/cache-sizes.tsv, written by
 * scripts/measure-caches.sh). Only the apt lists (DD111) are measured; the other caches depend on
 * what is installed and keep "unknown".
 */
final class CacheSavings {

    private CacheSavings() {
    }

    /** The finding with its saving when one was measured for its cache and the stage's distribution. */
    static Finding attach(Finding f, RuleContext ctx, Stage stage) {
        if (!f.rule().id().equals(AptListsNotRemoved.META.id()) || f.savings() != null) {
            return f;
        }
        Savings s = CacheSizes.aptLists(base(ctx, stage));
        return s == null ? f : f.withSavings(s);
    }

    /** DD102's finding for compilers installed in a stage, with what those packages measured in a layer. */
    static Finding compilers(Finding f, RuleContext ctx, Stage stage, java.util.List<String> packages) {
        Savings s = CacheSizes.packages(base(ctx, stage), packages);
        return s == null ? f : f.withSavings(s);
    }

    /** The image the stage starts from (following FROM other-stage), matched in the knowledge base. */
    private static ImageMatch base(RuleContext ctx, Stage stage) {
        Dockerfile df = ctx.file();
        Stage s = stage;
        for (int guard = 0; s.baseStage() >= 0 && s.baseStage() < s.index() && guard < df.stages().size(); guard++) {
            s = df.stages().get(s.baseStage());
        }
        if (s.base() == null) {
            return null;
        }
        KnowledgeBase kb = ctx.service(KnowledgeBase.class);
        return (kb != null ? kb : KnowledgeBase.get()).match(s.base()).orElse(null);
    }
}
