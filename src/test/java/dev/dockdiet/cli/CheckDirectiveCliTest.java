package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit code follows BuildKit's {@code # check=error=true}, as {@code docker build} fails. */
class CheckDirectiveCliTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path p = dir.resolve("Dockerfile");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void errorTrueFailsTheRunAtTheErrorThreshold() throws IOException {
        String body = "FROM alpine:3.19\nCMD echo hi\n";
        assertThat(CliRunner.run("--fail-on", "error", write(body).toString()).code()).isZero();
        CliRunner.Run r = CliRunner.run("--fail-on", "error", "--color", "never", write("# check=error=true\n" + body).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("DD214");
        assertThat(CliRunner.run("--fail-on", "error", write("# check=skip=JSONArgsRecommended;error=true\n" + body)
                .toString()).code()).isZero();
    }

    @Test
    void anUnreadableDirectiveFailsTheRun() throws IOException {
        CliRunner.Run r = CliRunner.run("--fail-on", "error", "--color", "never",
                write("# check=error=maybe\nFROM alpine:3.19\nCMD [\"true\"]\n").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("DD010");
    }
}
