package dev.dockdiet.rule;

import java.util.List;

/**
 * A set of non-overlapping edits against the original file, applied together or not at all. The
 * description is shown, so a secret value in it is masked ({@link Secrets#mask}); the edits' text is
 * what {@code --fix} writes and stays exact (reports decide how to show it).
 */
public record Fix(Applicability applicability, String description, List<Edit> edits) {
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

    public static Fix safe(String description, Edit... edits) {
        return new Fix(Applicability.SAFE, description, List.of(edits));
    }

    public static Fix suggested(String description, Edit... edits) {
        return new Fix(Applicability.SUGGESTED, description, List.of(edits));
    }
}
