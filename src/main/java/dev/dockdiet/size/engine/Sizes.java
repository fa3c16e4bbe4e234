package dev.dockdiet.size.engine;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human sizes, the one parser for every size a user writes ({@code sizeBudget} in the config,
 * {@code --max-size} and {@code --max-wasted} of {@code dockdiet image}): {@code 200MB},
 * {@code 1.5 GiB}, {@code 512kB}, {@code 1048576}. Decimal units ({@code B kB KB MB GB TB}, powers
 * of 1000) and binary units ({@code KiB MiB GiB TiB}, powers of 1024); unit letters in any case,
 * an optional space before the unit; a bare number is bytes, and must be whole. Printing uses
 * decimal units like {@code docker images} (1 MB = 1,000,000 bytes).
 */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");

    private Sizes() {
    }

    /**
     * Parses a size in bytes (rounded to the nearest byte).
     *
     * @throws IllegalArgumentException naming the problem, e.g. for {@code 200XB}, {@code -1MB} or {@code 1.5}
     */
    public static long parse(String text) {
        String s = text == null ? "" : text.trim();
        Matcher m = SIZE.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (write e.g. 200MB, 1.5GiB or a number of bytes)");
        }
        long unit = unit(m.group(2));
        if (unit < 0) {
            throw new IllegalArgumentException("unknown size unit '" + m.group(2)
                    + "' in '" + text + "' (use B, kB, MB, GB, TB, KiB, MiB, GiB or TiB)");
        }
        BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        if (unit == 1 && value.scale() > 0 && value.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + text + "' is a fraction of a byte");
        }
        try {
            return value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
    }

    private static long unit(String u) {
        return switch (u.toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "kb" -> 1000L;
            case "mb" -> 1000L * 1000;
            case "gb" -> 1000L * 1000 * 1000;
            case "tb" -> 1000L * 1000 * 1000 * 1000;
            case "kib" -> 1024L;
            case "mib" -> 1024L * 1024;
            case "gib" -> 1024L * 1024 * 1024;
            case "tib" -> 1024L * 1024 * 1024 * 1024;
            default -> -1L;
        };
    }

    /** {@code 0 B}, {@code 999 B}, {@code 1.0 kB}, {@code 52.4 MB}, {@code 1.21 GB}. */
    public static String human(long bytes) {
        long abs = Math.abs(bytes);
        if (abs < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = -1;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String num = Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
        return num + " " + units[u];
    }
}
