package dev.dockdiet.fix;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Applies the fixes of findings to a source text.
 *
 * <p>All edits are against the text the findings were computed on. One pass applies every fix
 * that does not collide with a fix already taken; colliding fixes are deferred to a later pass,
 * after a re-lint. Two edits collide when their ranges overlap or when they start at the same
 * offset (two insertions at one point have no defined order). A fix whose edits are identical to
 * one already taken (two findings sharing one fix) counts as applied. Inserted {@code "\n"}
 * become the file's dominant line ending.
 *
 * <p>Of two colliding fixes the one that spans more of the file is taken (ties: the one that starts
 * first, then the rules' order): the wider fix restructures (DD407 merges two RUNs, DD102 rewrites
 * the file), the narrower one is computed again on its result in the next pass, so the two combine
 * (DD407's merged RUN, then DD111's cleanup appended at its end) instead of the narrow edit being
 * applied to text the wide one was not computed on and the wide one silently lost. A deferred fix is
 * never applied to the text it was not computed on. The loop of passes, with its re-lint check,
 * is {@code dev.dockdiet.lint.SafeFixer}.
 */
public final class Fixer {

    private Fixer() {
    }

    /**
     * The outcome of one pass.
     *
     * @param applied findings whose fix is in {@code text}
     * @param deferred findings whose fix collided with an applied one; re-lint and try again
     * @param invalid findings whose fix reaches outside the text (a rule bug; never applied)
     */
    public record Pass(String original, String text, List<Finding> applied, List<Finding> deferred,
                       List<Finding> invalid) {
        public Pass {
            applied = List.copyOf(applied);
            deferred = List.copyOf(deferred);
            invalid = List.copyOf(invalid);
        }

        public boolean changed() {
            return !original.equals(text);
        }
    }

    /** True if a fix of applicability {@code fix} may be applied at level {@code level}. */
    public static boolean allows(Applicability level, Applicability fix) {
        return fix == Applicability.SAFE || level == Applicability.SUGGESTED;
    }

    /**
     * Applies, in one pass, the fixes of {@code findings} allowed at {@code level}
     * ({@link Applicability#SAFE}: safe fixes only; {@link Applicability#SUGGESTED}: both).
     */
    public static Pass applyOnce(String text, List<Finding> findings, Applicability level) {
        Objects.requireNonNull(level, "level");
        List<Finding> candidates = new ArrayList<>();
        for (Finding f : findings) {
            if (f.fix() != null && allows(level, f.fix().applicability())) {
                candidates.add(f);
            }
        }
        // stable sort: the widest first (it wins a collision), then by first edit, ties keep the rules' order
        candidates.sort(Comparator.comparingInt((Finding f) -> -span(f.fix())).thenComparingInt(f -> firstStart(f.fix())));

        List<Finding> applied = new ArrayList<>();
        List<Finding> deferred = new ArrayList<>();
        List<Finding> invalid = new ArrayList<>();
        List<Edit> taken = new ArrayList<>();
        Set<List<Edit>> takenFixes = new HashSet<>();
        for (Finding f : candidates) {
            List<Edit> edits = f.fix().edits();
            if (!withinText(edits, text.length())) {
                invalid.add(f);
            } else if (takenFixes.contains(edits)) {
                applied.add(f);
            } else if (collides(edits, taken)) {
                deferred.add(f);
            } else {
                taken.addAll(edits);
                takenFixes.add(edits);
                applied.add(f);
            }
        }
        // reported in the order of the file
        applied.sort(Comparator.comparingInt(f -> firstStart(f.fix())));
        deferred.sort(Comparator.comparingInt(f -> firstStart(f.fix())));
        if (taken.isEmpty()) {
            return new Pass(text, text, applied, deferred, invalid);
        }
        // by start; an insertion before a replacement that starts at the same offset (one fix may hold both)
        taken.sort(Comparator.<Edit>comparingInt(e -> e.range().start()).thenComparingInt(e -> e.range().end()));
        String eol = LineEndings.dominant(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int pos = 0;
        for (Edit e : taken) {
            out.append(text, pos, e.range().start());
            out.append(LineEndings.convert(e.text(), eol));
            pos = e.range().end();
        }
        out.append(text, pos, text.length());
        return new Pass(text, out.toString(), applied, deferred, invalid);
    }

    private static int firstStart(Fix fix) {
        int min = Integer.MAX_VALUE;
        for (Edit e : fix.edits()) {
            min = Math.min(min, e.range().start());
        }
        return min;
    }

    /** From the first edit's start to the last edit's end. */
    private static int span(Fix fix) {
        int max = 0;
        for (Edit e : fix.edits()) {
            max = Math.max(max, e.range().end());
        }
        return max - firstStart(fix);
    }

    private static boolean withinText(List<Edit> edits, int length) {
        for (Edit e : edits) {
            if (e.range().end() > length) {
                return false;
            }
        }
        return true;
    }

    private static boolean collides(List<Edit> edits, List<Edit> taken) {
        for (Edit e : edits) {
            for (Edit t : taken) {
                if (e.range().overlaps(t.range()) || e.range().start() == t.range().start()) {
                    return true;
                }
            }
        }
        return false;
    }
}
