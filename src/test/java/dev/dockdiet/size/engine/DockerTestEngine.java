package dev.dockdiet.size.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine for {@code @Tag("docker")} tests. Reuses the engine named by the system property
 * {@code dockdiet.docker.host} or by {@code DOCKER_HOST}; otherwise starts a private daemon with
 * {@code scripts/docker-daemon.sh start} in a temporary directory and stops it when all tests are done.
 * Either way makes sure the stand-in base image {@code local/busybox:1} exists.
 */
public final class DockerTestEngine implements BeforeAllCallback {

    private static String host;

    public static synchronized String host() {
        if (host == null) {
            throw new IllegalStateException("use @ExtendWith(DockerTestEngine.class)");
        }
        return host;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (DockerTestEngine.class) {
            if (host != null) {
                return;
            }
            String given = System.getProperty("dockdiet.docker.host");
            if (given == null || given.isBlank()) {
                given = System.getenv("DOCKER_HOST");
            }
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "ddt");
            if (given != null && !given.isBlank()) {
                host = given;
            } else {
                run(List.of("start", dir.toString()), null);
                host = "unix://" + dir.resolve("docker.sock");
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("dockdiet-daemon", new Daemon(dir));
            }
            run(List.of("base-images", dir.toString()), host);
            if (!host.equals("unix://" + dir.resolve("docker.sock"))) {
                deleteQuietly(dir); // only held the stand-in's root filesystem while it was imported
            }
        }
    }

    /** Stops the daemon this extension started, when the whole test run is over. */
    private record Daemon(Path dir) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            run(List.of("stop", dir.toString()), null);
            deleteQuietly(dir);
        }
    }

    static void run(List<String> args, String dockerHost) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("bash");
        cmd.add(Path.of("scripts/docker-daemon.sh").toAbsolutePath().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dockerHost != null) {
            pb.environment().put("DOCKER_HOST", dockerHost);
        } else {
            pb.environment().remove("DOCKER_HOST");
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("docker-daemon.sh " + args + " failed:\n" + out);
        }
    }

    private static void deleteQuietly(Path dir) {
        // vfs leaves root-owned layer trees behind; rm -rf handles them where Files.walk struggles
        try {
            new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor(2, TimeUnit.MINUTES);
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
