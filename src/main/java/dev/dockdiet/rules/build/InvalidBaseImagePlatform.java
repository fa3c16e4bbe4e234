package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.ImageRef;
import dev.dockdiet.syntax.Stage;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DD262: a stage asks for one platform ({@code FROM --platform=linux/amd64}) but its base image
 * exists for another only. BuildKit's {@code InvalidBaseImagePlatform} compares the pulled image's
 * OS and architecture with the requested ones; without a registry dockdiet knows the platform of
 * the single-platform images only: Docker Hub's architecture namespaces ({@code arm64v8/alpine},
 * {@code amd64/ubuntu}, {@code i386/debian} ...) and Microsoft's Windows images
 * ({@code mcr.microsoft.com/windows/...}).
 */
public final class InvalidBaseImagePlatform implements Rule {

    public static final RuleMeta META = new RuleMeta("DD262", "invalid-base-image-platform", Severity.WARNING,
            Category.BUILD, Fixability.NONE, List.of("InvalidBaseImagePlatform"),
            "The base image must exist for the platform FROM --platform asks for");

    /** Docker Hub's per-architecture namespaces and the one platform their images have. */
    private static final Map<String, String> ARCH_NAMESPACES = Map.ofEntries(
            Map.entry("amd64", "linux/amd64"), Map.entry("arm32v5", "linux/arm/v5"),
            Map.entry("arm32v6", "linux/arm/v6"), Map.entry("arm32v7", "linux/arm/v7"),
            Map.entry("arm64v8", "linux/arm64/v8"), Map.entry("i386", "linux/386"),
            Map.entry("mips64le", "linux/mips64le"), Map.entry("ppc64le", "linux/ppc64le"),
            Map.entry("riscv64", "linux/riscv64"), Map.entry("s390x", "linux/s390x"),
            Map.entry("windows-amd64", "windows/amd64"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.file().stages()) {
            Flag platform = s.from().flag("platform").orElse(null);
            ImageRef ref = s.base();
            if (platform == null || platform.value() == null || platform.value().contains("$") || ref == null) {
                continue;
            }
            String[] wanted = platform(platform.value());
            String actual = imagePlatform(ref);
            if (wanted == null || actual == null) {
                continue;
            }
            String[] have = actual.split("/");
            boolean osDiffers = !have[0].equals(wanted[0]);
            boolean archDiffers = have.length > 1 && wanted.length > 1 && !have[1].equals(wanted[1]);
            if (osDiffers || archDiffers) {
                ctx.report(META, s.from().range(), "Base image " + s.baseName() + " was pulled with platform \""
                        + actual + "\", expected \"" + platform.value() + "\" for current build");
            }
        }
    }

    /** The one platform of a single-platform image, or null when it may have several (or is unknown). */
    static String imagePlatform(ImageRef ref) {
        if (ref.isDockerHub()) {
            String repo = ref.repository();
            int slash = repo.indexOf('/');
            return slash < 0 ? null : ARCH_NAMESPACES.get(repo.substring(0, slash));
        }
        if ("mcr.microsoft.com".equals(ref.registry()) && ref.repository().startsWith("windows/")) {
            return "windows/amd64";
        }
        return null;
    }

    /** {@code os/arch[/variant]} with the usual normalisations (x86_64, aarch64); null if it is no platform. */
    static String[] platform(String value) {
        String[] p = value.strip().toLowerCase(Locale.ROOT).split("/");
        if (p.length < 2 || p.length > 3 || p[0].isEmpty() || p[1].isEmpty()) {
            return null;
        }
        p[1] = switch (p[1]) {
            case "x86_64", "x86-64" -> "amd64";
            case "aarch64" -> "arm64";
            case "i686", "i586", "i486" -> "386";
            default -> p[1];
        };
        return p;
    }
}
