package dev.dockdiet.fix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Replaces a file's content without ever leaving it half written, and without changing anything
 * about the file but its bytes.
 *
 * <p>The new bytes go to a temporary file in the same directory, which gets the target's owner,
 * group, mode (setuid, setgid and sticky bits included) and user extended attributes, and is then
 * renamed over the target ({@code ATOMIC_MOVE}, or {@code REPLACE_EXISTING} where the file system
 * cannot move atomically). A symbolic link is followed: the target is written, the link stays a
 * link. Nothing is written when the content is unchanged. POSIX ACLs are not copied (Java has no
 * view of them on Linux).
 *
 * <p>Written in place instead, so that the file stays the same inode: a file with more than one
 * hard link (renaming would silently split the links: the other names would keep the old text),
 * and a file whose owner this user cannot give to a new file (fixing another user's file in a
 * shared directory). In place means: the original bytes are first copied to a backup next to the
 * file ({@code .NAME.PID-N.dockdiet.bak}, flushed to disk), then the file is overwritten and
 * truncated, then the backup is deleted. If overwriting fails the original is written back; if
 * even that fails, the error names the backup.
 *
 * <p>Temporary files are named {@code .NAME.PID-N.dockdiet.tmp} (hidden, never a Dockerfile name,
 * unique per run and file). They are deleted on failure, and by a shutdown hook if the run is
 * stopped (Ctrl-C, SIGTERM) between writing and renaming; one left by a run that was killed
 * outright (SIGKILL) is deleted by the next run that writes in that directory once its process is
 * gone and the file is a minute old. Backups are never deleted behind the user's back.
 */
public final class AtomicWriter {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final String TMP_SUFFIX = ".dockdiet.tmp";
    static final String BACKUP_SUFFIX = ".dockdiet.bak";
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong(ThreadLocalRandom.current().nextInt(1 << 20));
    /** A temporary file older than this, of a process that is gone, is stale. */
    private static final long STALE_MILLIS = 60_000;

    /** Guards every write, the pending set and the shutdown flag: writes are short and one at a time. */
    private static final Object LOCK = new Object();
    private static final Set<Path> PENDING = new HashSet<>();
    private static final Set<Path> SWEPT = new HashSet<>();
    private static boolean hookInstalled;
    private static boolean shuttingDown;

    /** Test seam: runs when the new bytes are on disk and the target is not yet touched. */
    static volatile Consumer<Path> beforeReplace = p -> {
    };

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
     * Writes {@code content} to {@code file}: atomically, or in place for hard-linked files and
     * files this user cannot re-create with their owner (see the class comment).
     *
     * @return true if the file was written, false if it already had exactly this content
     */
    public static boolean write(Path file, byte[] content) throws IOException {
        synchronized (LOCK) {
            if (shuttingDown) {
                throw new IOException("not written: dockdiet is stopping");
            }
            installHook();
            return writeLocked(file, content);
        }
    }

