package dev.dockdiet.rules.size;

import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Quotes;
import dev.dockdiet.syntax.Stage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An instruction that uses a cache after the RUN whose cleanup fix would remove it; {@code sameStage}:
 * a RUN of that stage. A cleanup rule offers no fix when one exists (the fix would break the build).
 */
record LaterUse(Instruction instruction, boolean sameStage) {

    /** Why the cleanup fix is not offered, in the words of a finding's message. */
    String because() {
        String at = "the " + instruction.keyword().toUpperCase(java.util.Locale.ROOT) + " on line "
                + instruction.range().startLine();
        return sameStage
                ? "(no automatic fix: " + at + " uses it; merge that RUN into this one and clean up at its end)"
                : "(no automatic fix: " + at + ", in a later stage, uses it)";
    }

    /**
     * The first instruction after {@code run} that uses what a cleanup of {@code caches} in
     * {@code run} would remove, or null: a later RUN of the stage for which {@code needs} holds or
     * one of whose commands names a path inside a cache (a command that removes the cache does not
     * count); else an instruction of a later stage that reads this stage's files: a RUN of a stage
     * built FROM it (the same tests) or a {@code COPY --from} of it whose source lies inside a cache.
     * Built once per stage and rule (a backward scan), so each question is O(1) and the rule stays
     * linear in the stage's length.
     */
    static LaterUse find(RuleContext ctx, String rule, Stage stage, Instruction.Run run, List<String> caches,
                             java.util.function.Predicate<ShellScript> needs) {
        return find(ctx, rule, stage, run, caches, needs, sh -> false);
    }

    /** As above; a later RUN for which {@code refills} holds (and that does not use the cache) ends the scan of the stage. */
    static LaterUse find(RuleContext ctx, String rule, Stage stage, Instruction.Run run, List<String> caches,
                             java.util.function.Predicate<ShellScript> needs,
                             java.util.function.Predicate<ShellScript> refills) {
        java.util.Map<Instruction.Run, LaterUse> inStage = ctx.memo(new LaterUseKey(rule, stage.index(), false), () -> {
            java.util.Map<Instruction.Run, LaterUse> m = new java.util.IdentityHashMap<>();
            List<List<String>> cacheSegments = CacheRuleSupport.segmentsOf(caches);
            List<Instruction.Run> rs = CacheRuleSupport.runs(stage);
            LaterUse next = null;
            for (int k = rs.size() - 1; k >= 0; k--) {
                m.put(rs.get(k), next);
                if (uses(ctx, rs.get(k), caches, cacheSegments, needs)) {
                    next = new LaterUse(rs.get(k), true);
                } else if (refills.test(ctx.shell(rs.get(k)))) {
                    next = null;
                }
            }
            return m;
        });
        LaterUse here = inStage.get(run);
        if (here != null || stage.index() < 0) {
            return here;
        }
        return ctx.memo(new LaterUseKey(rule, stage.index(), true), () -> {
            Dockerfile file = ctx.file();
            List<List<String>> cacheSegments = CacheRuleSupport.segmentsOf(caches);
            for (Stage s : file.stages()) {
                if (s.index() <= stage.index()) {
                    continue;
                }
                boolean descends = false;
                Set<Integer> seen = new HashSet<>();
                for (Stage cur = s; cur.baseStage() >= 0 && seen.add(cur.index()); cur = file.stages().get(cur.baseStage())) {
                    if (cur.baseStage() == stage.index()) {
                        descends = true;
                        break;
                    }
                }
                for (Instruction i : s.instructions()) {
                    if (descends && i instanceof Instruction.Run r && uses(ctx, r, caches, cacheSegments, needs)) {
                        return new LaterUse(i, false);
                    }
                    if (i instanceof Instruction.Copy c && c.from().isPresent()
                            && file.stage(c.from().get()).filter(x -> x.index() == stage.index()).isPresent()) {
                        for (dev.dockdiet.syntax.Word w : c.sources()) {
                            if (CacheRuleSupport.withinAny(Quotes.unquoteTrimmed(w.text()), cacheSegments)) {
                                return new LaterUse(i, false);
                            }
                        }
                    }
                }
            }
            return null;
        });
    }

    private static boolean uses(RuleContext ctx, Instruction.Run run, List<String> caches,
                                List<List<String>> cacheSegments, java.util.function.Predicate<ShellScript> needs) {
        ShellScript sh = ctx.shell(run);
        if (needs.test(sh)) {
            return true;
        }
        for (SimpleCommand c : sh.effectiveCommands()) {
            if (CacheRuleSupport.removesAny(c, caches)) {
                continue;
            }
            for (Word w : c.args()) {
                if (CacheRuleSupport.withinAny(w.value(), cacheSegments)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A memo key (equals and hashCode written out: a record's generated ones bootstrap method handles at start-up). */
    private record LaterUseKey(String rule, int stage, boolean otherStages) {
        @Override
        public boolean equals(Object o) {
            return o instanceof LaterUseKey k && k.stage == stage && k.otherStages == otherStages && k.rule.equals(rule);
        }

        @Override
        public int hashCode() {
            return (rule.hashCode() * 31 + stage) * 2 + (otherStages ? 1 : 0);
        }
    }
}
