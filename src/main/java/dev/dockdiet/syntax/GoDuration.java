package dev.dockdiet.syntax;

import java.math.BigDecimal;
import java.util.Map;

/** Go's {@code time.ParseDuration}, for HEALTHCHECK's duration flags. */
final class GoDuration {

    private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    static final class DurationException extends Exception {
        private static final long serialVersionUID = 1L;

        DurationException(String message) {
            super(message);
        }
    }

    /** The duration in nanoseconds. */
    static long parse(String orig) throws DurationException {
        String s = orig;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(orig);
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!(c == '.' || (c >= '0' && c <= '9'))) {
                throw invalid(orig);
            }
            int numStart = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            boolean pre = i > numStart;
            String intPart = s.substring(numStart, i);
            String frac = "";
            boolean post = false;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int f = i;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                frac = s.substring(f, i);
                post = i > f;
            }
            if (!pre && !post) {
                throw invalid(orig);
            }
            int u = i;
            while (i < s.length() && s.charAt(i) != '.' && !(s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
                i++;
            }
            if (u == i) {
                throw new DurationException("time: missing unit in duration " + AstDump.goQuote(orig));
            }
            String unit = s.substring(u, i);
            Long scale = UNITS.get(unit);
            if (scale == null) {
                throw new DurationException("time: unknown unit " + AstDump.goQuote(unit) + " in duration "
                        + AstDump.goQuote(orig));
            }
            BigDecimal v = new BigDecimal((intPart.isEmpty() ? "0" : intPart) + (frac.isEmpty() ? "" : "." + frac));
            total = total.add(v.multiply(BigDecimal.valueOf(scale)));
            if (total.compareTo(MAX) > 0) {
                throw invalid(orig);
            }
        }
        long ns = total.longValue();
        return neg ? -ns : ns;
    }

    private static DurationException invalid(String orig) {
        return new DurationException("time: invalid duration " + AstDump.goQuote(orig));
    }
}
