package dev.dockdiet.size.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Registry answers kept under the user's cache directory ({@code $XDG_CACHE_HOME/dockdiet/registry},
 * default {@code ~/.cache/dockdiet/registry}), one small JSON file per reference and platform. An
 * answer for a tag expires (tags move); one for a digest does not (a digest names fixed bytes).
 * A damaged file is ignored and replaced; writes go through a temporary file and a rename.
 */
public final class RegistryCache {

    private final Path dir;
    private final Duration tagExpiry;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public RegistryCache(Path dir, Duration tagExpiry, Clock clock) {
        this.dir = dir;
        this.tagExpiry = tagExpiry;
        this.clock = clock;
    }

    /** The default location, with tag answers kept a day. */
    public static RegistryCache standard() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new RegistryCache(base.resolve("dockdiet").resolve("registry"), Duration.ofHours(24), Clock.systemUTC());
    }

    static String key(String reference, Platform platform) {
        return reference + " " + platform;
    }

    private Path file(String key) {
        return dir.resolve(RegistryClient.sha256(key.getBytes(StandardCharsets.UTF_8)).substring(7, 39) + ".json");
    }

    public Optional<RegistrySize> get(String reference, Platform platform) {
        Path f = file(key(reference, platform));
        try {
            if (!Files.isRegularFile(f) || Files.size(f) > 64 * 1024) {
                return Optional.empty();
            }
            JsonNode n = json.readTree(f.toFile());
            if (!key(reference, platform).equals(n.path("key").asText())) {
                return Optional.empty();
            }
            Instant fetched = Instant.parse(n.path("fetchedAt").asText());
            boolean pinned = reference.contains("@sha256:");
            if (!pinned && fetched.plus(tagExpiry).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new RegistrySize(n.path("reference").asText(), n.path("platform").asText(),
                    n.path("digest").asText(), n.path("compressedBytes").asLong(), n.path("layers").asInt(), fetched,
                    n.path("source").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores an answer; a cache that cannot be written only costs the next run a lookup. */
    public void put(String reference, Platform platform, RegistrySize size) {
        ObjectNode n = json.createObjectNode();
        n.put("key", key(reference, platform));
        n.put("reference", size.reference());
        n.put("platform", size.platform());
        n.put("digest", size.digest());
        n.put("compressedBytes", size.compressedBytes());
        n.put("layers", size.layers());
        n.put("fetchedAt", size.fetchedAt().toString());
        n.put("source", size.source());
        Path f = file(key(reference, platform));
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".entry", ".tmp");
            Files.write(tmp, json.writeValueAsBytes(n));
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }
}
