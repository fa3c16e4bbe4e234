package dev.dockdiet.size;

import dev.dockdiet.rule.Savings.SizeKind;

/**
 * One looked-up size of one image, as it applies to the image it was matched for.
 *
 * @param basis the image the figure was measured on, e.g. {@code node:22-bookworm}; for a private
 *     base from {@code .dockdiet.yaml}, its name and tag pattern
 * @param kind compressed (registry, pull) or uncompressed (on disk); never mixed in one comparison
 * @param bytes the size
 * @param platform e.g. {@code linux/amd64}
 * @param asOf the date of the figure: an ISO-8601 date ({@code 2026-04}, {@code 2026-09-18}) or,
 *     when the source only gives a span of snapshots, an ISO-8601 interval ({@code 2024/2026})
 * @param source URL of the source
 * @param sourceNote what exactly was read there (file, field, snapshot)
 * @param confidence {@code high}, {@code medium} or {@code low} as rated by the research; {@code user}
 *     for private bases
 * @param fit how the figure relates to the matched tag
 */
public record SizeFigure(String basis, SizeKind kind, long bytes, String platform, String asOf,
                         String source, String sourceNote, String confidence, Fit fit) {

    /** How a figure relates to the tag it was matched for. */
    public enum Fit {
        /** Same family, variant, version line and OS release as the measured image. */
        EXACT,
        /**
         * The user's tag names no OS release (e.g. {@code node:22}), the figure was measured on an
         * explicit one ({@code node:22-bookworm}). The default release of a floating tag can move on
         * (bookworm to trixie); sizes of successive Debian-based releases stay within the drift the
         * date already implies, so the figure is given, labelled with its {@link #basis()}.
         */
        DEFAULT_OS
    }

    /** The figure as a human-readable size in MB (10^6 bytes), one decimal, e.g. {@code 408.2 MB}. */
    public String megabytes() {
        return dev.dockdiet.rule.Decimals.fixed(bytes / 1_000_000.0, 1) + " MB";
    }
}
