package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DD113: {@code apk add} without {@code --no-cache} keeps the package index it fetched in
 * {@code /var/cache/apk}.
 *
 * <p>Accepted: {@code --no-cache} in any position, {@code --no-network} (nothing is fetched), a cache (or tmpfs) mount on
 * {@code /var/cache/apk} (or {@code /etc/apk/cache}), and a later {@code rm -rf /var/cache/apk/*}
 * in the same RUN. Only stages whose {@code /var/cache/apk} ships are checked.
 */
public final class ApkNoCache implements Rule {

    public static final RuleMeta META = new RuleMeta("DD113", "apk-no-cache", Severity.WARNING, Category.SIZE,
            Fixability.SOMETIMES, List.of("DL3019", "DS025", "DS-0025", "AVD-DS-0025"), "Use apk add --no-cache so the package index stays out of the layer");

    static final String CACHE = "/var/cache/apk";
    private static final List<String> CACHES = List.of(CACHE, "/etc/apk/cache");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        record Hit(Stage stage, Instruction.Run run, Finding finding, Edit edit) {
        }
        List<Hit> hits = new java.util.ArrayList<>();
        // the scripts whose `apk add` this rule fixes (they fetch their own index once fixed)
        Set<ShellScript> fixed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Stage stage : CacheRuleSupport.checkedStages(file, List.of(CACHE))) {
            for (Instruction.Run run : CacheRuleSupport.runs(stage)) {
                if (CacheRuleSupport.cacheMounted(run, CACHES, List.of())) {
                    continue;
                }
                ShellScript sh = ctx.shell(run);
                List<SimpleCommand> cmds = sh.effectiveCommands();
                for (SimpleCommand c : cmds) {
                    if (!c.is("apk")) {
                        continue;
                    }
                    List<Word> p = c.positionals();
                    if (p.isEmpty() || !p.get(0).value().equals("add") || c.hasFlag("--no-cache", "--no-network")
                            || removedLater(sh, cmds, c)) {
                        continue;
                    }
                    Word w = p.get(0);
                    Finding f = new Finding(META, "`apk add` without `--no-cache` leaves the package index in"
                            + " /var/cache/apk: add `--no-cache`, or use a cache mount"
                            + " (`RUN --mount=type=cache,target=/var/cache/apk`)", run.shellScript().range(w.start(), w.end()));
                    Optional<Edit> e = CacheRuleSupport.insertAfter(file, run, w, " --no-cache");
                    if (e.isPresent()) {
                        fixed.add(sh);
                    }
                    hits.add(new Hit(stage, run, f, e.orElse(null)));
                }
            }
        }
        for (Hit h : hits) {
            Finding f = h.finding();
            if (h.edit() != null) {
                // with --no-cache the index is gone for a later `apk add` that relied on it
                LaterUse user = LaterUse.find(ctx, META.id(), h.stage(), h.run(),
                        List.of(CACHE), sh -> !fixed.contains(sh) && usesIndex(sh));
                f = user != null ? new Finding(META, f.message() + " " + user.because(), f.range())
                        : f.withFix(Fix.safe("Add --no-cache", h.edit()));
            }
            ctx.report(f);
        }
    }

    /**
     * True when the script runs {@code apk add} (or {@code upgrade}, {@code fix}, {@code fetch}) from
     * the index an earlier layer left: without {@code --no-cache} or {@code --update}, and with no
     * {@code apk update} before it.
     */
    private static boolean usesIndex(ShellScript sh) {
        boolean updated = false;
        for (SimpleCommand c : sh.effectiveCommands()) {
            if (!c.is("apk")) {
                continue;
            }
            List<Word> p = c.positionals();
            String sub = p.isEmpty() ? "" : p.get(0).value();
            if (sub.equals("update")) {
                updated = true;
            } else if (!updated && Set.of("add", "upgrade", "fix", "fetch").contains(sub)
                    && !c.hasFlag("--no-cache", "--update", "--update-cache", "-U", "--no-network")) {
                return true;
            }
        }
        return false;
    }

    private static boolean removedLater(ShellScript sh, List<SimpleCommand> cmds, SimpleCommand add) {
        for (SimpleCommand d : cmds) {
            if (d != add && sh.runsAfter(add, d) && CacheRuleSupport.removesAny(d, List.of(CACHE))) {
                return true;
            }
        }
        return false;
    }
}
