package dev.dockdiet.size.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human sizes. Printing uses decimal units like {@code docker images} (1 MB = 1,000,000 bytes).
 * Parsing accepts decimal units (kB/KB, MB, GB, TB) and binary ones (KiB, MiB, GiB, TiB), plain
 * bytes ({@code 1234} or {@code 1234B}); case-insensitive, an optional space before the unit.
 */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b?|b)?\\s*",
            Pattern.CASE_INSENSITIVE);

    private Sizes() {
    }

    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: '" + text + "' (use e.g. 200MB, 1.5GB, 512MiB)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        boolean binary = unit.contains("i");
        double base = binary ? 1024 : 1000;
        int power = switch (unit.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            default -> 0;
        };
        return Math.round(n * Math.pow(base, power));
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
