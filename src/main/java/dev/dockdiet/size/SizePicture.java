package dev.dockdiet.size;

import dev.dockdiet.rule.Savings.SizeKind;
import java.util.List;

/**
 * The size story of one Dockerfile, printed at the end of its report: the final stage's base,
 * its size, what each suggestion saves, and the estimate after applying them. All figures are of
 * one {@link SizeKind}; a null figure means "unknown" and is printed as such, never guessed.
 *
 * @param finalBase the final stage's base image as written (after ARG expansion), e.g. {@code node:18}
 * @param baseBytes the base image's size, or null when it is not in the knowledge base
 * @param kind what kind of size all the figures are; null when no figure is known
 * @param source where {@code baseBytes} comes from; null when unknown
 * @param asOf the date of {@code baseBytes}; null when unknown
 * @param suggestions what each size finding is expected to save
 * @param estimatedAfter the base size after applying every suggestion, or null when unknown
 */
public record SizePicture(String finalBase, Long baseBytes, SizeKind kind, String source, String asOf,
                          List<Suggestion> suggestions, Long estimatedAfter) {

    public SizePicture {
        suggestions = List.copyOf(suggestions);
    }

    /** One suggestion's expected saving (null bytes: saving unknown). */
    public record Suggestion(String ruleId, String description, Long savedBytes) {
    }
}
