package dev.dockdiet.size;

import dev.dockdiet.syntax.ImageRef;
import java.util.List;
import java.util.Map;

/**
 * The Docker Hub official image a reference stands for, whatever name it is pulled by:
 * architecture repositories ({@code amd64/alpine}, {@code arm64v8/node}) and registries that
 * mirror the official images ({@code mcr.microsoft.com/mirror/docker/library/python},
 * {@code public.ecr.aws/docker/library/…}, {@code mirror.gcr.io/…}).
 */
public final class OfficialImages {

    private OfficialImages() {
    }

    /** Architecture repositories of Docker Hub ({@code arm64v8/alpine}) and the platform each stands for. */
    private static final Map<String, String> ARCH_REPOS = Map.ofEntries(
            Map.entry("amd64", "linux/amd64"), Map.entry("arm64v8", "linux/arm64/v8"),
            Map.entry("arm32v7", "linux/arm/v7"), Map.entry("arm32v6", "linux/arm/v6"),
            Map.entry("arm32v5", "linux/arm/v5"), Map.entry("i386", "linux/386"),
            Map.entry("ppc64le", "linux/ppc64le"), Map.entry("s390x", "linux/s390x"),
            Map.entry("riscv64", "linux/riscv64"), Map.entry("mips64le", "linux/mips64le"));

    /** Registries that mirror Docker Hub's official images under a path prefix. */
    private static final List<String[]> MIRRORS = List.of(
            new String[] {"mcr.microsoft.com", "mirror/docker/library/"},
            new String[] {"public.ecr.aws", "docker/library/"},
            new String[] {"registry.hub.docker.com", "library/"},
            new String[] {"mirror.gcr.io", "library/"},
            new String[] {"mirror.gcr.io", ""});

    /**
     * The Docker Hub official image a reference stands for: {@code amd64/alpine} and
     * {@code mcr.microsoft.com/mirror/docker/library/python} are {@code alpine} and {@code python}.
     * Other references are returned as they are.
     */
    public static ImageRef normalise(ImageRef ref) {
        String registry = ref.registry();
        String repo = ref.repository();
        for (String[] m : MIRRORS) {
            if (registry.equals(m[0]) && repo.startsWith(m[1]) && repo.length() > m[1].length()
                    && repo.indexOf('/', m[1].length()) < 0) {
                return new ImageRef(ref.raw(), ImageRef.DOCKER_HUB, "library/" + repo.substring(m[1].length()),
                        ref.tag(), ref.digest());
            }
        }
        if (registry.equals(ImageRef.DOCKER_HUB)) {
            int slash = repo.indexOf('/');
            if (slash > 0 && repo.indexOf('/', slash + 1) < 0 && ARCH_REPOS.containsKey(repo.substring(0, slash))) {
                return new ImageRef(ref.raw(), ImageRef.DOCKER_HUB, "library/" + repo.substring(slash + 1), ref.tag(),
                        ref.digest());
            }
        }
        return ref;
    }

    /** The platform an architecture repository asks for, when it is not linux/amd64; else null. */
    static String platformOf(ImageRef ref) {
        if (!ref.registry().equals(ImageRef.DOCKER_HUB)) {
            return null;
        }
        int slash = ref.repository().indexOf('/');
        String p = slash > 0 ? ARCH_REPOS.get(ref.repository().substring(0, slash)) : null;
        return p == null || p.equals("linux/amd64") ? null : p;
    }
}
