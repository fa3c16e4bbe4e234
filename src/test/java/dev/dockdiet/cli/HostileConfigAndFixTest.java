package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile configs and fixes that changed a file's meaning (issue 11). */
class HostileConfigAndFixTest {

    @TempDir
    Path dir;

    @Test
    void utf16ConfigWithItsByteOrderMarkIsRead() throws IOException {
        Path cfg = dir.resolve(".dockdiet.yaml");
        byte[] text = "ignore: [DD101]\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[text.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(text, 0, bytes, 2, text.length);
        Files.write(cfg, bytes);
        Path df = Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\n");
        CliRunner.Run r = CliRunner.run("--color", "never", "-c", cfg.toString(), df.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
    }

    @Test
    void aConfigThatIsNotTextIsOneClearLine() throws IOException {
        Path cfg = Files.write(dir.resolve("bad.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        Path df = Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\n");
        CliRunner.Run r = CliRunner.run("--color", "never", "-c", cfg.toString(), df.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the config must be UTF-8").doesNotContain("Input length");
    }

    @Test
    void deletingALeadingSuppressionNeverTurnsTheNextCommentIntoADirective() throws IOException {
        Path df = Files.writeString(dir.resolve("Dockerfile"),
                "# dockdiet ignore=DD999\n# escape=`\nFROM alpine:3.20\nRUN echo a\n");
        CliRunner.Run r = CliRunner.run("--color", "never", "--fix", df.toString());
        assertThat(Files.readString(df)).isEqualTo("\n# escape=`\nFROM alpine:3.20\nRUN echo a\n");
        assertThat(r.out()).doesNotContain("DD001");
    }

    @Test
    void theHelpNamesTheLinesTheFixDeletes() throws IOException {
        Path df = Files.writeString(dir.resolve("Dockerfile"),
                "FROM alpine:3.20\n# dockdiet ignore=DD999\nRUN echo a\n");
        CliRunner.Run r = CliRunner.run("--color", "never", df.toString());
        assertThat(r.out()).contains("delete line 2").doesNotContain("delete lines 2-3");
    }

    @Test
    void fixAndDiffOnStdinPrintTheFixedTextOrTheDiff() {
        String text = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n";
        CliRunner.Run diff = CliRunner.runWithStdin(text, "--diff", "--stdin-filename", "Dockerfile", "-");
        assertThat(diff.out()).contains("+RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*");
        assertThat(diff.code()).isEqualTo(1);
        CliRunner.Run fix = CliRunner.runWithStdin(text, "--fix", "-");
        assertThat(fix.out()).isEqualTo("FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n");
        assertThat(fix.err()).isEmpty();
    }
}
