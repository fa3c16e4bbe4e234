package dev.dockdiet.fix;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a directory read-only for this process: chmod 555, and for root (whom modes do not
 * stop) the immutable attribute ({@code chattr +i}, ext4 and CAP_LINUX_IMMUTABLE).
 */
public final class ReadOnlyDir implements AutoCloseable {
    private final Path dir;
    private final boolean immutable;

    private ReadOnlyDir(Path dir, boolean immutable) {
        this.dir = dir;
        this.immutable = immutable;
    }

    public static ReadOnlyDir make(Path dir) throws Exception {
        assumeThat(Files.getFileStore(dir).supportsFileAttributeView("posix")).as("POSIX permissions").isTrue();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        boolean immutable = false;
        if (Files.isWritable(dir) || "root".equals(System.getProperty("user.name"))) {
            try {
                immutable = new ProcessBuilder("chattr", "+i", dir.toString()).redirectErrorStream(true)
                        .start().waitFor() == 0;
            } catch (IOException noChattr) {
                immutable = false;
            }
        }
        ReadOnlyDir r = new ReadOnlyDir(dir, immutable);
        boolean writable;
        try {
            Files.delete(Files.createFile(dir.resolve(".probe")));
            writable = true;
        } catch (IOException e) {
            writable = false;
        }
        if (writable) {
            r.close();
            System.err.println("SKIPPED: cannot make " + dir + " read-only here (root without chattr +i)");
        }
        assumeThat(writable).as("a read-only directory (chmod, or chattr +i for root)").isFalse();
        return r;
    }

    @Override
    public void close() throws Exception {
        if (immutable) {
            new ProcessBuilder("chattr", "-i", dir.toString()).redirectErrorStream(true).start().waitFor();
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
