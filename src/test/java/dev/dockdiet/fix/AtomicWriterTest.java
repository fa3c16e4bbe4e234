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
import java.nio.ByteBuffer;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {

    @TempDir
    Path dir;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private long tempFiles() throws IOException {
        return tempFiles(dir);
    }

    private static long tempFiles(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")
                    || p.getFileName().toString().endsWith(".bak")).count();
        }
    }

    private static boolean unix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    }

    private static boolean root() throws IOException {
        return unix() && (Integer) Files.getAttribute(Path.of("/"), "unix:uid") == 0
                && "root".equals(System.getProperty("user.name"));
    }

    @AfterEach
    void resetSeams() {
        AtomicWriter.beforeReplace = p -> {
        };
        AtomicWriter.resetForTests();
    }

    @Test
    void rootFixingAnotherUsersFileKeepsOwnerGroupModeAndSetuid() throws IOException {
        if (!root()) {
            System.err.println("SKIPPED AtomicWriterTest.rootFixingAnotherUsersFileKeepsOwnerGroupModeAndSetuid: needs root");
        }
        assumeThat(root()).as("needs root to give a file to uid 65534").isTrue();
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\n");
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("65534");
        Files.setOwner(f, nobody);
        Files.setAttribute(f, "unix:gid", 65534);
        Files.setAttribute(f, "unix:mode", 06754);
        assertThat(AtomicWriter.writeText(f, "FROM b\n")).isTrue();
        assertThat(Files.readString(f)).isEqualTo("FROM b\n");
        assertThat(Files.getAttribute(f, "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(f, "unix:gid")).isEqualTo(65534);
        assertThat(Integer.toOctalString((Integer) Files.getAttribute(f, "unix:mode") & 07777)).isEqualTo("6754");
        assertThat(tempFiles()).isZero();
    }

    @Test
    void userExtendedAttributesAreKept() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\n");
        UserDefinedFileAttributeView v = Files.getFileAttributeView(f, UserDefinedFileAttributeView.class);
        try {
            v.write("dockdiet.test", ByteBuffer.wrap("kept".getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | UnsupportedOperationException | NullPointerException e) {
            assumeThat(false).as("user extended attributes not available here").isTrue();
        }
        AtomicWriter.writeText(f, "FROM b\n");
        UserDefinedFileAttributeView after = Files.getFileAttributeView(f, UserDefinedFileAttributeView.class);
        ByteBuffer b = ByteBuffer.allocate(after.size("dockdiet.test"));
        after.read("dockdiet.test", b);
        assertThat(new String(b.array(), StandardCharsets.UTF_8)).isEqualTo("kept");
    }

    @Test
    void aHardLinkedFileIsWrittenInPlaceSoEveryNameSeesTheFix() throws IOException {
        assumeThat(unix()).isTrue();
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\nRUN x\n");
        Path other = Files.createLink(dir.resolve("Dockerfile.linked"), f);
        Object inode = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertThat(AtomicWriter.writeText(f, "FROM b\n")).isTrue();
        assertThat(Files.readString(f)).isEqualTo("FROM b\n");
        assertThat(Files.readString(other)).isEqualTo("FROM b\n");
        assertThat(Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(inode);
        assertThat(Files.getAttribute(f, "unix:nlink")).isEqualTo(2);
        assertThat(tempFiles()).isZero();
        // and shorter, then longer: truncated exactly
        AtomicWriter.writeText(other, "FROM c:1.0\nRUN longer line\n");
        assertThat(Files.readString(f)).isEqualTo("FROM c:1.0\nRUN longer line\n");
    }

    @Test
    void aFailureBetweenWriteAndRenameLeavesTheOriginalAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\n");
        AtomicWriter.beforeReplace = tmp -> {
            assertThat(tmp.getFileName().toString()).startsWith(".Dockerfile.").endsWith(".dockdiet.tmp");
            assertThat(Files.exists(tmp)).isTrue();
            throw new java.io.UncheckedIOException(new IOException("simulated crash"));
        };
        assertThatThrownBy(() -> AtomicWriter.writeText(f, "FROM b\n")).hasRootCauseMessage("simulated crash");
        assertThat(Files.readString(f)).isEqualTo("FROM a\n");
        assertThat(tempFiles()).isZero();
    }

    @Test
    void aFailureBeforeAnInPlaceWriteLeavesTheOriginalAndNoBackup() throws IOException {
        assumeThat(unix()).isTrue();
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\n");
        Files.createLink(dir.resolve("other"), f);
        AtomicWriter.beforeReplace = backup -> {
            assertThat(backup.getFileName().toString()).endsWith(".dockdiet.bak");
            throw new java.io.UncheckedIOException(new IOException("simulated crash"));
        };
        assertThatThrownBy(() -> AtomicWriter.writeText(f, "FROM b\n")).hasRootCauseMessage("simulated crash");
        assertThat(Files.readString(f)).isEqualTo("FROM a\n");
        assertThat(tempFiles()).isZero();
    }

    @Test
    void theShutdownHookDeletesATemporaryFileNotYetRenamed() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\n");
        Path[] seen = new Path[1];
        // the run is stopped (Ctrl-C) while the new bytes wait to be renamed: the hook runs
        AtomicWriter.beforeReplace = tmp -> {
            seen[0] = tmp;
            AtomicWriter.shutdown();
        };
        assertThatThrownBy(() -> AtomicWriter.writeText(f, "FROM b\n")).isInstanceOf(IOException.class);
        assertThat(seen[0]).isNotNull();
        assertThat(Files.exists(seen[0])).isFalse();
        assertThat(Files.readString(f)).isEqualTo("FROM a\n");
        assertThat(tempFiles()).isZero();
        // once stopping, nothing more is written
        assertThatThrownBy(() -> AtomicWriter.writeText(f, "FROM c\n")).hasMessageContaining("stopping");
    }

    @Test
    void staleTemporaryFilesOfAKilledRunAreSweptAndNothingElse() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\n");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        // pid 999999999 is above any pid_max: that process is gone
        Path stale = Files.writeString(dir.resolve(".Dockerfile.999999999-17.dockdiet.tmp"), "FROM half");
        Files.setLastModifiedTime(stale, old);
        Path fresh = Files.writeString(dir.resolve(".Dockerfile.999999998-3.dockdiet.tmp"), "FROM other run");
        Path live = Files.writeString(dir.resolve(".Dockerfile." + ProcessHandle.current().pid() + "-9.dockdiet.tmp"), "x");
        Files.setLastModifiedTime(live, old);
        Path backup = Files.writeString(dir.resolve(".Dockerfile.999999999-18.dockdiet.bak"), "FROM a");
        Files.setLastModifiedTime(backup, old);
        Path users = Files.writeString(dir.resolve(".notes.dockdiet.tmp"), "mine");
        Files.setLastModifiedTime(users, old);
        Path users2 = Files.writeString(dir.resolve("Dockerfile.999999999-1.dockdiet.tmp"), "mine too");
        Files.setLastModifiedTime(users2, old);
        AtomicWriter.writeText(f, "FROM b\n");
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(live).exists();
        assertThat(backup).exists();
        assertThat(users).exists();
        assertThat(users2).exists();
    }

    @Test
    void temporaryNamesCarryThePid() {
        assertThat(AtomicWriter.pidOf(".Dockerfile.123-45.dockdiet.tmp")).isEqualTo(123);
        assertThat(AtomicWriter.pidOf(".a.b.Dockerfile.7-1.dockdiet.tmp")).isEqualTo(7);
        assertThat(AtomicWriter.pidOf(".notes.dockdiet.tmp")).isEqualTo(-1);
        assertThat(AtomicWriter.pidOf(".Dockerfile.x-1.dockdiet.tmp")).isEqualTo(-1);
        assertThat(AtomicWriter.pidOf(".Dockerfile.1-.dockdiet.tmp")).isEqualTo(-1);
    }

    @Test
    void aReadOnlyDirectoryIsAnIOExceptionAndTheFileIsUntouched() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Path f = Files.writeString(ro.resolve("Dockerfile"), "FROM a\n");
        try (ReadOnlyDir r = ReadOnlyDir.make(ro)) {
            assertThatThrownBy(() -> AtomicWriter.writeText(f, "FROM b\n")).isInstanceOf(IOException.class);
            assertThat(Files.readString(f)).isEqualTo("FROM a\n");
            assertThat(tempFiles(ro)).isZero();
        }
    }

    @Test
    void writingTwiceIsIdempotent() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\n");
        assertThat(AtomicWriter.writeText(f, "FROM b\n")).isTrue();
        byte[] once = Files.readAllBytes(f);
        assertThat(AtomicWriter.writeText(f, "FROM b\n")).isFalse();
        assertThat(Files.readAllBytes(f)).isEqualTo(once);
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
