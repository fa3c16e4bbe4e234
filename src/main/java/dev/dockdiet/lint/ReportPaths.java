package dev.dockdiet.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paths that machine-read reports (SARIF, JSON, GitHub annotations, GitLab, reviewdog,
 * checkstyle) give a file: relative to its repository root, wherever dockdiet runs from, so that
 * code scanning and review bots annotate the right file.
 *
 * <p>A file's root is, in this order: the {@code --root} directory when one is given; else its git
 * top level, the nearest directory upwards that holds {@code .git} (a directory, or in worktrees and
 * submodules a file starting with {@code gitdir:}; found without running git); else none. A file
 * under its root is reported as the root-relative path. Otherwise (outside any repository, or
 * outside the given root) it is reported as before: relative to the working directory when it lies
 * under it, else as given. Separators are always {@code /}. Symbolic links are not resolved: the
 * path is the one the user (or directory discovery) named.
 *
 * <p>Not thread-safe (the CLI resolves every input before linting in parallel).
 */
public final class ReportPaths {

    /**
     * Where a file is reported.
     *
     * @param path the report path, with {@code /}: root-relative, else working-directory-relative, else
     *     absolute (then {@code root} is null)
     * @param root the absolute, normalised directory {@code path} is relative to (the repository root, the
     *     {@code --root} directory, or the working directory in the fallback); null for an absolute path
     */
    public record Located(String path, Path root) {
    }

    private final Path workingDir;
    private final Path rootOverride;
    private final Map<Path, Optional<Path>> topLevels = new HashMap<>();

    /**
     * @param workingDir the directory relative paths are resolved against (the process's working directory)
     * @param rootOverride {@code --root}: the root of every file (resolved against {@code workingDir}), or null
     *     to use each file's git top level
     */
    public ReportPaths(Path workingDir, Path rootOverride) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.rootOverride = rootOverride == null ? null : this.workingDir.resolve(rootOverride).normalize();
    }

    /** The working directory, absolute and normalised. */
    public Path workingDir() {
        return workingDir;
    }

    /**
     * The root for a report as a whole (SARIF's {@code %SRCROOT%}): {@code --root}, else the git top
     * level of the working directory, else the working directory.
     */
    public Path defaultRoot() {
        if (rootOverride != null) {
            return rootOverride;
        }
        return topLevel(workingDir).orElse(workingDir);
    }

    /** Where {@code file} (absolute, or relative to the working directory; it need not exist) is reported. */
    public Located locate(Path file) {
        Path abs = workingDir.resolve(file).normalize();
        Path root = rootOverride != null ? rootOverride : abs.getParent() == null ? null : topLevel(abs.getParent()).orElse(null);
        if (root != null && abs.startsWith(root) && !abs.equals(root)) {
            return new Located(slashes(root.relativize(abs)), root);
        }
        if (abs.startsWith(workingDir) && !abs.equals(workingDir)) {
            return new Located(slashes(workingDir.relativize(abs)), workingDir);
        }
        if (file.isAbsolute()) {
            return new Located(slashes(file), null);
        }
        return new Located(slashes(file), workingDir);
    }

    /** The git top level of {@code dir} (absolute): the nearest directory upwards holding {@code .git}. */
    public Optional<Path> topLevel(Path dir) {
        List<Path> visited = new ArrayList<>();
        Optional<Path> result = Optional.empty();
        for (Path d = dir; d != null; d = d.getParent()) {
            Optional<Path> known = topLevels.get(d);
            if (known != null) {
                result = known;
                break;
            }
            visited.add(d);
            if (isGitDir(d.resolve(".git"))) {
                result = Optional.of(d);
                break;
            }
        }
        for (Path v : visited) {
            topLevels.put(v, result);
        }
        return result;
    }

    /** A {@code .git} directory, or a {@code .git} file that points to one ({@code gitdir: ...}), as git accepts. */
    static boolean isGitDir(Path dotGit) {
        if (Files.isDirectory(dotGit)) {
            return true;
        }
        if (!Files.isRegularFile(dotGit)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(dotGit)) {
            byte[] head = in.readNBytes(8);
            return new String(head, StandardCharsets.UTF_8).startsWith("gitdir:");
        } catch (IOException e) {
            return false;
        }
    }

    private static String slashes(Path p) {
        return p.toString().replace(p.getFileSystem().getSeparator(), "/").replace('\\', '/');
    }
}
