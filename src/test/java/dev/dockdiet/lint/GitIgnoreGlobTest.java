package dev.dockdiet.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .gitignore keeps git's semantics on the shared linear-time glob matcher, hostile patterns included. */
class GitIgnoreGlobTest {

    @TempDir
    Path dir;

    @Test
    void gitSemantics() throws IOException {
        Files.writeString(dir.resolve(".gitignore"), "*.tmp\n/build\nlogs/\n!important.tmp\ndocs/**/gen\n"
                + "*a".repeat(40) + "b\n");
        GitIgnore g = GitIgnore.load(dir.resolve(".gitignore"));
        assertThat(g.match(dir.resolve("x/y.tmp"), false)).isTrue(); // unanchored: the name
        assertThat(g.match(dir.resolve("important.tmp"), false)).isFalse(); // re-included
        assertThat(g.match(dir.resolve("build"), true)).isTrue();
        assertThat(g.match(dir.resolve("x/build"), true)).isNull(); // anchored to the .gitignore's folder
        assertThat(g.match(dir.resolve("logs"), false)).isNull(); // directories only
        assertThat(g.match(dir.resolve("logs"), true)).isTrue();
        assertThat(g.match(dir.resolve("docs/gen"), true)).isTrue();
        assertThat(g.match(dir.resolve("docs/a/b/gen"), true)).isTrue();
        assertThat(g.match(dir.resolve("a".repeat(5_000)), false)).isNull();
    }
}
