package dev.dockdiet.fix;

import dev.dockdiet.syntax.LineMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {

    @TempDir
    Path dir;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private long tempFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void replacesContentAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\n");
        assertThat(AtomicWriter.writeText(f, "FROM b\n")).isTrue();
        assertThat(Files.readString(f)).isEqualTo("FROM b\n");
        assertThat(tempFiles()).isZero();
    }

    @Test
    void unchangedContentIsNotWritten() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\n");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(f, old);
        assertThat(AtomicWriter.writeText(f, "FROM a\n")).isFalse();
        assertThat(Files.getLastModifiedTime(f)).isEqualTo(old);
    }

    @Test
    void permissionsAreKept() throws IOException {
        assumeThat(posix()).isTrue();
        Path f = dir.resolve("entrypoint.Dockerfile");
        Files.writeString(f, "FROM a\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));
        AtomicWriter.writeText(f, "FROM b\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rwxr-x---");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        AtomicWriter.writeText(f, "FROM c\n"); // a read-only file can still be replaced: the directory is writable
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("r--r--r--");
        assertThat(Files.readString(f)).isEqualTo("FROM c\n");
    }

    @Test
    void bomIsKeptWhenTheOriginalHadOne() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.write(f, concat(BOM, "FROM a\r\n".getBytes(StandardCharsets.UTF_8)));
        TextFile t = TextFile.read(f);
        assertThat(t.bom()).isTrue();
        assertThat(t.text()).isEqualTo("FROM a\r\n");
        assertThat(t.write("FROM b\r\n")).isTrue();
        assertThat(Files.readAllBytes(f)).isEqualTo(concat(BOM, "FROM b\r\n".getBytes(StandardCharsets.UTF_8)));
        // the two-argument form looks at the file on disk
        AtomicWriter.writeText(f, "FROM c\n");
        assertThat(Files.readAllBytes(f)).isEqualTo(concat(BOM, "FROM c\n".getBytes(StandardCharsets.UTF_8)));
        Path plain = dir.resolve("Plain");
        Files.writeString(plain, "FROM a\n");
        assertThat(TextFile.read(plain).bom()).isFalse();
        AtomicWriter.writeText(plain, "FROM b\n");
        assertThat(Files.readAllBytes(plain)).isEqualTo("FROM b\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fixingACrlfFileWithBomKeepsBoth() throws IOException {
        Path f = dir.resolve("Dockerfile");
        byte[] original = concat(BOM, "FROM a\r\nRUN b\r\n".getBytes(StandardCharsets.UTF_8));
        Files.write(f, original);
        TextFile t = TextFile.read(f);
        LineMap m = new LineMap(t.text());
        dev.dockdiet.rule.RuleMeta rule = new dev.dockdiet.rule.RuleMeta("DD401", "x", dev.dockdiet.rule.Severity.STYLE,
                dev.dockdiet.rule.Category.STYLE, dev.dockdiet.rule.Fixability.ALWAYS, java.util.List.of(), "x");
        dev.dockdiet.rule.Finding finding = new dev.dockdiet.rule.Finding(rule, "x", m.range(8, 8)).withFix(
                dev.dockdiet.rule.Fix.safe("insert", new dev.dockdiet.rule.Edit(m.range(8, 8), "WORKDIR /app\n")));
        String fixed = Fixer.applyOnce(t.text(), java.util.List.of(finding), dev.dockdiet.rule.Applicability.SAFE).text();
        assertThat(t.write(fixed)).isTrue();
        assertThat(Files.readAllBytes(f)).isEqualTo(
                concat(BOM, "FROM a\r\nWORKDIR /app\r\nRUN b\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(UnifiedDiff.diff("Dockerfile", t.text(), fixed)).isEqualTo(
                "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,3 @@\n FROM a\r\n+WORKDIR /app\r\n RUN b\r\n");
    }

    @Test
    void symlinksStayLinks() throws IOException {
        Path target = dir.resolve("real.Dockerfile");
        Files.writeString(target, "FROM a\n");
        Path link = dir.resolve("Dockerfile");
        try {
            Files.createSymbolicLink(link, target.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            assumeThat(false).as("symbolic links not available").isTrue();
        }
        AtomicWriter.writeText(link, "FROM b\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("FROM b\n");
    }

    @Test
    void newFilesAreCreated() throws IOException {
        Path f = dir.resolve("baseline.json");
        assertThat(AtomicWriter.write(f, new byte[] {'{', '}'})).isTrue();
        assertThat(Files.readString(f)).isEqualTo("{}");
        assertThat(tempFiles()).isZero();
    }

    @Test
    void failureLeavesTheOriginalAlone() throws IOException {
        Path missingDir = dir.resolve("nope/Dockerfile");
        assertThatThrownBy(() -> AtomicWriter.writeText(missingDir, "x")).isInstanceOf(IOException.class);
        assertThat(tempFiles()).isZero();
    }

    @Test
    void invalidUtf8IsRefused() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.write(f, new byte[] {'F', 'R', 'O', 'M', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> TextFile.read(f)).isInstanceOf(IOException.class)
                .hasMessage(f + ": not valid UTF-8; dockdiet reads Dockerfiles as UTF-8");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
