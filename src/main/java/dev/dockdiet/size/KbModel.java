package dev.dockdiet.size;

import dev.dockdiet.rule.Savings.SizeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The knowledge base as loaded from {@code rules/base-images.json}; package-private. */
final class KbModel {

    private KbModel() {
    }

    /** OS releases that may appear as a tag component. Alpine releases ({@code alpine3.19}) are recognised by shape. */
    static final Set<String> OS_RELEASES = Set.of(
            "jessie", "stretch", "buster", "bullseye", "bookworm", "trixie", "forky",
            "xenial", "bionic", "focal", "jammy", "noble", "oracular", "plucky", "questing", "resolute");

    private static final Pattern ALPINE = Pattern.compile("alpine((?:\\d+)(?:\\.\\d+)*)?");

    /** A tag read with a family's grammar. */
    record Parsed(String version, String os, List<String> tokens, String suffix, boolean tagKnown) {
    }

    /**
     * @param literalPrefix the pattern's text up to its first regex metacharacter, checked with
     *     {@code startsWith} before the regex runs (most families are a plain name)
     */
    record ImagePattern(Set<String> registries, Pattern repository, String literalPrefix, boolean literal,
                        boolean hasVersionGroup, boolean hasOsGroup) {

        static ImagePattern of(Set<String> registries, String regex) {
            int cut = 0;
            while (cut < regex.length() && "\\()[]{}?*+.|^$".indexOf(regex.charAt(cut)) < 0) {
                cut++;
            }
            return new ImagePattern(registries, Pattern.compile(regex), regex.substring(0, cut), cut == regex.length(),
                    regex.contains("(?<version>"), regex.contains("(?<os>"));
        }

        /** The matcher when the repository matches, else null. */
        Matcher match(String registry, String repo) {
            if (!registries.contains(registry) || !repo.startsWith(literalPrefix)
                    || (literal && repo.length() != literalPrefix.length())) {
                return null;
            }
            Matcher m = repository.matcher(repo);
            return m.matches() ? m : null;
        }
    }

    static final class Family {
        String name;
        List<ImagePattern> images = new ArrayList<>();
        ImageRuntime runtime;
        boolean toolchain;
        boolean deprecated;
        String note;
        boolean tagHasVersion = true;
        Set<String> versionKeywords = Set.of();
        Map<String, String> versionAliases = Map.of();
        Set<String> defaultTokens = Set.of();
        Set<String> neutralTokens = Set.of();
        /** How many dot-separated numbers make a version line ({@code 22} for node: 1; {@code 1.25} for golang: 2). */
        int lineDepth = 0;
        List<Variant> variants = new ArrayList<>();

        /**
         * Splits a tag into version, OS release and variant tokens, e.g. {@code 3.12-slim-bookworm}
         * gives version 3.12, os bookworm, tokens [slim]. A null tag (digest only) is unknown.
         */
        Parsed parse(String tag, String repoVersion, String repoOs) {
            if (tag == null) {
                return new Parsed(repoVersion, repoOs, List.of(), "", false);
            }
            String[] parts = tag.split("-", -1);
            int i = 0;
            String version = repoVersion;
            String suffix = "";
            if (tagHasVersion) {
                String p0 = parts[0];
                if (parts.length == 1 && p0.equals("latest")) {
                    i = 1;
                } else if (!p0.isEmpty() && (Character.isDigit(p0.charAt(0)) || versionKeywords.contains(p0)
                        || versionAliases.containsKey(p0))) {
                    version = p0;
                    i = 1;
                    suffix = tag.substring(p0.length());
                }
            }
            String os = repoOs;
            List<String> tokens = new ArrayList<>();
            for (; i < parts.length; i++) {
                String p = parts[i];
                if (p.isEmpty()) {
                    tokens.add(p); // "a--b": no variant will match
                    continue;
                }
                Matcher alpine = ALPINE.matcher(p);
                if (os == null && OS_RELEASES.contains(p)) {
                    os = p;
                } else if (alpine.matches()) {
                    tokens.add("alpine");
                    if (alpine.group(1) != null && os == null) {
                        os = p;
                    }
                } else if (!neutralTokens.contains(p) && !defaultTokens.contains(p)) {
                    tokens.add(p);
                }
            }
            return new Parsed(version, os, tokens, suffix, true);
        }

        /** {@code bookworm} and {@code 12} are the same Debian version; everything else is itself. */
        String canonicalVersion(String v) {
            if (v == null) {
                return "latest";
            }
            return versionAliases.getOrDefault(v, v);
        }
    }

    static final class Variant {
        String name;
        List<String> tokenSpecs = new ArrayList<>();
        Boolean toolchain;
        List<Trap> traps = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        List<AltSpec> alternatives = new ArrayList<>();

