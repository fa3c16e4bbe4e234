package dev.dockdiet.size.engine;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Local stand-ins for registry base images, made with {@code docker import} of a root filesystem
 * built here: there is no image registry on the test machines, so {@code golang:1.22} or
 * {@code gcr.io/distroless/static-debian12:nonroot} cannot be pulled. Each stand-in is busybox-static
 * (a 2 MB root filesystem, as {@code scripts/docker-daemon.sh base-images} builds {@code local/busybox:1})
 * plus what the test needs, and is marked by its import comment ({@link #COMMENT_PREFIX}) so that a
 * real image of the same name is never overwritten or removed.
 */
final class StandInImages {

    /** The start of every stand-in's import comment (the image's {@code Comment}, shown by {@code docker history}). */
    static final String COMMENT_PREFIX = "dockdiet test stand-in";

    static final String PATH_ENV = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private StandInImages() {
    }

    /** A root filesystem being written as a tar: busybox and its applets first, then what a stand-in adds. */
    static final class RootFs {
        private final TarArchiveOutputStream tar;

        RootFs(OutputStream out) {
            tar = new TarArchiveOutputStream(out);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        }

        RootFs dir(String path, int mode, int uid) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(path.endsWith("/") ? path : path + "/");
            e.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | mode);
            e.setIds(uid, uid);
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
            return this;
        }

        RootFs file(String path, int mode, byte[] content) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(path);
            e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
            e.setSize(content.length);
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
            return this;
        }

        RootFs text(String path, String content) throws IOException {
            return file(path, 0644, content.getBytes(StandardCharsets.UTF_8));
        }

        /** A file of {@code bytes} zero bytes, written in chunks (it weighs like a toolchain without being one). */
        RootFs padding(String path, long bytes) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(path);
            e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | 0644);
            e.setSize(bytes);
            tar.putArchiveEntry(e);
            byte[] chunk = new byte[1 << 20];
            for (long left = bytes; left > 0; left -= chunk.length) {
                tar.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            tar.closeArchiveEntry();
            return this;
        }

        RootFs symlink(String path, String target) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
            e.setLinkName(target);
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
            return this;
        }

        /** busybox-static as {@code /bin/busybox}, a symlink for every applet (sh, ls, grep, sed, ...), /tmp, /root. */
        RootFs busybox() throws IOException, InterruptedException {
            Path bb = staticBusybox();
            dir("bin", 0755, 0).dir("etc", 0755, 0).dir("root", 0700, 0).dir("tmp", 01777, 0)
                    .dir("usr", 0755, 0).dir("usr/local", 0755, 0).dir("usr/local/bin", 0755, 0);
            file("bin/busybox", 0755, Files.readAllBytes(bb));
            for (String applet : output(List.of(bb.toString(), "--list")).split("\n")) {
                String a = applet.strip();
                if (!a.isEmpty() && !a.equals("busybox")) {
                    symlink("bin/" + a, "busybox");
                }
            }
            return this;
        }

        void finish() throws IOException {
            tar.finish();
            tar.flush();
        }
    }

    /** The content a stand-in's root filesystem gets beyond busybox. */
    interface Content {
        void addTo(RootFs fs) throws IOException;
    }

    /**
     * Imports a stand-in as {@code name} with {@code docker import}, unless this very stand-in
     * (same comment) is already there.
     *
     * @param comment must start with {@link #COMMENT_PREFIX}; say what it stands in for and its version
     * @param changes Dockerfile instructions for the image config ({@code docker import -c}): ENV, WORKDIR, USER, CMD
     * @return true when it was imported now
     * @throws IllegalStateException when an image {@code name} exists that is not a stand-in
     */
    static boolean ensure(DockerEngine engine, String name, String comment, List<String> changes, Content content)
            throws IOException, InterruptedException {
        if (!comment.startsWith(COMMENT_PREFIX)) {
            throw new IllegalArgumentException("a stand-in's comment starts with " + COMMENT_PREFIX);
        }
        String existing = comment(engine, name);
        if (comment.equals(existing)) {
            return false;
        }
        if (existing != null && !existing.startsWith(COMMENT_PREFIX)) {
            throw new IllegalStateException("the engine has a real " + name + " (comment: \"" + existing
                    + "\"); refusing to replace it with a stand-in");
        }
        List<String> cmd = new ArrayList<>(List.of("docker", "import", "-m", comment));
        for (String c : changes) {
            cmd.add("-c");
            cmd.add(c);
        }
        cmd.add("-");
        cmd.add(name);
        Path log = Files.createTempFile("dockdiet-import", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("DOCKER_HOST", engine.host());
            Process p = pb.start();
            try (OutputStream in = new BufferedOutputStream(p.getOutputStream(), 1 << 20)) {
                RootFs fs = new RootFs(in);
                fs.busybox();
                content.addTo(fs);
                fs.finish();
            } catch (IOException e) {
                p.destroy();
                throw new IOException("docker import " + name + " stopped reading: " + Files.readString(log), e);
            }
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroy();
                throw new IllegalStateException("docker import " + name + " failed: " + Files.readString(log));
            }
        } finally {
            Files.deleteIfExists(log);
        }
        return true;
    }

    /** Removes {@code name} when it is a stand-in; never a real image. */
    static void removeIfStandIn(DockerEngine engine, String name) {
        String c = comment(engine, name);
        if (c != null && c.startsWith(COMMENT_PREFIX)) {
            engine.client().removeImageCmd(name).withForce(true).exec();
        }
    }

    /** The image's comment, "" when it has none, null when there is no such image. */
    static String comment(DockerEngine engine, String name) {
        try {
            InspectImageResponse r = engine.client().inspectImageCmd(name).exec();
            return r.getComment() == null ? "" : r.getComment();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /**
     * A busybox that runs alone in a root filesystem (statically linked), found as the daemon script
     * finds it: the one on PATH, else Debian's busybox-static at /bin/busybox (which
     * {@code docker-daemon.sh base-images} installs when needed).
     */
    static Path staticBusybox() throws IOException, InterruptedException {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "busybox"));
            }
        }
        candidates.add(Path.of("/bin/busybox"));
        for (Path p : candidates) {
            if (Files.isExecutable(p) && exit(List.of("ldd", p.toString())) != 0
                    && exit(List.of(p.toString(), "--list")) == 0) {
                return p;
            }
        }
        throw new IllegalStateException("no statically linked busybox among " + candidates
                + " (run scripts/docker-daemon.sh base-images DIR, which installs busybox-static)");
    }

    /** The command's exit code; -1 when it cannot be started (no ldd: taken as static, as the script does). */
    private static int exit(List<String> cmd) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return -1;
        }
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static String output(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    static List<String> changes(String... instructions) {
        return Arrays.asList(instructions);
    }
}
