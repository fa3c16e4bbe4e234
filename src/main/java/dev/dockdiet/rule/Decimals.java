package dev.dockdiet.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers with a fixed count of decimals, as {@code String.format(Locale.ROOT, "%.1f", v)} writes
 * them (the shortest decimal of the double, rounded half up), without {@link java.util.Formatter}:
 * its first use loads a format-string parser, locale data and number formatting (a tenth of a lint
 * run's start-up), and sizes are in almost every report.
 */
public final class Decimals {

    private Decimals() {
    }

    /** {@code v} with {@code decimals} digits after the point ({@code 0}: none, no point). */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        }
        String s = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        return v < 0 || (v == 0 && 1 / v < 0) ? (s.startsWith("-") ? s : "-" + s) : s;
    }
}
