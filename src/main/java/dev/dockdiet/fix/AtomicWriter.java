package dev.dockdiet.fix;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file's content without ever leaving it half written: the new bytes go to a temporary
 * file in the same directory, which is then renamed over the target ({@code ATOMIC_MOVE}, or
 * {@code REPLACE_EXISTING} where the file system cannot move atomically). The target's POSIX
 * permissions are kept; a symbolic link is followed, so the link stays a link. Nothing is written
 * when the content is unchanged.
 */
public final class AtomicWriter {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private AtomicWriter() {
    }

    /**
     * Writes {@code text} as UTF-8. If the file exists and starts with a UTF-8 byte order mark, the
     * mark is written again ({@code text} itself never holds one).
     *
     * @return true if the file was written, false if it already had exactly this content
     */
    public static boolean writeText(Path file, String text) throws IOException {
        boolean bom = false;
        if (Files.isRegularFile(file)) {
            try (var in = Files.newInputStream(file)) {
                bom = Arrays.equals(in.readNBytes(3), UTF8_BOM);
            }
        }
        return writeText(file, text, bom);
    }

    /** Writes {@code text} as UTF-8, with a byte order mark first if {@code bom}. */
    public static boolean writeText(Path file, String text, boolean bom) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return write(file, body);
        }
        byte[] all = new byte[body.length + 3];
        System.arraycopy(UTF8_BOM, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        return write(file, all);
    }

    /**
     * Writes {@code content} to {@code file} atomically.
     *
     * @return true if the file was written, false if it already had exactly this content
     */
    public static boolean write(Path file, byte[] content) throws IOException {
        Path target = file;
        boolean exists = Files.exists(file);
        if (exists) {
            target = file.toRealPath();
            if (Files.size(target) == content.length && Arrays.equals(Files.readAllBytes(target), content)) {
                return false;
            }
        }
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".dockdiet.tmp");
        boolean moved = false;
        try {
            // CREATE_NEW without attributes: a new file gets the umask's default permissions
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                out.write(content);
                out.flush();
                ch.force(true);
            }
            if (exists) {
                copyPermissions(target, tmp);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            return true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        Files.setPosixFilePermissions(to, perms);
    }
}
