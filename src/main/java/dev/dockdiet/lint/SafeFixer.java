package dev.dockdiet.lint;

import dev.dockdiet.fix.Fixer;
import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The fix loop with a safety check: lint, apply the allowed fixes ({@link Fixer#applyOnce}),
 * re-lint, and keep a pass only when the re-lint finds nothing new; repeat until nothing changes.
 *
 * <p>"Nothing new": for every rule, the fixed text has at most as many findings without an
 * allowed fix as the text the pass started from, or at most as many findings in all (a fix may
 * leave a lesser finding of its own rule: DD104's {@code --omit=dev} the note that npm still
 * ships), and so a fix that breaks the parse (DD001) or
 * creates a finding of another rule is caught; a new finding that has an allowed fix is left to the
 * next pass (DD402 upper-cases {@code from}, then DD403 the {@code as} that no longer matches). Should
 * the final text still have more findings of some rule than the original, the loop runs again from
 * the original, strictly: then no pass may add any finding. When a pass fails the check, its fixes are tried one at a time, in the order of
 * the file, each on top of the ones kept so far; a fix that alone (or with those) adds a finding is
 * refused and reported with the findings it would add, never silently dropped; the fixes a refused one
 * had deferred (a rewrite spanning the file defers all others) are then tried in the same pass. A refused fix is
 * tried again in later passes (another fix may have made it safe); the refusals that remain are
 * those of the last pass, which ran on the final text.
 *
 * <p>Costs one lint per pass when no fix is refused (the re-lint of a pass is the lint of the
 * next), and one more per fix of a pass that failed the check.
 */
public final class SafeFixer {

    private SafeFixer() {
    }

    /** A fix that was not applied, and why. */
    public record Refusal(Finding finding, String reason) {
        public Refusal {
            Objects.requireNonNull(finding, "finding");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * @param passes how many passes changed the text
     * @param converged false when fixes were still applicable after the last allowed pass, or cycled
     * @param applied every finding fixed, over all passes
     * @param refused the fixes of the final text that were refused, with why
     * @param remaining the findings of the final text
     */
    public record Result(String original, String text, int passes, boolean converged, List<Finding> applied,
                         List<Refusal> refused, List<Finding> remaining) {
        public Result {
            applied = List.copyOf(applied);
            refused = List.copyOf(refused);
            remaining = List.copyOf(remaining);
        }

        public boolean changed() {
            return !original.equals(text);
        }
    }

    /**
     * Fixes {@code text} at {@code level} with at most {@code maxPasses} passes that change it;
     * {@code lint} gives the findings of a text.
     */
    public static Result fix(String text, Function<String, List<Finding>> lint, Applicability level, int maxPasses) {
        if (maxPasses < 1) {
            throw new IllegalArgumentException("maxPasses must be at least 1, was " + maxPasses);
        }
        Map<String, List<Finding>> lints = new HashMap<>();
        Function<String, List<Finding>> cached = t -> lints.computeIfAbsent(t, lint);
        Result r = fix(text, cached, level, maxPasses, false);
        if (r.changed() && added(cached.apply(text), r.remaining(), f -> true) != null) {
            // a finding that a pass let through because it was fixable stayed: fix again, strictly
            r = fix(text, cached, level, maxPasses, true);
        }
        return r;
    }

    /**
     * One run of the loop. Not {@code strict}: a pass may add findings that have a fix allowed at
     * {@code level} (the next pass fixes them: DD402 upper-cases {@code from}, DD403 then the
     * {@code as} that no longer matches); strict: a pass may add none.
     */
    private static Result fix(String text, Function<String, List<Finding>> lint, Applicability level, int maxPasses,
                              boolean strict) {
        java.util.function.Predicate<Finding> counts = strict ? f -> true
                : f -> f.fix() == null || !Fixer.allows(level, f.fix().applicability());
        Set<String> seen = new HashSet<>();
        seen.add(text);
        List<Finding> applied = new ArrayList<>();
        String current = text;
        List<Finding> findings = lint.apply(current);
        int passes = 0;
        while (true) {
            List<Refusal> refused = new ArrayList<>();
            // refused fixes leave the pass; the fixes they had deferred (a refused DD102 rewrite
            // spans the file and defers every other fix) get their turn in the same pass
            Set<Finding> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            Fixer.Pass pass;
            List<Finding> after;
            while (true) {
                List<Finding> candidates = out.isEmpty() ? findings
                        : findings.stream().filter(f -> !out.contains(f)).toList();
                pass = Fixer.applyOnce(current, candidates, level);
                after = null;
                if (!pass.changed()) {
                    break;
                }
                after = lint.apply(pass.text());
                if (added(findings, after, counts) == null) {
                    break;
                }
                // find the culprits: keep the fixes one at a time, each on top of those kept
                List<Finding> kept = new ArrayList<>();
                String keptText = current;
                List<Finding> keptAfter = findings;
                boolean refusedOne = false;
                for (Finding f : pass.applied()) {
                    List<Finding> trial = new ArrayList<>(kept);
                    trial.add(f);
                    Fixer.Pass p = Fixer.applyOnce(current, trial, level);
                    if (p.text().equals(keptText)) {
                        kept.add(f); // shares its edits with a kept fix
                        continue;
                    }
                    List<Finding> l = lint.apply(p.text());
                    String reason = added(findings, l, counts);
                    if (reason == null) {
                        kept.add(f);
                        keptText = p.text();
                        keptAfter = l;
                    } else {
                        refused.add(new Refusal(f, reason));
                        out.add(f);
                        refusedOne = true;
                    }
                }
                if (!refusedOne || pass.deferred().isEmpty()) {
                    pass = Fixer.applyOnce(current, kept, level);
                    after = keptAfter;
                    break;
                }
            }
            if (!pass.changed()) {
                return new Result(text, current, passes, true, applied, refused, findings);
            }
            if (passes == maxPasses || seen.contains(pass.text())) {
                return new Result(text, current, passes, false, applied, refused, findings);
            }
            applied.addAll(pass.applied());
            current = pass.text();
            findings = after;
            seen.add(current);
            passes++;
        }
    }

    /**
     * Null when {@code after} has, for every rule, at most as many findings as {@code before};
     * otherwise what it adds, e.g. {@code "it adds DD001 (parse-error): …"}.
     */
    static String added(List<Finding> before, List<Finding> after, java.util.function.Predicate<Finding> counted) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> totals = new HashMap<>();
        Set<String> messages = new HashSet<>();
        for (Finding f : before) {
            if (counted.test(f)) {
                counts.merge(f.rule().id(), 1, Integer::sum);
            }
            totals.merge(f.rule().id(), 1, Integer::sum);
            messages.add(f.rule().id() + '\0' + f.message());
        }
        for (Finding f : after) {
            if (counted.test(f)) {
                counts.merge(f.rule().id(), -1, Integer::sum);
            }
            totals.merge(f.rule().id(), -1, Integer::sum);
        }
        // per rule with more counted findings than before, and more findings in all (a rule whose
        // findings did not grow in number adds nothing, as the strict check would say: DD104's
        // --omit=dev turns its finding into the note that npm still ships, not into a new one),
        // the first whose message is new, else the last
        Map<String, Finding> added = new LinkedHashMap<>();
        for (Finding f : after) {
            String id = f.rule().id();
            if (!counted.test(f) || counts.get(id) >= 0 || totals.get(id) >= 0) {
                continue;
            }
            Finding shown = added.get(id);
            if (shown == null || messages.contains(id + '\0' + shown.message())) {
                added.put(id, f);
            }
        }
        if (added.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("it adds ");
        int i = 0;
        for (Finding f : added.values()) {
            if (i++ > 0) {
                sb.append("; and ");
            }
            sb.append(f.rule().id()).append(' ').append(f.rule().name()).append(" at line ")
                    .append(f.range().startLine()).append(": ").append(abbreviate(f.message()));
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }
}
