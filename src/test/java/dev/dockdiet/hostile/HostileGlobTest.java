package dev.dockdiet.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockdiet.config.Glob;
import dev.dockdiet.size.DockerIgnore;
import dev.dockdiet.syntax.GlobMatcher;
import org.junit.jupiter.api.Test;

/**
 * One linear-time glob matcher for every dialect (issue 11: 12 stars took 16 s with regexes, 40
 * stars over a minute). Each dialect keeps its semantics; these are checked here and in the
 * dialects' own tests. Timings are not asserted: with backtracking these cases would not finish.
 */
class HostileGlobTest {

    private static final String STARS = "*a".repeat(40) + "b";
    private static final String TEXT = "a".repeat(5_000);

    @Test
    void manyStarsDoNotBacktrackInAnyDialect() {
        assertThat(Glob.matchesAnything(STARS, TEXT)).isFalse();
        assertThat(Glob.matchesPath(STARS, TEXT)).isFalse();
        assertThat(Glob.matchesPath("**/" + STARS, "x/" + TEXT)).isFalse();
        assertThat(GlobMatcher.wildcard(STARS, true).matches(TEXT)).isFalse();
        assertThat(DockerIgnore.parse(STARS).excludes(TEXT)).isFalse();
        assertThat(Glob.matchesAnything(STARS, TEXT + "b")).isTrue();
    }

    @Test
    void pathGlobsOfTheConfig() {
        assertThat(Glob.matchesPath("*.Dockerfile", "a.Dockerfile")).isTrue();
        assertThat(Glob.matchesPath("*.Dockerfile", "x/a.Dockerfile")).isFalse();
        assertThat(Glob.matchesPath("**/*.Dockerfile", "a.Dockerfile")).isTrue();
        assertThat(Glob.matchesPath("**/*.Dockerfile", "x/y/a.Dockerfile")).isTrue();
        assertThat(Glob.matchesPath("vendor/**", "vendor/a/b")).isTrue();
        assertThat(Glob.matchesPath("a/?/c", "a/b/c")).isTrue();
        assertThat(Glob.matchesPath("a/?/c", "a///c")).isFalse();
        assertThat(Glob.matchesPath("[a-c]x", "bx")).isTrue();
        assertThat(Glob.matchesPath("[!a-c]x", "bx")).isFalse();
        assertThat(Glob.matchesPath("[!a-c]x", "dx")).isTrue();
        assertThat(Glob.matchesPath("{api,web}/Dockerfile", "web/Dockerfile")).isTrue();
        assertThat(Glob.matchesPath("{api,web}/Dockerfile", "db/Dockerfile")).isFalse();
        assertThat(Glob.matchesPath("x{a,b}y{c,d}", "xbyd")).isTrue();
        assertThat(Glob.matchesPath("\\*", "*")).isTrue();
        assertThat(Glob.matchesPath("\\*", "a")).isFalse();
        assertThatThrownBy(() -> Glob.compile("{a,{b}}", true)).hasMessageContaining("nested");
        assertThatThrownBy(() -> Glob.compile("[ab", true)).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Glob.compile("{a,b}".repeat(10), true)).hasMessageContaining("alternatives");
    }

    @Test
    void plainGlobsCrossSlashesAndColons() {
        assertThat(Glob.matchesAnything("docker.io/library/*", "docker.io/library/node:20")).isTrue();
        assertThat(Glob.matchesAnything("*:20", "node:20")).isTrue();
        assertThat(Glob.matchesAnything("node:?", "node:20")).isFalse();
    }

    @Test
    void imageWildcardsIgnoreCase() {
        assertThat(GlobMatcher.wildcard("GCR.io/*", true).matches("gcr.io/distroless/static")).isTrue();
        assertThat(GlobMatcher.wildcard("GCR.io/*", false).matches("gcr.io/distroless/static")).isFalse();
    }

    @Test
    void dockerignoreKeepsItsSemantics() {
        DockerIgnore d = DockerIgnore.parse("node_modules\n**/*.log\n!keep.log\nbuild/*/tmp\n");
        assertThat(d.excludes("node_modules/a/b.js")).isTrue(); // a directory excludes what is in it
        assertThat(d.excludes("a/b/c.log")).isTrue();
        assertThat(d.excludes("c.log")).isTrue();
        assertThat(d.excludes("keep.log")).isFalse(); // the last match decides
        assertThat(d.excludes("build/x/tmp")).isTrue();
        assertThat(d.excludes("build/x/y/tmp")).isFalse();
        assertThat(d.excludes("src/main.c")).isFalse();
    }
}
