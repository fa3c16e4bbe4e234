package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Decimals;
import dev.dockdiet.size.SizeFigure;
import java.net.URI;

/** How the size rules print sizes and their sources. */
final class SizeText {

    private SizeText() {
    }

    /** Bytes in decimal units with the precision people read: {@code 1.1 GB}, {@code 80 MB}, {@code 328 MB}, {@code 4.2 kB}. */
    static String bytes(long b) {
        double v = b;
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        if (u == 0) {
            return b + " B";
        }
        return Decimals.fixed(v, v < 10 ? 1 : 0) + " " + units[u];
    }

    /** {@code ~109 MB} for a point saving, {@code 275–385 MB} for a range. */
    static String amount(dev.dockdiet.rule.Savings s) {
        return s.isRange() ? range(s.bytes(), s.upTo()) : "~" + bytes(s.bytes());
    }

    /** {@code 275–385 MB}: both ends in the unit of the larger. */
    static String range(long min, long max) {
        String a = bytes(min);
        String b = bytes(max);
        String unitA = a.substring(a.indexOf(' ') + 1);
        String unitB = b.substring(b.indexOf(' ') + 1);
        return unitA.equals(unitB) ? a.substring(0, a.indexOf(' ')) + "–" + b : a + "–" + b;
    }

    /**
     * What is known of an image's size in one kind, with its basis: {@code 408 MB (compressed,
     * linux/amd64, measured on node:22, docker-library/repo-info 2026-09-19)}, or the range of its
     * variant ({@code golang full images: 290–361 MB compressed, lines 1.18–1.27, 2023-01…2026-09}),
     * or null when nothing is known.
     */
    static String describe(dev.dockdiet.size.ImageMatch m, dev.dockdiet.rule.Savings.SizeKind kind) {
        if (m == null) {
            return null;
        }
        java.util.Optional<SizeFigure> f = kind == null ? m.figure() : m.figure(kind);
        if (f.isPresent()) {
            return bytes(f.get().bytes()) + " (" + provenance(f.get()) + ")";
        }
        if (m.figures().isEmpty() && m.range() != null && (kind == null || m.range().kind() == kind)) {
            return "not measured itself (" + m.range().describe() + ")";
        }
        java.util.Optional<SizeFigure> disk = m.figure(dev.dockdiet.rule.Savings.SizeKind.UNCOMPRESSED);
        if (kind == dev.dockdiet.rule.Savings.SizeKind.COMPRESSED && disk.isPresent()) {
            return "at most " + bytes(disk.get().bytes()) + " compressed (" + provenance(disk.get()) + ": its size on disk)";
        }
        if (kind == dev.dockdiet.rule.Savings.SizeKind.COMPRESSED && m.figures().isEmpty() && m.range() != null) {
            return "at most " + bytes(m.range().maxBytes()) + " compressed (not measured itself; " + m.range().describe()
                    + ", on disk)";
        }
        return null;
    }

    /** {@code compressed, linux/amd64, measured on node:22, docker-library/repo-info 2026-09-19}. */
    static String provenance(SizeFigure f) {
        return f.kind().label() + ", " + f.platform() + ", measured on " + f.basis() + ", " + source(f.source()) + " "
                + f.asOf();
    }

    /** A short name for a source URL: {@code docker-library/repo-info} for GitHub, else the host. */
    static String source(String url) {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null) {
                return url;
            }
            if (u.getHost().equals("github.com") && u.getPath() != null) {
                String[] parts = u.getPath().split("/");
                if (parts.length >= 3) {
                    return parts[1] + "/" + parts[2];
                }
            }
            return u.getHost();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
