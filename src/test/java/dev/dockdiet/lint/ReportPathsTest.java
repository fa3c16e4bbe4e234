package dev.dockdiet.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report paths from any working directory (the CLI's is fixed per JVM; here it is a parameter). */
class ReportPathsTest {

    @TempDir
    Path dir;

    Path repo;

    @BeforeEach
    void repository() throws IOException {
        repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(repo.resolve("a/b"));
        Files.createDirectories(dir.resolve("plain/x"));
    }

    @Test
    void aFileInARepositoryIsRelativeToItsTopLevelFromAnyWorkingDirectory() {
        for (Path cwd : new Path[] {repo, repo.resolve("a"), repo.resolve("a/b"), dir, dir.resolve("plain")}) {
            ReportPaths p = new ReportPaths(cwd, null);
            ReportPaths.Located l = p.locate(cwd.relativize(repo.resolve("a/b/Dockerfile")));
            assertThat(l.path()).as("from %s", cwd).isEqualTo("a/b/Dockerfile");
            assertThat(l.root()).isEqualTo(repo);
            assertThat(p.locate(repo.resolve("a/b/Dockerfile")).path()).isEqualTo("a/b/Dockerfile");
        }
        assertThat(new ReportPaths(repo.resolve("a/b"), null).defaultRoot()).isEqualTo(repo);
    }

    @Test
    void outsideARepositoryThePathIsRelativeToTheWorkingDirectoryOrAsGiven() {
        ReportPaths p = new ReportPaths(dir.resolve("plain"), null);
        assertThat(p.locate(Path.of("x/Dockerfile"))).isEqualTo(new ReportPaths.Located("x/Dockerfile", dir.resolve("plain")));
        assertThat(p.locate(Path.of("./x/../x/Dockerfile")).path()).isEqualTo("x/Dockerfile");
        assertThat(p.locate(dir.resolve("plain/x/Dockerfile")).path()).isEqualTo("x/Dockerfile");
        assertThat(p.locate(Path.of("../other/Dockerfile"))).isEqualTo(new ReportPaths.Located("../other/Dockerfile", dir.resolve("plain")));
        Path abs = dir.resolve("other/Dockerfile");
        assertThat(p.locate(abs)).isEqualTo(new ReportPaths.Located(abs.toString().replace('\\', '/'), null));
        assertThat(p.defaultRoot()).isEqualTo(dir.resolve("plain"));
    }

    @Test
    void rootOverridesAndFilesOutsideItFallBack() {
        ReportPaths p = new ReportPaths(repo.resolve("a/b"), Path.of(".."));
        assertThat(p.defaultRoot()).isEqualTo(repo.resolve("a"));
        assertThat(p.locate(Path.of("Dockerfile")).path()).isEqualTo("b/Dockerfile");
        // outside --root: relative to the working directory, with ..
        assertThat(p.locate(Path.of("../../Dockerfile")).path()).isEqualTo("../../Dockerfile");
    }

    @Test
    void aGitFileCountsOnlyWhenItPointsToAGitDir() throws IOException {
        Files.writeString(repo.resolve("a/.git"), "gitdir: ../.git/modules/a\n");
        Files.writeString(dir.resolve("plain/.git"), "nonsense\n");
        ReportPaths p = new ReportPaths(dir, null);
        assertThat(p.locate(repo.resolve("a/b/Dockerfile")).path()).isEqualTo("b/Dockerfile");
        assertThat(p.locate(dir.resolve("plain/x/Dockerfile")).path()).isEqualTo("plain/x/Dockerfile");
        assertThat(p.topLevel(dir.resolve("plain/x"))).isEmpty();
    }
}
