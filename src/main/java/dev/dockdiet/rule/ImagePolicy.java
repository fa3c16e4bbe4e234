package dev.dockdiet.rule;

import dev.dockdiet.syntax.GlobMatcher;
import dev.dockdiet.syntax.ImageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The image policies of the configuration ({@code trustedRegistries}, {@code allowedBaseImages}),
 * decided in one place for the rules that enforce them (DD303, DD304) and for {@code Config}.
 * Patterns are hadolint-style wildcards: {@code *} matches any text ({@code /} and {@code :}
 * included), {@code ?} one character, everything else is literal; matching ignores case.
 */
public final class ImagePolicy {

    private static final List<String> HUB_NAMES = List.of("docker.io", "index.docker.io", "hub.docker.com",
            "registry-1.docker.io");
    private static final Map<String, GlobMatcher> COMPILED = new ConcurrentHashMap<>();

    private ImagePolicy() {
    }

    /** True if {@code registry} matches a pattern; Docker Hub matches under any of its names. */
    public static boolean trustsRegistry(List<String> patterns, String registry) {
        for (String p : patterns) {
            if (matches(p, registry)) {
                return true;
            }
            if (HUB_NAMES.contains(registry)) {
                for (String hub : HUB_NAMES) {
                    if (matches(p, hub)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * True if a pattern matches the reference as written or in its short and fully qualified forms
     * ({@code node:20-slim}, {@code docker.io/library/node:20-slim}); a pattern without tag or
     * digest allows every tag of that name.
     *
     * @param written the reference as written; {@code ref} its parse, or null when it does not parse
     */
    public static boolean allowsBaseImage(List<String> patterns, String written, ImageRef ref) {
        List<String> withTag = new ArrayList<>();
        withTag.add(written.trim());
        List<String> names = new ArrayList<>();
        if (ref != null) {
            String full = ref.registry() + "/" + ref.repository();
            String suffix = (ref.tag() != null ? ":" + ref.tag() : "") + (ref.digest() != null ? "@" + ref.digest() : "");
            withTag.add(ref.familiarName() + suffix);
            withTag.add(full + suffix);
            if (ref.tag() == null && ref.digest() == null) {
                withTag.add(ref.familiarName() + ":latest");
                withTag.add(full + ":latest");
            }
            names.add(ref.familiarName());
            names.add(full);
        }
        for (String p : patterns) {
            boolean hasTag = p.contains("@") || p.lastIndexOf(':') > p.lastIndexOf('/');
            for (String c : hasTag ? withTag : names) {
                if (matches(p, c)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean matches(String pattern, String text) {
        return COMPILED.computeIfAbsent(pattern, ImagePolicy::compile).matches(text);
    }

    private static GlobMatcher compile(String pattern) {
        return GlobMatcher.wildcard(pattern, true);
    }
}
