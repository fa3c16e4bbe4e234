package dev.dockdiet.size;

import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Savings.SizeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the {@link SizePicture} that ends a file's report. */
public final class SizePictures {

    private SizePictures() {
    }

    /**
     * One size suggestion of the file.
     *
     * @param ruleId e.g. {@code DD101}
     * @param description one line, e.g. {@code node:18 -> node:18-slim}
     * @param savings its expected saving, or null when unknown. It carries its {@link SizeKind}, so a
     *     compressed saving is never added to an uncompressed base.
     */
    public record Item(String ruleId, String description, Savings savings) {
    }

    /**
     * The size picture of a file.
     *
     * <p>The picture's kind is the kind of the base's figure; when the base has both kinds, the kind
     * every known saving shares (compressed when both fit). A saving of another kind is shown as
     * unknown, never converted. {@code estimatedAfter} = base - sum of savings, only when the base
     * and every saving are known and of that one kind (and the result is not negative); null otherwise.
     *
     * @param finalBase the final stage's base as written (after ARG expansion)
     * @param base its match, or null/empty when the image is not in the knowledge base
     */
    public static SizePicture build(String finalBase, Optional<ImageMatch> base, List<Item> items) {
        return build(finalBase, base.orElse(null), items);
    }

    /** As {@link #build(String, Optional, List)}, with a nullable match. */
    public static SizePicture build(String finalBase, ImageMatch base, List<Item> items) {
        List<SizeFigure> baseFigures = base == null ? List.of() : base.figures();
        SizeKind kind = chooseKind(baseFigures, items);
        SizeFigure figure = null;
        for (SizeFigure f : baseFigures) {
            if (f.kind() == kind) {
                figure = f;
            }
        }
        List<SizePicture.Suggestion> suggestions = new ArrayList<>();
        boolean allKnown = figure != null;
        long total = 0;
        for (Item item : items) {
            Savings s = item.savings();
            Long bytes = s != null && s.kind() == kind ? s.bytes() : null;
            suggestions.add(new SizePicture.Suggestion(item.ruleId(), item.description(), bytes));
            if (bytes == null) {
                allKnown = false;
            } else {
                total += bytes;
            }
        }
        Long after = null;
        if (allKnown && figure.bytes() - total >= 0) {
            after = figure.bytes() - total;
        }
        return new SizePicture(finalBase, figure == null ? null : figure.bytes(), kind,
                figure == null ? null : figure.source(), figure == null ? null : figure.asOf(), suggestions, after);
    }

    private static SizeKind chooseKind(List<SizeFigure> baseFigures, List<Item> items) {
        List<SizeKind> savingKinds = new ArrayList<>();
        for (Item item : items) {
            if (item.savings() != null && !savingKinds.contains(item.savings().kind())) {
                savingKinds.add(item.savings().kind());
            }
        }
        if (baseFigures.isEmpty()) {
            // nothing to add to; the suggestions keep the first kind seen, the others show as unknown
            return savingKinds.isEmpty() ? null : savingKinds.get(0);
        }
        if (savingKinds.size() == 1) {
            for (SizeFigure f : baseFigures) {
                if (f.kind() == savingKinds.get(0)) {
                    return f.kind();
                }
            }
        }
        return baseFigures.get(0).kind();
    }
}
