package dev.dockdiet.report;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Decimals;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wording shared by the formats. */
final class Texts {

    /** Said wherever sizes appear: registries report decimal sizes, and so do we. */
    static final String UNITS_NOTE = "1 MB = 1,000,000 bytes";

    private Texts() {
    }

    /**
     * A size in decimal units: {@code 950 B}, {@code 4.2 kB}, {@code 210 MB}, {@code 1.1 GB}. Three
     * significant figures at most; one decimal below 10.
     */
    static String humanBytes(long bytes) {
        long b = Math.abs(bytes);
        String sign = bytes < 0 ? "-" : "";
        if (b < 1000) {
            return sign + b + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = b;
        int u = -1;
        do {
            v /= 1000;
            u++;
        } while (v >= 999.5 && u < units.length - 1);
        String num = Decimals.fixed(v, v < 9.95 ? 1 : 0);
        return sign + num + " " + units[u];
    }

    /** {@code ~210 MB compressed, as of 2024-05-01} */
    static String savingShort(Savings s) {
        return amount(s) + " " + s.kind().label() + (s.asOf() == null ? "" : ", as of " + s.asOf())
                + (s.sharedWith() == null ? "" : ", the same change as " + s.sharedWith() + ", counted once");
    }

    /** {@code ~109 MB}, or {@code 275–385 MB} for a range. */
    static String amount(Savings s) {
        return amount(s.bytes(), s.upTo());
    }

    /** {@code ~109 MB}, or {@code 275–385 MB} when the ends differ. */
    static String amount(long min, Long max) {
        if (max == null || max == min) {
            return "~" + humanBytes(min);
        }
        if (min == 0) {
            return "at most " + humanBytes(max);
        }
        String a = humanBytes(min);
        String b = humanBytes(max);
        String ua = a.substring(a.indexOf(' ') + 1);
        return ua.equals(b.substring(b.indexOf(' ') + 1)) ? a.substring(0, a.indexOf(' ')) + "–" + b : a + "–" + b;
    }

    /** The message with the saving appended when known, for formats without a field for it. */
    static String messageWithSaving(Finding f) {
        if (f.savings() == null) {
            return f.message();
        }
        return f.message() + " (saves " + savingShort(f.savings()) + ")";
    }

    static String fixLabel(Applicability a) {
        return a == Applicability.SAFE ? "safe fix" : "suggested fix";
    }

    /** {@code DD101 oversized-base} */
    static String ruleTitle(RuleMeta r) {
        return r.id() + " " + r.name();
    }

    /** Replaces control characters (except those listed in {@code keep}) with U+FFFD, so no text can drive a terminal. */
    static String sanitize(String s, String keep) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 || (c >= 0x7f && c < 0xa0)) && keep.indexOf(c) < 0;
            if (control) {
                if (b == null) {
                    b = new StringBuilder(s.length()).append(s, 0, i);
                }
                b.append('\uFFFD');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Counts by severity over all files, every severity present (zero when none). */
    static Map<Severity, Integer> countBySeverity(LintReport report) {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0);
        }
        for (FileReport f : report.files()) {
            for (Finding x : f.findings()) {
                m.merge(x.severity(), 1, Integer::sum);
            }
        }
        return m;
    }

    static int countFindings(LintReport report) {
        return report.files().stream().mapToInt(f -> f.findings().size()).sum();
    }

    /** Findings with a fix of applicability {@code a} (any when null) that {@code --fix} did not refuse. */
    static int countFixable(LintReport report, Applicability a) {
        int n = 0;
        for (FileReport f : report.files()) {
            for (Finding x : f.findings()) {
                if (x.fix() != null && !x.fix().isRefused() && (a == null || x.fix().applicability() == a)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Findings whose fix {@code --fix} refused (it would have added a finding): not fixable. */
    static int countRefused(LintReport report) {
        int n = 0;
        for (FileReport f : report.files()) {
            for (Finding x : f.findings()) {
                if (x.fix() != null && x.fix().isRefused()) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * The rules to list (the catalogue, then any rule that a finding uses but the catalogue lacks,
     * in order of first use) with their index.
     */
    static Map<String, Integer> ruleIndex(LintReport report, List<RuleMeta> out) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<RuleMeta> all = new ArrayList<>(report.rules());
        for (FileReport f : report.files()) {
            for (Finding x : f.findings()) {
                all.add(x.rule());
            }
        }
        for (RuleMeta r : all) {
            if (!index.containsKey(r.id())) {
                index.put(r.id(), out.size());
                out.add(r);
            }
        }
        return index;
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
