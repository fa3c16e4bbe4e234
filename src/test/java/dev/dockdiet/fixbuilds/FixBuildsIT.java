package dev.dockdiet.fixbuilds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.size.engine.DockerTestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fixes never break a build (issue 11): each case of {@code test-fixtures/fix-builds/} is built as
 * written and as {@code dockdiet --fix=suggested} leaves it ({@code Dockerfile.fixed}, which
 * {@link FixBuildsTest} keeps equal to the CLI's output), on real Debian bookworm with real apt
 * ({@code scripts/fix-build-bases.sh}: debootstrap once per engine, a local package repository, no
 * network during the builds). Both builds must succeed, the case's {@code smoke} command must pass
 * in both images, and its {@code cmd-output}, if any, must be printed by both images' default command.
 * {@code -Ddockdiet.fixBuilds=case,case} runs only the cases named.
 */
@Tag("docker")
@ExtendWith(DockerTestEngine.class)
class FixBuildsIT {

    static final String REPO = "dockdiet-test/fix-build";
    static final List<String> built = new ArrayList<>();

    @BeforeAll
    static void bases() throws Exception {
        Result r = run(List.of("bash", "scripts/fix-build-bases.sh"), null, 30);
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @AfterAll
    static void removeImages() throws Exception {
        if (!built.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("docker", "rmi", "-f"));
            cmd.addAll(built);
            run(cmd, null, 5);
        }
    }

    @TestFactory
    List<DynamicTest> originalAndFixedBothBuildAndPassTheirSmokeTest() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        // -Ddockdiet.fixBuilds=a,b runs only those cases (all by default)
        String only = System.getProperty("dockdiet.fixBuilds", "");
        List<String> selected = only.isBlank() ? List.of() : List.of(only.split(","));
        for (Path dir : FixBuilds.cases()) {
            String name = dir.getFileName().toString();
            if (!selected.isEmpty() && !selected.contains(name)) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String smoke = Files.readString(dir.resolve("smoke")).strip();
                Path cmdOutput = dir.resolve("cmd-output");
                String expected = Files.exists(cmdOutput) ? Files.readString(cmdOutput).strip() : null;
                for (String variant : List.of("Dockerfile", "Dockerfile.fixed")) {
                    String tag = REPO + ":" + name + (variant.equals("Dockerfile") ? "-original" : "-fixed");
                    Path ctx = Files.createTempDirectory("dd-fixbuild-ctx");
                    try {
                        FixBuilds.copy(dir, ctx);
                        Files.copy(dir.resolve(variant), ctx.resolve("Dockerfile"),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        Result b = run(List.of("docker", "build", "--network", "none", "-t", tag, ctx.toString()), null, 10);
                        built.add(tag);
                        assertThat(b.exit()).as("%s of %s does not build:%n%s", variant, name, b.output()).isZero();
                    } finally {
                        FixBuilds.delete(ctx);
                    }
                    Result s = run(List.of("docker", "run", "--rm", "--network", "none", "--entrypoint", "/bin/sh", tag,
                            "-c", smoke), null, 2);
                    assertThat(s.exit()).as("smoke `%s` in %s of %s:%n%s", smoke, variant, name, s.output()).isZero();
                    if (expected != null) {
                        Result c = run(List.of("docker", "run", "--rm", "--network", "none", tag), null, 2);
                        assertThat(c.exit()).as("default command of %s of %s:%n%s", variant, name, c.output()).isZero();
                        assertThat(c.output()).as("default command of %s of %s", variant, name).contains(expected);
                    }
                }
            }));
        }
        return tests;
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> cmd, Path dir, int minutes) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", DockerTestEngine.host());
        pb.environment().put("DOCKER_BUILDKIT", "0");
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result(-1, out + "\n(timed out after " + minutes + " min: " + String.join(" ", cmd) + ")");
        }
        String tail = out.length() > 6000 ? "…" + out.substring(out.length() - 6000) : out;
        return new Result(p.exitValue(), tail.toLowerCase(Locale.ROOT).isEmpty() ? "" : tail);
    }
}
