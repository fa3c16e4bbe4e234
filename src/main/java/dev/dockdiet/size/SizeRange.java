package dev.dockdiet.size;

import dev.dockdiet.rule.Savings.SizeKind;

/**
 * What the knowledge base can say when a tag has no figure of its own but its family and variant
 * do: the span of the sourced figures measured on the variant's version lines, with their dates.
 * Never a point value: a range of real measurements.
 *
 * @param family e.g. {@code golang}
 * @param variant e.g. {@code full}
 * @param kind the kind of every figure in the range
 * @param minBytes the smallest measured figure
 * @param maxBytes the largest measured figure
 * @param firstLine the oldest version line measured ({@code 1.19}); null when the figures are of exact tags only
 * @param lastLine the newest version line measured ({@code 1.27})
 * @param firstAsOf the oldest date among the figures (ISO-8601)
 * @param lastAsOf the newest date among the figures
 * @param count how many figures the range spans
 * @param source where the figures come from (URL of one of them, or a short name)
 */
public record SizeRange(String family, String variant, SizeKind kind, long minBytes, long maxBytes,
                        String firstLine, String lastLine, String firstAsOf, String lastAsOf, int count, String source) {

    /** {@code golang full images: 280–312 MB compressed, lines 1.19–1.27, 2023-01…2026-09}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(family).append(' ').append(variant).append(" images: ").append(mb(minBytes, maxBytes)).append(' ')
                .append(kind.label());
        if (firstLine != null) {
            b.append(", ").append(firstLine.equals(lastLine) ? "line " + firstLine : "lines " + firstLine + "–" + lastLine);
        }
        b.append(", ").append(month(firstAsOf).equals(month(lastAsOf)) ? month(firstAsOf)
                : month(firstAsOf) + "…" + month(lastAsOf));
        return b.toString();
    }

    /** {@code 280–312 MB}. */
    static String mb(long min, long max) {
        int decimals = max < 10_000_000L ? 1 : 0;
        String a = dev.dockdiet.rule.Decimals.fixed(min / 1e6, decimals);
        String b = dev.dockdiet.rule.Decimals.fixed(max / 1e6, decimals);
        return a.equals(b) ? a + " MB" : a + "–" + b + " MB";
    }

    private static String month(String asOf) {
        String first = asOf.split("/")[0];
        return first.length() > 7 ? first.substring(0, 7) : first;
    }
}
