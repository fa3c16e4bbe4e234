package dev.dockdiet.size.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.syntax.ImageRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrySizesTest {

    @TempDir
    Path tmp;

    private static RegistryClient client(FakeRegistry reg, Duration timeout) {
        return new RegistryClient(DockerCredentials.none(), timeout, Clock.systemUTC(), Map.of("docker.io", reg.base()));
    }

    @Test
    void answersAreCachedAndTheSecondRunAsksNothing() throws Exception {
        try (FakeRegistry reg = new FakeRegistry()) {
            reg.auth = FakeRegistry.Auth.NONE;
            reg.manifest("library/node", "22-slim", FakeRegistry.DOCKER_MANIFEST,
                    FakeRegistry.manifestDoc(FakeRegistry.DOCKER_MANIFEST, 28_000_000, 51_000_000, 3_000));
            RegistryCache cache = new RegistryCache(tmp, Duration.ofHours(24), Clock.systemUTC());
            RegistrySizes sizes = new RegistrySizes(client(reg, Duration.ofSeconds(5)), cache, Duration.ofSeconds(10));
            ImageRef node = ImageRef.parse("node:22-slim");

            var first = sizes.lookup(List.of(node, node), Platform.LINUX_AMD64);
            assertThat(first).hasSize(1);
            assertThat(first.get(node).size().compressedBytes()).isEqualTo(79_003_000);
            long asked = reg.requests.size();
            var second = sizes.lookup(List.of(node), Platform.LINUX_AMD64);
            assertThat(second.get(node).size()).isEqualTo(first.get(node).size());
            assertThat(reg.requests).hasSize((int) asked);
            // another platform is another answer
            sizes.lookup(List.of(node), Platform.parse("linux/arm64"));
            assertThat(reg.requests.size()).isGreaterThan((int) asked);
        }
    }

    @Test
    void aSlowRegistryGivesAReasonWithinTheDeadlineAndOthersStillAnswer() throws Exception {
        try (FakeRegistry slow = new FakeRegistry(); FakeRegistry fast = new FakeRegistry()) {
            slow.auth = FakeRegistry.Auth.NONE;
            slow.delayMillis = 5_000;
            fast.auth = FakeRegistry.Auth.NONE;
            fast.manifest("team/app", "1", FakeRegistry.OCI_MANIFEST, FakeRegistry.manifestDoc(FakeRegistry.OCI_MANIFEST, 7));
            RegistrySizes sizes = new RegistrySizes(new RegistryClient(DockerCredentials.none(), Duration.ofSeconds(4)),
                    new RegistryCache(tmp, Duration.ofHours(1), Clock.systemUTC()), Duration.ofMillis(1500));
            ImageRef s = ImageRef.parse(slow.host() + "/team/app:1");
            ImageRef f = ImageRef.parse(fast.host() + "/team/app:1");
            var out = sizes.lookup(List.of(s, f), Platform.LINUX_AMD64);
            assertThat(out.get(s).found()).isFalse();
            assertThat(out.get(s).problem()).isEqualTo(slow.host() + " did not answer within 1 s");
            assertThat(out.get(f).size().compressedBytes()).isEqualTo(7);
            assertThat(out.keySet()).containsExactly(s, f);
        }
    }

    @Test
    void cacheExpiresTagsButNotDigestsAndSurvivesDamage() throws Exception {
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        RegistrySize size = new RegistrySize("docker.io/library/alpine:3.20", "linux/amd64", "sha256:" + "1".repeat(64),
                3_624_831, 2, t0, "https://registry-1.docker.io/v2/library/alpine/manifests/sha256:1");
        RegistryCache write = new RegistryCache(tmp, Duration.ofHours(24), Clock.fixed(t0, ZoneOffset.UTC));
        write.put("docker.io/library/alpine:3.20", Platform.LINUX_AMD64, size);
        String pinned = "docker.io/library/alpine@sha256:" + "1".repeat(64);
        write.put(pinned, Platform.LINUX_AMD64, size);

        RegistryCache hourLater = new RegistryCache(tmp, Duration.ofHours(24), Clock.fixed(t0.plusSeconds(3600), ZoneOffset.UTC));
        assertThat(hourLater.get("docker.io/library/alpine:3.20", Platform.LINUX_AMD64)).contains(size);
        RegistryCache twoDaysLater = new RegistryCache(tmp, Duration.ofHours(24),
                Clock.fixed(t0.plusSeconds(2 * 86_400), ZoneOffset.UTC));
        assertThat(twoDaysLater.get("docker.io/library/alpine:3.20", Platform.LINUX_AMD64)).isEmpty();
        assertThat(twoDaysLater.get(pinned, Platform.LINUX_AMD64)).contains(size);
        assertThat(twoDaysLater.get(pinned, Platform.parse("linux/arm64"))).isEmpty();

        try (var files = Files.list(tmp)) {
            for (Path p : files.toList()) {
                Files.write(p, "{not json".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(hourLater.get("docker.io/library/alpine:3.20", Platform.LINUX_AMD64)).isEmpty();
        try (var files = Files.list(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
