package dev.dockdiet.rule;

import java.util.List;

/**
 * A set of non-overlapping edits against the original file, applied together or not at all. The
 * description is shown, so a secret value in it is masked ({@link Secrets#mask}); the edits' text is
 * what {@code --fix} writes and stays exact (reports decide how to show it).
 *
 * @param refused null, or why {@code --fix} did not apply this fix (it would have added a finding):
 *                such a fix is not counted as fixable
 */
public record Fix(Applicability applicability, String description, List<Edit> edits, String refused) {
    public Fix(Applicability applicability, String description, List<Edit> edits) {
        this(applicability, description, edits, null);
    }

    public Fix {
        edits = List.copyOf(edits);
        description = description == null ? null : Secrets.mask(description);
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("a fix needs at least one edit");
        }
        for (int i = 0; i < edits.size(); i++) {
            for (int j = i + 1; j < edits.size(); j++) {
                if (edits.get(i).range().overlaps(edits.get(j).range())) {
                    throw new IllegalArgumentException("overlapping edits in one fix: " + description);
                }
            }
        }
    }

    /** This fix marked as refused by {@code --fix} for {@code reason}, which its description then names. */
    public Fix refusedBecause(String reason) {
        return new Fix(applicability, description + " [fixable but refused by --fix: " + reason + "]", edits, reason);
    }

    public boolean isRefused() {
        return refused != null;
    }

    public static Fix safe(String description, Edit... edits) {
        return new Fix(Applicability.SAFE, description, List.of(edits));
    }

    public static Fix suggested(String description, Edit... edits) {
        return new Fix(Applicability.SUGGESTED, description, List.of(edits));
    }
}
