package dev.dockdiet.size.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Registry credentials as the Docker CLI keeps them: {@code $DOCKER_CONFIG/config.json} (default
 * {@code ~/.docker/config.json}) with {@code auths} (base64 {@code user:password} or separate
 * fields), {@code credHelpers} (a helper per registry) and {@code credsStore} (one helper for
 * all). A helper is the program {@code docker-credential-<name>}, asked with {@code get} and the
 * server on stdin, answering {@code {"Username":…,"Secret":…}}.
 */
public final class DockerCredentials {

    /** A user name and a password (or token). */
    public record Login(String username, String secret) {
        String basic() {
            return Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Login[" + username + ", ***]";
        }
    }

    private static final String HUB_KEY = "https://index.docker.io/v1/";
    private final JsonNode config;
    private final List<Path> searchPath;

    DockerCredentials(JsonNode config, List<Path> searchPath) {
        this.config = config;
        this.searchPath = searchPath;
    }

    private DockerCredentials(JsonNode config) {
        this(config, pathDirectories());
    }

    private static List<Path> pathDirectories() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (!d.isEmpty()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        return dirs;
    }

    /** Reads the config the Docker CLI would read; a missing or unreadable file means no credentials. */
    public static DockerCredentials fromEnvironment() {
        String dir = System.getenv("DOCKER_CONFIG");
        Path file = dir != null && !dir.isBlank() ? Path.of(dir, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
        return fromFile(file);
    }

    public static DockerCredentials fromFile(Path file) {
        return new DockerCredentials(read(file));
    }

    /** As {@link #fromFile}, with credential helpers looked for in these directories instead of PATH. */
    static DockerCredentials fromFile(Path file, List<Path> helperDirectories) {
        return new DockerCredentials(read(file), helperDirectories);
    }

    private static JsonNode read(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) < 1_000_000) {
                return new ObjectMapper().readTree(file.toFile());
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable config is the same as none: lookups go anonymous
        }
        return null;
    }

    public static DockerCredentials none() {
        return new DockerCredentials(null);
    }

    /** The login for a registry host ({@code docker.io} means Docker Hub), if any. */
    public Optional<Login> forRegistry(String registry) {
        if (config == null) {
            return Optional.empty();
        }
        boolean hub = registry.equals("docker.io") || registry.equals("index.docker.io")
                || registry.equals("registry-1.docker.io");
        String key = hub ? HUB_KEY : registry;
        JsonNode helpers = config.path("credHelpers");
        if (helpers.hasNonNull(key) || (hub && helpers.hasNonNull("docker.io"))) {
            String helper = helpers.hasNonNull(key) ? helpers.get(key).asText() : helpers.get("docker.io").asText();
            return fromHelper(helper, key);
        }
        Optional<Login> inline = fromAuths(config.path("auths"), registry, hub);
        if (inline.isPresent()) {
            return inline;
        }
        if (config.hasNonNull("credsStore")) {
            return fromHelper(config.get("credsStore").asText(), key);
        }
        return Optional.empty();
    }

    private static Optional<Login> fromAuths(JsonNode auths, String registry, boolean hub) {
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!sameRegistry(e.getKey(), registry, hub)) {
                continue;
            }
            JsonNode a = e.getValue();
            if (a.hasNonNull("auth") && !a.get("auth").asText().isEmpty()) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(a.get("auth").asText().trim()),
                            StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    if (colon > 0) {
                        return Optional.of(new Login(decoded.substring(0, colon), decoded.substring(colon + 1)));
                    }
                } catch (IllegalArgumentException bad) {
                    return Optional.empty();
                }
            }
            if (a.hasNonNull("username") && a.hasNonNull("password")) {
                return Optional.of(new Login(a.get("username").asText(), a.get("password").asText()));
            }
        }
        return Optional.empty();
    }

    /** {@code https://index.docker.io/v1/}, {@code registry.example.com}, {@code http://host:5000}: the same host? */
    static boolean sameRegistry(String key, String registry, boolean hub) {
        String k = key.replaceFirst("^[a-zA-Z]+://", "");
        int slash = k.indexOf('/');
        if (slash >= 0) {
            k = k.substring(0, slash);
        }
        if (hub) {
            return k.equals("index.docker.io") || k.equals("docker.io") || k.equals("registry-1.docker.io");
        }
        return k.equalsIgnoreCase(registry);
    }

    private Optional<Login> fromHelper(String helper, String server) {
        if (!helper.matches("[A-Za-z0-9_.-]+")) {
            return Optional.empty();
        }
        Path program = null;
        for (Path dir : searchPath) {
            Path candidate = dir.resolve("docker-credential-" + helper);
            if (Files.isExecutable(candidate)) {
                program = candidate;
                break;
            }
        }
        if (program == null) {
            return Optional.empty();
        }
        Process p = null;
        try {
            p = new ProcessBuilder(program.toString(), "get").redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(server.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readNBytes(64 * 1024);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            JsonNode answer = new ObjectMapper().readTree(out);
            String user = answer.path("Username").asText("");
            String secret = answer.path("Secret").asText("");
            return secret.isEmpty() ? Optional.empty() : Optional.of(new Login(user, secret));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
