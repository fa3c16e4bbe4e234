package dev.dockdiet.rules.build;

import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.EditDistance;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Helpers the build rules share. Stateless. */
final class Support {

    /**
     * The global build args BuildKit defines for every FROM, in this order: typo suggestions take the
     * first of equally close names, so the order must not change from run to run (a {@code Set.of}
     * iterates in an order drawn at each JVM start).
     */
    static final Set<String> PLATFORM_ARGS = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(
            "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETPLATFORM", "TARGETOS", "TARGETARCH",
            "TARGETVARIANT", "TARGETSTAGE")));

    private static final Pattern NAME_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                    + "|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");

    private Support() {
    }

    /** The stage and the stages it is built on ({@code FROM <stage>}), nearest first. */
    static List<Stage> chain(Dockerfile file, Stage stage) {
        return file.baseChain(stage);
    }

    /** True when a reference is valid as Docker's reference grammar says (familiar form allowed). */
    static boolean validReference(String ref) {
        if (ref == null || ref.isEmpty()) {
            return false;
        }
        String s = ref;
        int at = s.indexOf('@');
        if (at >= 0) {
            if (!DIGEST.matcher(s.substring(at + 1)).matches()) {
                return false;
            }
            s = s.substring(0, at);
        }
        int slash = s.lastIndexOf('/');
        int colon = s.lastIndexOf(':');
        if (colon > slash) {
            if (!TAG.matcher(s.substring(colon + 1)).matches()) {
                return false;
            }
            s = s.substring(0, colon);
        }
        if (s.isEmpty()) {
            return false;
        }
        String[] parts = s.split("/", -1);
        int first = 0;
        if (parts.length > 1 && (parts[0].contains(".") || parts[0].contains(":") || parts[0].equals("localhost")
                || !parts[0].equals(parts[0].toLowerCase(Locale.ROOT)))) {
            if (!DOMAIN.matcher(parts[0]).matches()) {
                return false;
            }
            first = 1;
        }
        for (int i = first; i < parts.length; i++) {
            if (!NAME_COMPONENT.matcher(parts[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The candidate closest to {@code name} by edit distance (case-insensitive), if it is close enough to be a typo. */
    static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c == null || c.equals(name)) {
                continue;
            }
            int d = EditDistance.osa(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDist) {
                bestDist = d;
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        int limit = Math.max(1, Math.min(name.length(), best.length()) / 3);
        return bestDist <= Math.min(limit, 2) ? best : null;
    }

    /** The stage names of the file, lower-cased, in order (unnamed stages skipped). */
    static List<String> stageNames(Dockerfile file) {
        List<String> out = new ArrayList<>();
        for (Stage s : file.stages()) {
            if (s.name() != null) {
                out.add(s.name());
            }
        }
        return out;
    }

    /** The meta ARG names (declared before the first FROM). */
    static List<String> metaArgNames(Dockerfile file) {
        List<String> out = new ArrayList<>();
        for (Instruction.Arg a : file.metaArgs()) {
            for (Instruction.ArgDef d : a.definitions()) {
                out.add(d.name());
            }
        }
        return out;
    }
}
