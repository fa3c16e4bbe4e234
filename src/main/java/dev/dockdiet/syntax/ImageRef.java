package dev.dockdiet.syntax;

/**
 * A container image reference split the way Docker normalises it
 * ({@code node} = {@code docker.io/library/node:latest}).
 *
 * @param raw the text as written (after ARG expansion)
 * @param registry e.g. {@code docker.io}, {@code gcr.io}, {@code localhost:5000}
 * @param repository the path in the registry, e.g. {@code library/node}, {@code distroless/static-debian12}
 * @param tag null when absent
 * @param digest null when absent, e.g. {@code sha256:...}
 */
public record ImageRef(String raw, String registry, String repository, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";

    /**
     * Parses a reference. Returns null for text that cannot be a reference (empty, contains a
     * blank, or still holds an unexpanded {@code $}).
     */
    public static ImageRef parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.isEmpty() || s.contains("$") || s.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        String digest = null;
        int at = s.indexOf('@');
        if (at >= 0) {
            digest = s.substring(at + 1);
            s = s.substring(0, at);
            if (digest.isEmpty() || s.isEmpty()) {
                return null;
            }
        }
        String tag = null;
        int slash = s.lastIndexOf('/');
        int colon = s.lastIndexOf(':');
        if (colon > slash) {
            tag = s.substring(colon + 1);
            s = s.substring(0, colon);
            if (tag.isEmpty()) {
                return null;
            }
        }
        if (s.isEmpty()) {
            return null;
        }
        String registry = DOCKER_HUB;
        String repo = s;
        int first = s.indexOf('/');
        if (first > 0) {
            String head = s.substring(0, first);
            if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
                registry = head;
                repo = s.substring(first + 1);
            }
        }
        if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && !repo.contains("/")) {
            repo = "library/" + repo;
        }
        if (repo.isEmpty()) {
            return null;
        }
        return new ImageRef(text.trim(), registry, repo, tag, digest);
    }

    public boolean isDockerHub() {
        return DOCKER_HUB.equals(registry);
    }

    /** Docker Hub official image ({@code library/...}). */
    public boolean isOfficial() {
        return isDockerHub() && repository.startsWith("library/");
    }

    /** The short name a person writes: {@code node}, {@code bitnami/redis}, {@code gcr.io/distroless/static}. */
    public String familiarName() {
        if (isOfficial()) {
            return repository.substring("library/".length());
        }
        return isDockerHub() ? repository : registry + "/" + repository;
    }

    /** The last path component: {@code node}, {@code static-debian12}. */
    public String baseName() {
        int i = repository.lastIndexOf('/');
        return i < 0 ? repository : repository.substring(i + 1);
    }

    /** The tag, or {@code latest} when neither tag nor digest is given. */
    public String effectiveTag() {
        if (tag != null) {
            return tag;
        }
        return digest == null ? "latest" : null;
    }

    public boolean isScratch() {
        return isOfficial() && repository.equals("library/scratch") && tag == null && digest == null;
    }

    /** {@code familiarName[:tag][@digest]} */
    public String familiar() {
        return familiarName() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
