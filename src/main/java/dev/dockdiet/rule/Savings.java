package dev.dockdiet.rule;

/**
 * An expected size saving, always looked up or measured, never invented.
 *
 * @param bytes how many bytes the image is expected to shrink by
 * @param kind whether the figure is a compressed (registry, pull) or uncompressed (on disk) size;
 *     never mixed within one figure
 * @param source where the figure comes from (URL or "measured: ...")
 * @param asOf the date of the figure, ISO-8601
 */
public record Savings(long bytes, SizeKind kind, String source, String asOf) {

    public enum SizeKind {
        COMPRESSED, UNCOMPRESSED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
