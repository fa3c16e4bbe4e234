package dev.dockdiet.rules.size;

import dev.dockdiet.size.SizeFigure;
import java.net.URI;
import java.util.Locale;

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
        return (v < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v)) + " " + units[u];
    }

    /** {@code compressed, linux/amd64, docker-library/repo-info 2026-04}. */
    static String provenance(SizeFigure f) {
        return f.kind().label() + ", " + f.platform() + ", " + source(f.source()) + " " + f.asOf();
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
