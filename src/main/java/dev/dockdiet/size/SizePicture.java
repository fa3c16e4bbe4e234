package dev.dockdiet.size;

import dev.dockdiet.rule.Savings.SizeKind;
import java.util.List;

/**
 * The size story of one Dockerfile, printed at the end of its report: the final stage's base, its
 * size (the tag it was measured on, date and source), what each size finding saves, and the final
 * base after applying them. All sums are of one {@link SizeKind}; a null figure means "unknown" and is
 * printed as such, never guessed. A size known only as a range (a tag without its own figure) keeps
 * both ends ({@code ...Max} fields) all the way through.
 *
 * @param finalBase the final stage's base image as written (after ARG expansion), e.g. {@code node:18}
 * @param baseBytes the base image's size (the low end of a range), or null when unknown
 * @param baseBytesMax the high end of the base's size; equal to {@code baseBytes} for a measured tag
 * @param kind what kind of size all the summed figures are; null when no figure is known
 * @param source where {@code baseBytes} comes from; null when unknown
 * @param asOf the date of {@code baseBytes} (an interval for a range); null when unknown
 * @param basis the tag the figure was measured on ({@code node:22-bookworm}), or the range's
 *     description ({@code golang full images: 290–361 MB compressed, lines 1.18–1.27, 2023-01…2026-09})
 * @param platformNote set when the file asks for another platform than the measured linux/amd64
 * @param suggestions what each size finding is expected to save, one line per rule and change
 * @param afterImage the final base after applying the suggestions (the runtime image a rewrite picks,
 *     the slimmer variant); equal to {@code finalBase} when no suggestion changes the base
 * @param estimatedAfter the size of {@code afterImage}, excluding the application's own layers; null
 *     when unknown. Computed from the image the changed Dockerfile starts from, never by subtraction
 * @param estimatedAfterMax the high end of {@code estimatedAfter}
 * @param layerSavings what the other suggestions take off the file's own layers (low end); null when
 *     there are none or any of them is unknown
 * @param layerSavingsMax the high end of {@code layerSavings}
 */
public record SizePicture(String finalBase, Long baseBytes, Long baseBytesMax, SizeKind kind, String source,
                          String asOf, String basis, String platformNote, List<Suggestion> suggestions,
                          String afterImage, Long estimatedAfter, Long estimatedAfterMax, Long layerSavings,
                          Long layerSavingsMax) {

    public SizePicture {
        suggestions = List.copyOf(suggestions);
    }

    /** A picture of point figures (the form of the first report versions). */
    public SizePicture(String finalBase, Long baseBytes, SizeKind kind, String source, String asOf,
                       List<Suggestion> suggestions, Long estimatedAfter) {
        this(finalBase, baseBytes, baseBytes, kind, source, asOf, null, null, suggestions, finalBase, estimatedAfter,
                estimatedAfter, null, null);
    }

    /** Whether the picture says anything beyond the base: a size finding. */
    public boolean hasSuggestions() {
        return !suggestions.isEmpty();
    }

    /**
     * One line of the picture: a rule's suggestion and its expected saving.
     *
     * @param ruleId e.g. {@code DD101}
     * @param description one line, e.g. {@code use node:22-slim}
     * @param savedBytes the saving (low end), or null when unknown
     * @param savedBytesMax the high end; equal to {@code savedBytes} for a point figure
     * @param kind the kind of the saving; null when unknown. A saving of another kind than the picture's
     *     is shown with its kind and left out of the sums
     * @param sharedWith the rule whose line already counts the same change; null when this line counts it
     * @param count how many findings of this rule the line stands for (their savings added)
     */
    public record Suggestion(String ruleId, String description, Long savedBytes, Long savedBytesMax, SizeKind kind,
                             String sharedWith, int count) {

        public Suggestion(String ruleId, String description, Long savedBytes) {
            this(ruleId, description, savedBytes, savedBytes, null, null, 1);
        }
    }
}
