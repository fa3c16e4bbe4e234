package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockdiet.lint.DockerfileFinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every path gets an outcome (issue 11): a missing, looping, special or binary path is one error line
 * and exit 2 while every other file is still linted and reported; discovery finds what BuildKit and
 * people call a Dockerfile and nothing else.
 */
class HostilePathsTest {

    @TempDir
    Path dir;

    static final String CLEAN = "FROM alpine:3.20\nRUN echo hello\nUSER 65534\n"; // USER: else DD314
    static final String BROKEN = "FROM alpine:3.20\nENV PATH\nRUN echo hello\n";

    @Test
    void aMissingPathIsOneErrorLineAndTheOthersAreStillReported() throws IOException {
        Path ok = Files.writeString(dir.resolve("Dockerfile"), BROKEN);
        CliRunner.Run r = CliRunner.run("--color", "never", "-f", "json", ok.toString(),
                dir.resolve("nonexist.Dockerfile").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .endsWith("nonexist.Dockerfile: no such file or directory");
        assertThat(new ObjectMapper().readTree(r.out()).toString()).contains("DD001");
    }

    @Test
    void fifoDeviceAndSymlinkLoopAreErrorsNotHangs() throws Exception {
        Path ok = Files.writeString(dir.resolve("Dockerfile"), CLEAN);
        Path fifo = dir.resolve("fifo.Dockerfile");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        Path loop = dir.resolve("loop.Dockerfile");
        Files.createSymbolicLink(loop, loop);
        List<String> args = List.of("--color", "never", ok.toString(), fifo.toString(), "/dev/zero", loop.toString());
        CliRunner.Run r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("fifo.Dockerfile: cannot read: not a regular file")
                .contains("/dev/zero: cannot read: not a regular file")
                .contains("loop.Dockerfile: cannot read: broken or looping symbolic link");
        assertThat(r.err().lines().count()).isEqualTo(3);
        assertThat(r.out()).contains("No findings"); // the good file is still reported
    }

    @Test
    void discoveryFindsEveryKindOfDockerfileNameAndNoDocsOrIgnoreFiles() throws IOException {
        List<String> linted = List.of("Dockerfile", "Dockerfile.prod", "Dockerfile-worker", "api.Dockerfile",
                "web.dockerfile", "Containerfile", "Containerfile.dev", "dockerfile");
        List<String> skipped = List.of("Dockerfile.dockerignore", "Dockerfile.md", "Dockerfile.txt", "Dockerfile.j2",
                "Dockerfile.tpl", "Dockerfile.tmpl", "Dockerfile.erb", "Dockerfile.in", "Containerfile.md",
                "README.md", "Dockerfiles", "my.Dockerfile.dockerignore");
        for (String n : linted) {
            assertThat(DockerfileFinder.isDockerfileName(n)).as(n).isTrue();
        }
        for (String n : skipped) {
            assertThat(DockerfileFinder.isDockerfileName(n)).as(n).isFalse();
        }
        for (String n : linted) {
            Path sub = Files.createDirectories(dir.resolve("t-" + n.toLowerCase().replace('.', '_')));
            Files.writeString(sub.resolve(n), CLEAN);
        }
        for (String n : skipped) {
            Files.writeString(dir.resolve(n), "not a Dockerfile at all\n");
        }
        assertThat(DockerfileFinder.find(dir)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(linted);
        // a file named on the command line is always linted, whatever its name
        CliRunner.Run r = CliRunner.run("--color", "never", dir.resolve("Dockerfile.md").toString());
        assertThat(r.out()).contains("DD001");
    }

    @Test
    void sarifSaysTheRunFailedAndDescribesRulesFromTheirDocs() throws IOException {
        Path ok = Files.writeString(dir.resolve("Dockerfile"), BROKEN);
        CliRunner.Run r = CliRunner.run("-f", "sarif", ok.toString(), dir.resolve("missing.Dockerfile").toString());
        assertThat(r.code()).isEqualTo(2);
        var run = new ObjectMapper().readTree(r.out()).get("runs").get(0);
        var inv = run.get("invocations").get(0);
        assertThat(inv.get("executionSuccessful").asBoolean()).isFalse();
        assertThat(inv.get("toolExecutionNotifications").get(0).get("message").get("text").asText())
                .contains("missing.Dockerfile");
        for (var rule : run.get("tool").get("driver").get("rules")) {
            assertThat(rule.get("fullDescription").get("text").asText()).doesNotStartWith("Severity");
        }
    }

    @Test
    void aMistypedSubcommandSaysWhatWasMeant() {
        CliRunner.Run r = CliRunner.run("--color", "never", "explian", "DD101");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("explian: no such file or directory; did you mean `explain`?");
    }
}