        /**
         * Matches the tag's tokens against this variant's token specs, every token used exactly once.
         * A spec may hold {@code {java}} (digits), which is bound. Returns null when they do not match.
         */
        Map<String, String> bind(List<String> tokens) {
            if (tokens.size() != tokenSpecs.size()) {
                return null;
            }
            List<String> left = new ArrayList<>(tokens);
            Map<String, String> bindings = new HashMap<>();
            List<String> patterns = new ArrayList<>();
            for (String spec : tokenSpecs) {
                if (spec.contains("{")) {
                    patterns.add(spec);
                } else if (!left.remove(spec)) {
                    return null;
                }
            }
            for (String spec : patterns) {
                int open = spec.indexOf('{');
                int close = spec.indexOf('}', open);
                String var = spec.substring(open + 1, close);
                Pattern p = Pattern.compile(Pattern.quote(spec.substring(0, open)) + "(\\d+)"
                        + Pattern.quote(spec.substring(close + 1)));
                String found = null;
                for (String t : left) {
                    Matcher m = p.matcher(t);
                    if (m.matches()) {
                        found = t;
                        bindings.put(var, m.group(1));
                        break;
                    }
                }
                if (found == null) {
                    return null;
                }
                left.remove(found);
            }
            return left.isEmpty() ? bindings : null;
        }
    }

    static final class Figure {
        String image;
        String measuredOs;
        List<String> exactVersions = new ArrayList<>();
        List<String> versionLines = new ArrayList<>();
        SizeKind kind;
        long bytes;
        String platform;
        String asOf;
        String source;
        String sourceNote;
        String confidence;
        /** Older figures of the same slot (same tag or same line and release), newest first: kept visible as history. */
        List<History> history = new ArrayList<>();
        // the measured image read with its family's grammar (set at load)
        String os;
        Map<String, String> bindings = Map.of();

        /** Whether the figure stands for this (canonical) version: one of its exact tags, or within one of its lines. */
        boolean covers(String canonicalVersion) {
            return rank(canonicalVersion) > 0;
        }

        /**
         * How closely the figure stands for the version: {@code Integer.MAX_VALUE} for the very tag (an
         * exact version, or the line itself), else the length of the longest line containing it, 0 when
         * it does not. {@code golang:1.26.6} is best served by a figure measured on 1.26.6, then by the
         * 1.26 line.
         */
        int rank(String canonicalVersion) {
            if (exactVersions.contains(canonicalVersion)) {
                return Integer.MAX_VALUE;
            }
            int best = 0;
            for (String line : versionLines) {
                if (canonicalVersion.equals(line)) {
                    return Integer.MAX_VALUE;
                }
                if (canonicalVersion.startsWith(line + ".")) {
                    best = Math.max(best, line.length());
                }
            }
            return best;
        }

        /** The version line the figure was measured on ({@code 1.25}), or null when it stands for exact tags only. */
        String line() {
            return versionLines.isEmpty() ? null : versionLines.get(0);
        }

        SizeFigure toFigure(SizeFigure.Fit fit) {
            return new SizeFigure(image, kind, bytes, platform, asOf, source, sourceNote, confidence, fit);
        }
    }

    /** An older figure of the same slot. */
    record History(String image, long bytes, String asOf, String source) {
    }

    static final class AltSpec {
        String template;
        List<String> majorIn = List.of();
        List<String> versionLineIn = List.of();
        List<String> versionIn = List.of();
        List<String> javaIn = List.of();
        boolean requiresVersion;
        List<Trap> traps = new ArrayList<>();
        String note;

        /**
         * Fills the template from the user's tag; null when a placeholder it needs is unknown or a
         * condition fails, so an alternative is never proposed for a version it was not meant for.
         */
        String render(Parsed parsed, Map<String, String> bindings) {
            String v = parsed.version();
            String major = null;
            String minor = null;
            if (v != null) {
                Matcher m = Pattern.compile("(\\d+)(?:\\.(\\d+))?").matcher(v);
                if (m.lookingAt()) {
                    major = m.group(1);
                    minor = m.group(2) == null ? null : m.group(1) + "." + m.group(2);
                }
            }
            String java = bindings.get("java");
            if (requiresVersion && v == null) {
                return null;
            }
            if (!majorIn.isEmpty() && (major == null || !majorIn.contains(major))) {
                return null;
            }
            if (!versionIn.isEmpty() && (v == null || !versionIn.contains(v))) {
                return null;
            }
            if (!javaIn.isEmpty() && (java == null || !javaIn.contains(java))) {
                return null;
            }
            if (!versionLineIn.isEmpty()) {
                boolean ok = false;
                for (String line : versionLineIn) {
                    ok |= v != null && (v.equals(line) || v.startsWith(line + "."));
                }
                if (!ok) {
                    return null;
                }
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("{v}", v == null ? "" : v);
            values.put("{major}", major);
            values.put("{minor}", minor);
            values.put("{java}", java);
            values.put("{os}", parsed.os() == null ? "" : parsed.os());
            values.put("{-os}", parsed.os() == null ? "" : "-" + parsed.os());
            values.put("{suffix}", parsed.suffix());
            String out = template;
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (out.contains(e.getKey())) {
                    if (e.getValue() == null) {
                        return null;
                    }
                    out = out.replace(e.getKey(), e.getValue());
                }
            }
            return cleanTag(out);
        }

        /** {@code node:18--slim} becomes {@code node:18-slim}, {@code node:-slim} becomes {@code node:slim}. */
        static String cleanTag(String ref) {
            int slash = ref.lastIndexOf('/');
            int colon = ref.lastIndexOf(':');
            if (colon <= slash) {
                return ref;
            }
            String tag = ref.substring(colon + 1).replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
            return tag.isEmpty() ? ref.substring(0, colon) : ref.substring(0, colon + 1) + tag;
        }
    }
}
