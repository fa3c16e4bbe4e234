package dev.dockdiet.rule;

/**
 * An expected size saving, always looked up or measured, never invented.
 *
 * @param bytes how many bytes the image is expected to shrink by; the low end when the saving is a range
 * @param kind whether the figure is a compressed (registry, pull) or uncompressed (on disk) size;
 *     never mixed within one figure
 * @param source where the figure comes from (URL or "measured: ...")
 * @param asOf the date of the figure, ISO-8601
 * @param upTo the high end of the saving; equal to {@code bytes} for a point figure. A range comes from
 *     ranges of measured figures (a tag without its own figure), never from a guess
 * @param change what the saving is the saving of, e.g. {@code base eclipse-temurin:21-jdk -> eclipse-temurin:21-jre};
 *     two findings proposing the same change share one saving. Null for a change of its own
 * @param sharedWith the rule id whose finding already counts this saving ({@code DD101}); null when
 *     this finding counts it. A shared saving is shown, never added twice
 */
public record Savings(long bytes, SizeKind kind, String source, String asOf, long upTo, String change,
                      String sharedWith) {

    public Savings(long bytes, SizeKind kind, String source, String asOf) {
        this(bytes, kind, source, asOf, bytes, null, null);
    }

    /** Whether the saving is a range ({@code bytes}..{@code upTo}). */
    public boolean isRange() {
        return upTo != bytes;
    }

    public Savings withChange(String c) {
        return new Savings(bytes, kind, source, asOf, upTo, c, sharedWith);
    }

    public Savings sharedWith(String ruleId) {
        return new Savings(bytes, kind, source, asOf, upTo, change, ruleId);
    }

    public enum SizeKind {
        COMPRESSED, UNCOMPRESSED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