    private static boolean writeLocked(Path file, byte[] content) throws IOException {
        boolean exists = Files.exists(file);
        Path target = exists ? file.toRealPath() : file.toAbsolutePath();
        byte[] old = null;
        if (exists) {
            if (!Files.isRegularFile(target)) {
                throw new IOException("not a regular file");
            }
            old = Files.readAllBytes(target);
            if (Arrays.equals(old, content)) {
                return false;
            }
        }
        Path dir = target.getParent();
        if (dir == null) {
            throw new IOException("has no directory");
        }
        sweepStale(dir);
        Attributes attrs = exists ? Attributes.of(target) : null;
        if (attrs != null && attrs.links > 1) {
            writeInPlace(target, old, content);
            return true;
        }
        Path tmp = sibling(target, TMP_SUFFIX);
        PENDING.add(tmp);
        boolean replaced = false;
        try {
            // an existing file's copy starts private and gets the file's mode once it has its owner;
            // a new file gets the umask's default permissions
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    attrs != null && attrs.posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
                            : new FileAttribute<?>[0])) {
                writeFully(ch, content);
                ch.force(true);
            }
            if (attrs != null && !attrs.applyTo(target, tmp)) {
                // this user cannot give the new file the old one's owner: keep the file, write in place
                Files.deleteIfExists(tmp);
                writeInPlace(target, old, content);
                replaced = true;
                return true;
            }
            beforeReplace.accept(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            replaced = true;
            return true;
        } finally {
            if (!replaced) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the error being thrown says more; a left-over temporary file is swept by the next run
                }
            }
            PENDING.remove(tmp);
        }
    }

    /**
     * Overwrites {@code target} in place (same inode: hard links, owner, mode, ACLs and attributes
     * all kept), with a flushed backup of {@code old} beside it until the new bytes are on disk.
     */
    private static void writeInPlace(Path target, byte[] old, byte[] content) throws IOException {
        Path backup = sibling(target, BACKUP_SUFFIX);
        try (FileChannel ch = FileChannel.open(backup, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                posixFileSystem(target) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))} : new FileAttribute<?>[0])) {
            writeFully(ch, old);
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(backup);
            throw e;
        }
        boolean keepBackup = false;
        try {
            beforeReplace.accept(backup);
            try {
                overwrite(target, content);
            } catch (IOException | RuntimeException e) {
                try {
                    overwrite(target, old);
                } catch (IOException | RuntimeException again) {
                    keepBackup = true;
                    e.addSuppressed(again);
                    throw new IOException("writing in place failed (" + reason(e) + ") and so did restoring it; "
                            + "the original is in " + backup, e);
                }
                throw e;
            }
        } finally {
            if (!keepBackup) {
                Files.deleteIfExists(backup);
            }
        }
    }

    private static void overwrite(Path target, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
            writeFully(ch, content);
            ch.truncate(content.length);
            ch.force(true);
        }
    }

    private static void writeFully(FileChannel ch, byte[] content) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(content);
        long pos = 0;
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
    }

    /** {@code .NAME.PID-N<suffix>} next to {@code target}. */
    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + "." + PID + "-" + COUNTER.incrementAndGet() + suffix);
    }

    /**
     * Deletes temporary files a killed run left in {@code dir} (once per directory and run): only
     * ours by name ({@code .NAME.PID-N.dockdiet.tmp}), of a process that is gone, a minute old.
     */
    private static void sweepStale(Path dir) {
        if (!SWEPT.add(dir)) {
            return;
        }
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().startsWith(".") && p.getFileName().toString().endsWith(TMP_SUFFIX))) {
            for (Path p : s) {
                long pid = pidOf(p.getFileName().toString());
                if (pid < 0 || pid == PID || ProcessHandle.of(pid).isPresent()) {
                    continue;
                }
                FileTime t = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                if (now - t.toMillis() > STALE_MILLIS && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // sweeping is a courtesy: it never stands in the way of the write
        }
    }

    /** The PID in {@code .NAME.PID-N.dockdiet.tmp}, or -1 when the name is not of that form. */
    static long pidOf(String name) {
        String core = name.substring(0, name.length() - TMP_SUFFIX.length());
        int dot = core.lastIndexOf('.');
        int dash = core.lastIndexOf('-');
        if (dot < 1 || dash < dot + 2 || dash == core.length() - 1) {
            return -1;
        }
        try {
            Long.parseLong(core.substring(dash + 1));
            return Long.parseLong(core.substring(dot + 1, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        hookInstalled = true;
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicWriter::shutdown, "dockdiet-tmp-cleanup"));
        } catch (IllegalStateException alreadyStopping) {
            shuttingDown = true;
        }
    }

    /** The shutdown hook: waits for a write in progress to finish, then deletes what is pending. */
    static void shutdown() {
        synchronized (LOCK) {
            shuttingDown = true;
            for (Path p : PENDING) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // nothing more can be done while stopping
                }
            }
            PENDING.clear();
        }
    }

    /** For tests: after {@link #shutdown()}, writing works again. */
    static void resetForTests() {
        synchronized (LOCK) {
            shuttingDown = false;
            SWEPT.clear();
        }
    }

    private static boolean posixFileSystem(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String reason(Throwable e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** What a replacement must carry over from the file it replaces. */
    private static final class Attributes {
        final boolean posix;
        final boolean unix;
        final int mode;
        final int uid;
        final int gid;
        final int links;
        final Set<PosixFilePermission> perms;

        private Attributes(boolean posix, boolean unix, int mode, int uid, int gid, int links,
                           Set<PosixFilePermission> perms) {
            this.posix = posix;
            this.unix = unix;
            this.mode = mode;
            this.uid = uid;
            this.gid = gid;
            this.links = links;
            this.perms = perms;
        }

        static Attributes of(Path target) throws IOException {
            Set<String> views = target.getFileSystem().supportedFileAttributeViews();
            if (views.contains("unix")) {
                Map<String, Object> a = Files.readAttributes(target, "unix:mode,uid,gid,nlink");
                return new Attributes(true, true, (Integer) a.get("mode") & 07777, (Integer) a.get("uid"),
                        (Integer) a.get("gid"), (Integer) a.get("nlink"), null);
            }
            if (views.contains("posix")) {
                PosixFileAttributeView v = Files.getFileAttributeView(target, PosixFileAttributeView.class);
                return new Attributes(true, false, 0, 0, 0, 1, v.readAttributes().permissions());
            }
            return new Attributes(false, false, 0, 0, 0, 1, null);
        }

        /**
         * Gives {@code tmp} the owner, group, mode and user attributes of the original.
         *
         * @return false when the owner or group cannot be set (this user may not give files away)
         */
        boolean applyTo(Path original, Path tmp) throws IOException {
            if (unix) {
                int tu = (Integer) Files.getAttribute(tmp, "unix:uid");
                int tg = (Integer) Files.getAttribute(tmp, "unix:gid");
                try {
                    if (tu != uid) {
                        Files.setAttribute(tmp, "unix:uid", uid);
                    }
                    if (tg != gid) {
                        Files.setAttribute(tmp, "unix:gid", gid);
                    }
                } catch (FileSystemException | SecurityException e) {
                    return false;
                }
                // after chown, which clears setuid and setgid
                Files.setAttribute(tmp, "unix:mode", mode);
            } else if (perms != null) {
                Files.setPosixFilePermissions(tmp, perms);
            }
            copyUserAttributes(original, tmp);
            return true;
        }

        /** Best effort: {@code user.*} extended attributes, where the file system has them. */
        private static void copyUserAttributes(Path from, Path to) {
            try {
                UserDefinedFileAttributeView src = Files.getFileAttributeView(from, UserDefinedFileAttributeView.class);
                UserDefinedFileAttributeView dst = Files.getFileAttributeView(to, UserDefinedFileAttributeView.class);
                if (src == null || dst == null) {
                    return;
                }
                for (String name : src.list()) {
                    ByteBuffer b = ByteBuffer.allocate(src.size(name));
                    src.read(name, b);
                    b.flip();
                    dst.write(name, b);
                }
            } catch (IOException | RuntimeException ignored) {
                // not supported here, or not allowed: the content and mode are what matter
            }
        }
    }
}
