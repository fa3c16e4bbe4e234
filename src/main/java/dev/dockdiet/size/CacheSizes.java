package dev.dockdiet.size;

import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Savings.SizeKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a package-manager cache left in a layer costs, as measured by {@code scripts/measure-caches.sh}
 * on the real distribution (committed as {@code rules/cache-sizes.tsv}, shipped in the jar). Only
 * measured caches have a figure: for the others the saving stays unknown.
 */
public final class CacheSizes {

    public static final String RESOURCE = "/dockdiet/rules/cache-sizes.tsv";

    /** One measured row. */
    public record Row(String cache, String distro, String release, SizeKind kind, long bytes, String asOf, String source) {
    }

    private static final class Holder {
        static final List<Row> ROWS = load();
    }

    /** Debian and Ubuntu version numbers of the releases the table names. */
    private static final Map<String, String> RELEASES = Map.ofEntries(Map.entry("10", "buster"),
            Map.entry("11", "bullseye"), Map.entry("12", "bookworm"), Map.entry("13", "trixie"), Map.entry("14", "forky"),
            Map.entry("unstable", "sid"), Map.entry("16.04", "xenial"), Map.entry("18.04", "bionic"),
            Map.entry("20.04", "focal"), Map.entry("22.04", "jammy"), Map.entry("24.04", "noble"));

    /**
     * The releases the official images are built on today. A base whose tag names no release (node:22,
     * ubuntu, python:3.12) gets the range over these: older releases measured for the tags that name
     * them (debian:bullseye, ubuntu:18.04) do not widen it.
     */
    private static final java.util.Set<String> CURRENT = java.util.Set.of("bookworm", "trixie", "jammy", "noble");

    /** Official families whose default tags are built on Ubuntu (the others on Debian). */
    private static final java.util.Set<String> UBUNTU_BASED = java.util.Set.of("eclipse-temurin", "ibm-semeru-runtimes",
            "sapmachine", "gradle", "maven", "swift");
    /** Official families without apt. */
    private static final java.util.Set<String> NOT_APT = java.util.Set.of("alpine", "busybox", "scratch", "centos",
            "fedora", "almalinux", "rockylinux", "oraclelinux", "amazonlinux", "amazoncorretto");

    private CacheSizes() {
    }

    public static List<Row> rows() {
        return Holder.ROWS;
    }

    private static List<Row> load() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = CacheSizes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return rows;
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("cache\t")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length < 7) {
                    continue;
                }
                rows.add(new Row(c[0], c[1], c[2], c[3].equals("compressed") ? SizeKind.COMPRESSED : SizeKind.UNCOMPRESSED,
                        Long.parseLong(c[4]), c[5], c[6]));
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return List.copyOf(rows);
    }

    /**
     * What installing these compiler packages with apt costs in a layer, from the per-package
     * measurements ({@code apt-package:<name>} rows) on the base's release (or the releases of its
     * distribution): at least the largest one (each brings its dependencies), at most their sum
     * (shared dependencies counted once per package). Null unless every package was measured, or on an
     * alpine base.
     */
    public static Savings packages(ImageMatch base, List<String> names) {
        String[] where = where(base);
        if (where == null || names.isEmpty()) {
            return null;
        }
        long low = 0;
        long high = 0;
        String first = null;
        String last = null;
        java.util.Set<String> releases = new java.util.TreeSet<>();
        for (String name : names) {
            long min = Long.MAX_VALUE;
            long max = -1;
            for (Row r : rows()) {
                if (r.cache().equals("apt-package:" + name) && r.kind() == SizeKind.COMPRESSED && matches(r, where)) {
                    min = Math.min(min, r.bytes());
                    max = Math.max(max, r.bytes());
                    first = first == null || r.asOf().compareTo(first) < 0 ? r.asOf() : first;
                    last = last == null || r.asOf().compareTo(last) > 0 ? r.asOf() : last;
                    releases.add(r.release());
                }
            }
            if (max < 0) {
                return null; // not measured: unknown
            }
            low = Math.max(low, min);
            high += max;
        }
        String source = "measured: scripts/measure-caches.sh, apt-get install --no-install-recommends "
                + String.join(" ", names) + " on " + String.join(", ", releases) + " (rules/cache-sizes.tsv)";
        return new Savings(low, SizeKind.COMPRESSED, source, first.equals(last) ? first : first + "/" + last, high,
                null, null);
    }

    /** {distro, release} to select rows by (either may be null = any); null when apt cannot apply (alpine). */
    private static String[] where(ImageMatch base) {
        if (base == null || base.userDefined()) {
            return new String[] {null, null};
        }
        if (base.family().equals("debian") || base.family().equals("ubuntu")) {
            return new String[] {base.family(), base.version() == null ? null
                    : RELEASES.getOrDefault(base.version(), base.version())};
        }
        if (base.os() != null) {
            return base.os().startsWith("alpine") ? null : new String[] {null, base.os()};
        }
        if (base.variant() != null && base.variant().contains("alpine")) {
            return null;
        }
        if (base.family().startsWith("distroless") || base.family().startsWith("dotnet")) {
            return new String[] {null, null};
        }
        if (UBUNTU_BASED.contains(base.family())) {
            return new String[] {"ubuntu", null};
        }
        if (NOT_APT.contains(base.family())) {
            return null;
        }
        return new String[] {"debian", null};
    }

    private static boolean matches(Row r, String[] where) {
        return (where[0] == null || r.distro().equals(where[0]))
                && (where[1] == null ? CURRENT.contains(r.release()) : r.release().equals(where[1]));
    }

    /**
     * The saving of not leaving {@code /var/lib/apt/lists} in a layer of a stage based on {@code base}:
     * the figure measured on its release when the base names one (debian:bookworm, node:22-trixie,
     * ubuntu:24.04), else the range over the current releases of its distribution (Debian for the
     * official language images, whose default is Debian), else over all current releases. Null on an
     * alpine base or when nothing was measured.
     */
    public static Savings aptLists(ImageMatch base) {
        String[] where = where(base);
        if (where == null) {
            return null;
        }
        List<Row> use = new ArrayList<>();
        for (Row r : rows()) {
            if (r.cache().equals("apt-lists") && r.kind() == SizeKind.COMPRESSED && matches(r, where)) {
                use.add(r);
            }
        }
        if (use.isEmpty()) {
            return null; // a release that was not measured: unknown
        }
        long min = Long.MAX_VALUE;
        long max = 0;
        String first = null;
        String last = null;
        List<String> releases = new ArrayList<>();
        for (Row r : use) {
            min = Math.min(min, r.bytes());
            max = Math.max(max, r.bytes());
            first = first == null || r.asOf().compareTo(first) < 0 ? r.asOf() : first;
            last = last == null || r.asOf().compareTo(last) > 0 ? r.asOf() : last;
            releases.add(r.release());
        }
        String source = "measured: scripts/measure-caches.sh, /var/lib/apt/lists after apt-get update on "
                + String.join(", ", releases) + " (rules/cache-sizes.tsv)";
        return new Savings(min, SizeKind.COMPRESSED, source, first.equals(last) ? first : first + "/" + last, max,
                null, null);
    }
}
