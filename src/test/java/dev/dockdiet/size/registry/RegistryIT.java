package dev.dockdiet.size.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockdiet.size.engine.DockerTestEngine;
import dev.dockdiet.syntax.ImageRef;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sizes from a real registry: Debian's {@code docker-registry} (the CNCF distribution registry)
 * started on loopback twice — anonymous, and with htpasswd Basic auth — with an image pushed to
 * each from the private engine by the Docker CLI. The size the client reads over HTTP must equal
 * the bytes the registry stored for the image's layers, read from its storage directory.
 * scripts/test.sh installs docker-registry and apache2-utils (htpasswd).
 */
@Tag("docker")
@ExtendWith(DockerTestEngine.class)
class RegistryIT {

    static final List<Process> registries = new ArrayList<>();
    static final List<Path> dirs = new ArrayList<>();
    static Path open;
    static Path locked;
    static int openPort;
    static int lockedPort;
    static Path dockerConfig;

    @BeforeAll
    static void start() throws Exception {
        open = Files.createTempDirectory("ddreg-open");
        locked = Files.createTempDirectory("ddreg-auth");
        dirs.add(open);
        dirs.add(locked);
        openPort = freePort();
        lockedPort = freePort();
        startRegistry(open, openPort, null);
        String htpasswd = run(List.of("htpasswd", "-Bbn", "ci", "pushed-from-ci"), null).trim();
        Files.writeString(locked.resolve("htpasswd"), htpasswd + "\n");
        startRegistry(locked, lockedPort, locked.resolve("htpasswd"));

        dockerConfig = Files.createTempDirectory("ddreg-cfg");
        dirs.add(dockerConfig);
        push("127.0.0.1:" + openPort + "/dockdiet/busybox:1");
        run(List.of("docker", "login", "127.0.0.1:" + lockedPort, "-u", "ci", "--password-stdin"),
                "pushed-from-ci");
        push("127.0.0.1:" + lockedPort + "/team/busybox:1");   // docker push uses that login
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process p : registries) {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        for (String tag : List.of("127.0.0.1:" + openPort + "/dockdiet/busybox:1",
                "127.0.0.1:" + lockedPort + "/team/busybox:1")) {
            try {
                run(List.of("docker", "image", "rm", tag), null);
            } catch (IllegalStateException ignored) {
                // already gone
            }
        }
        for (Path d : dirs) {
            try (Stream<Path> s = Files.walk(d)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void anonymousRegistryGivesTheStoredLayerBytes() throws Exception {
        RegistryClient client = new RegistryClient(DockerCredentials.none(), Duration.ofSeconds(10));
        RegistrySize s = client.size(ImageRef.parse("127.0.0.1:" + openPort + "/dockdiet/busybox:1"),
                Platform.LINUX_AMD64);
        assertThat(s.compressedBytes()).isPositive().isEqualTo(storedLayerBytes(open, s.digest()));
        assertThat(s.layers()).isEqualTo(1);
        assertThat(s.reference()).isEqualTo("127.0.0.1:" + openPort + "/dockdiet/busybox:1");
    }

    @Test
    void basicAuthRegistryNeedsTheLoginDockerLoginWrote() throws Exception {
        ImageRef ref = ImageRef.parse("127.0.0.1:" + lockedPort + "/team/busybox:1");
        RegistryClient anonymous = new RegistryClient(DockerCredentials.none(), Duration.ofSeconds(10));
        assertThatThrownBy(() -> anonymous.size(ref, Platform.LINUX_AMD64)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("needs a login");

        DockerCredentials creds = DockerCredentials.fromFile(dockerConfig.resolve("config.json"));
        RegistrySize s = new RegistryClient(creds, Duration.ofSeconds(10)).size(ref, Platform.LINUX_AMD64);
        assertThat(s.compressedBytes()).isEqualTo(storedLayerBytes(locked, s.digest()));
    }

    @Test
    void anImageTheRegistryDoesNotHaveIsOneLine() {
        RegistryClient client = new RegistryClient(DockerCredentials.none(), Duration.ofSeconds(10));
        assertThatThrownBy(() -> client.size(ImageRef.parse("127.0.0.1:" + openPort + "/dockdiet/busybox:nope"),
                Platform.LINUX_AMD64)).hasMessage("127.0.0.1:" + openPort
                        + "/dockdiet/busybox:nope: no such image or tag in the registry");
    }

    /** The layer blobs of a manifest, as the registry's filesystem storage holds them. */
    static long storedLayerBytes(Path root, String manifestDigest) throws IOException {
        Path blobs = root.resolve("data/docker/registry/v2/blobs/sha256");
        JsonNode manifest = new ObjectMapper().readTree(blob(blobs, manifestDigest).toFile());
        long total = 0;
        for (JsonNode layer : manifest.path("layers")) {
            total += Files.size(blob(blobs, layer.path("digest").asText()));
        }
        return total;
    }

    static Path blob(Path blobs, String digest) {
        String hex = digest.substring("sha256:".length());
        return blobs.resolve(hex.substring(0, 2)).resolve(hex).resolve("data");
    }

    static void startRegistry(Path dir, int port, Path htpasswd) throws Exception {
        String config = "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
                + dir.resolve("data") + "\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" + port + "\n"
                + (htpasswd == null ? "" : "auth:\n  htpasswd:\n    realm: dockdiet-test\n    path: " + htpasswd + "\n");
        Path file = dir.resolve("config.yml");
        Files.writeString(file, config);
        Process p = new ProcessBuilder("docker-registry", "serve", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        registries.add(p);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("docker-registry did not start:\n" + Files.readString(dir.resolve("registry.log")));
    }

    static void push(String tag) throws Exception {
        run(List.of("docker", "tag", "local/busybox:1", tag), null);
        run(List.of("docker", "push", tag), null);
    }

    static String run(List<String> cmd, String stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", DockerTestEngine.host());
        if (dockerConfig != null) {
            pb.environment().put("DOCKER_CONFIG", dockerConfig.toString());
        }
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(cmd + " failed:\n" + out);
        }
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
