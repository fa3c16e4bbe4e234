package dev.dockdiet.fixbuilds;

import dev.dockdiet.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cases of {@code test-fixtures/fix-builds/}: Dockerfiles with several interacting findings, each
 * with a {@code smoke} command that must pass in the image built from it, and optionally a
 * {@code cmd-output} that the image's default command must print. {@code Dockerfile.fixed} is what
 * {@code dockdiet --fix=suggested} makes of the Dockerfile (a golden file: {@link FixBuildsTest}).
 */
final class FixBuilds {

    static final Path ROOT = Path.of("test-fixtures/fix-builds");

    private FixBuilds() {
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("Dockerfile"))).sorted().toList();
        }
    }

    /** What the CLI printed and the fixed text, from {@code dockdiet --fix=suggested} on a copy of the case. */
    record Fixed(int exit, String text, String out, String err) {
    }

    static Fixed fix(Path dir) throws IOException {
        Path tmp = Files.createTempDirectory("dd-fixbuild");
        try {
            copy(dir, tmp);
            Path df = tmp.resolve("Dockerfile");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Main.mainWithoutExit(new String[] {"--fix=suggested", "--color=never", df.toString()}, out, err,
                    new ByteArrayInputStream(new byte[0]));
            return new Fixed(exit, Files.readString(df), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            delete(tmp);
        }
    }

    /** Copies the case's build context (every file but the golden and test files) into {@code to}. */
    static void copy(Path dir, Path to) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!n.equals("Dockerfile.fixed") && !n.equals("smoke") && !n.equals("cmd-output")) {
                    Files.copy(p, to.resolve(n));
                }
            }
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
