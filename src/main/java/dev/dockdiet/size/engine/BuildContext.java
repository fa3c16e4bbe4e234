package dev.dockdiet.size.engine;

import dev.dockdiet.size.DockerIgnore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The tar a build sends to the engine: the context directory minus what {@code .dockerignore}
 * excludes, plus the Dockerfile text under {@link #DOCKERFILE_NAME}, which the {@code .dockerignore}
 * sent with it lists (as the docker CLI does), so the engine removes it from the context after
 * reading it and {@code COPY . .} does not put it in the image.
 *
 * <p>{@code .dockerignore}: one pattern per line, {@code #} comments, {@code !} exceptions (the last
 * matching line wins), {@code *} and {@code ?} within a path segment, {@code **} across segments; a
 * pattern that matches a directory excludes what is under it, as in Docker.
 */
public final class BuildContext {

    /** Where the Dockerfile text is put in the context (passed to the engine as {@code dockerfile}). */
    public static final String DOCKERFILE_NAME = ".dockdiet.Dockerfile";
    private static final String IGNORE_FILE = ".dockerignore";

    private BuildContext() {
    }

    /** Writes the context tar to {@code out} (not closed). */
    public static void tar(Path contextDir, String dockerfileText, java.io.OutputStream out) {
        if (!Files.isDirectory(contextDir)) {
            throw new EngineException("build context " + contextDir + " is not a directory");
        }
        DockerIgnore rules = ignoreRules(contextDir);
        try {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(contextDir)) {
                paths = walk.filter(p -> !p.equals(contextDir)).sorted().toList();
            }
            for (Path p : paths) {
                String rel = contextDir.relativize(p).toString().replace('\\', '/');
                if (rules.excludes(rel) || rel.equals(DOCKERFILE_NAME) || rel.equals(IGNORE_FILE)) {
                    continue;
                }
                TarArchiveEntry e;
                if (Files.isSymbolicLink(p)) {
                    e = new TarArchiveEntry(rel, TarArchiveEntry.LF_SYMLINK);
                    e.setLinkName(Files.readSymbolicLink(p).toString());
                } else if (Files.isDirectory(p)) {
                    e = new TarArchiveEntry(rel + "/");
                } else if (Files.isRegularFile(p)) {
                    e = new TarArchiveEntry(rel);
                    e.setSize(Files.size(p));
                } else {
                    continue;
                }
                e.setMode(mode(p, e.isDirectory()));
                e.setModTime(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis());
                tar.putArchiveEntry(e);
                if (e.isFile()) {
                    try (InputStream in = Files.newInputStream(p)) {
                        in.transferTo(tar);
                    }
                }
                tar.closeArchiveEntry();
            }
            add(tar, DOCKERFILE_NAME, dockerfileText.getBytes(StandardCharsets.UTF_8));
            // as the docker CLI does for a Dockerfile it adds: list it in .dockerignore, so that the
            // engine drops it from the context once read and `COPY . .` does not copy it into the image
            Path ignore = contextDir.resolve(IGNORE_FILE);
            String ignoreText = Files.isRegularFile(ignore) && !rules.excludes(IGNORE_FILE)
                    ? Files.readString(ignore, StandardCharsets.UTF_8) : IGNORE_FILE;
            add(tar, IGNORE_FILE, (ignoreText + "\n" + DOCKERFILE_NAME + "\n").getBytes(StandardCharsets.UTF_8));
            tar.finish();
            tar.flush();
        } catch (IOException e) {
            throw new EngineException("cannot pack build context " + contextDir + ": " + EngineException.reason(e), e);
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        e.setMode(0100644);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static int mode(Path p, boolean dir) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            int m = 0;
            for (PosixFilePermission perm : perms) {
                m |= 1 << (8 - perm.ordinal());
            }
            return (dir ? 040000 : 0100000) | m;
        } catch (IOException | UnsupportedOperationException e) {
            return dir ? 040755 : 0100644;
        }
    }

    static DockerIgnore ignoreRules(Path contextDir) {
        Path f = contextDir.resolve(".dockerignore");
        if (!Files.isRegularFile(f)) {
            return DockerIgnore.none();
        }
        try {
            return DockerIgnore.parse(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EngineException("cannot read " + f + ": " + EngineException.reason(e), e);
        }
    }
}
