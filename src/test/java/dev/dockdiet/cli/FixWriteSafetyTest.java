package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.fix.ReadOnlyDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --fix} writing files (issue 11, hostile input): read-only places, links, repeat runs. */
class FixWriteSafetyTest {

    private static final String FIXABLE = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n";
    private static final String FIXED = "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n";

    @TempDir
    Path dir;

    @Test
    void aReadOnlyDirectoryIsOneErrorLineAndEveryOtherFileIsStillFixedAndReported() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Path ok = Files.createDirectory(dir.resolve("ok"));
        Path locked = Files.writeString(ro.resolve("Dockerfile"), FIXABLE);
        Path open = Files.writeString(ok.resolve("Dockerfile"), FIXABLE);
        CliRunner.Run r;
        try (ReadOnlyDir x = ReadOnlyDir.make(ro)) {
            r = CliRunner.run("--color", "never", "--fix", locked.toString(), open.toString());
        }
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("dockdiet: " + locked + ": cannot write the fixes (")
                .contains("; the file is unchanged").doesNotContain("internal error").doesNotContain("Exception")
                .doesNotContain(".tmp");
        assertThat(Files.readString(locked)).isEqualTo(FIXABLE);
        assertThat(Files.readString(open)).isEqualTo(FIXED);
        // both files are in the report: the locked one with the findings it still has
        assertThat(r.out()).contains(locked.toString()).contains("DD1");
        try (Stream<Path> s = Files.list(ro)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".")).count()).isZero();
        }
    }

    @Test
    void fixingTwiceGivesTheSameBytes() throws Exception {
        Path f = Files.writeString(dir.resolve("Dockerfile"), "FROM debian:12\r\nRUN apt-get update && apt-get install -y curl\r\n"
                + "run echo hi\r\n");
        CliRunner.run("--color", "never", "--fix", f.toString());
        byte[] once = Files.readAllBytes(f);
        assertThat(new String(once)).isNotEqualTo("FROM debian:12\r\nRUN apt-get update && apt-get install -y curl\r\nrun echo hi\r\n");
        CliRunner.run("--color", "never", "--fix", f.toString());
        assertThat(Files.readAllBytes(f)).isEqualTo(once);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".")).count()).isZero();
        }
    }

    @Test
    void aSymlinkedDockerfileHasItsTargetFixedAndStaysALink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path target = Files.writeString(real.resolve("app.Dockerfile"), FIXABLE);
        Path link = dir.resolve("Dockerfile");
        Files.createSymbolicLink(link, dir.relativize(target));
        CliRunner.Run r = CliRunner.run("--color", "never", "--fix", link.toString());
        assertThat(r.err()).isEmpty();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(dir.relativize(target));
        assertThat(Files.readString(target)).isEqualTo(FIXED);
    }

    @Test
    void aHardLinkedDockerfileStaysLinked() throws Exception {
        Path f = Files.writeString(dir.resolve("Dockerfile"), FIXABLE);
        Path twin = Files.createLink(dir.resolve("Dockerfile.twin"), f);
        CliRunner.Run r = CliRunner.run("--color", "never", "--fix", f.toString());
        assertThat(r.err()).isEmpty();
        assertThat(Files.readString(twin)).isEqualTo(FIXED);
        assertThat(Files.isSameFile(f, twin)).isTrue();
    }
}
