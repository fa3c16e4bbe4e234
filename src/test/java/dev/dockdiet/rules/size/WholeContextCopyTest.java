package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.rules.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeContextCopyTest {

    private static final String COPY_ALL = "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"index.js\"]\n";

    private static RuleTester in(Path dir) {
        return RuleTester.of(new WholeContextCopy()).settings(RuleSettings.defaults().withContextDir(dir));
    }

    @Test
    void noContextNoFinding() {
        RuleTester.of(new WholeContextCopy()).valid(COPY_ALL).test();
    }

    @Test
    void noDockerignore(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.write(dir.resolve(".git/pack"), new byte[4200]);
        Files.writeString(dir.resolve("package.json"), "{}");
        in(dir)
                .valid("FROM node:20-slim\nCOPY package.json index.js ./\n",
                        "FROM node:20 AS build\nCOPY . .\nFROM node:20-slim\nCOPY --from=build . .\n".replace("COPY . .\nFROM", "COPY src ./src\nFROM"))
                .invalid(COPY_ALL, at(3, 6, "including .git (4.2 kB), node_modules (not there now) (measured in the build context),"
                        + " and there is no .dockerignore. Add to .dockerignore: .git, node_modules"))
                .invalid("FROM node:20-slim\nADD ./ /app\n", at(2, 5, "`ADD ./`"))
                .test();
        List<Finding> f = in(dir).findings(COPY_ALL);
        assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(f.get(0).savings()).isNotNull();
        assertThat(f.get(0).savings().bytes()).isEqualTo(4200);
        assertThat(f.get(0).savings().source()).startsWith("measured: build context");
    }

    @Test
    void dockerignoreThatExcludesTheEssentials(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("package.json"), "{}");
        Files.writeString(dir.resolve(".dockerignore"), "# vcs\n.git/\n**/node_modules\n");
        in(dir).valid(COPY_ALL).test();
        // build output left in: info, not warning
        Files.createDirectories(dir.resolve("dist"));
        List<Finding> f = in(dir).findings(COPY_ALL);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).contains(".dockerignore does not exclude them. Add to .dockerignore: dist");
        });
    }

    @Test
    void exceptionsAndWildcards(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve(".dockerignore"), "*\n!src\n!pom.xml\n");
        in(dir).valid("FROM maven:3\nCOPY . .\n").test();
        Files.writeString(dir.resolve(".dockerignore"), "target\n!.git\n");
        in(dir).invalid("FROM maven:3\nCOPY . .\n", at(2, 6, "including .git")).test();
    }

    @Test
    void dockerfileSpecificIgnoreFileWins(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".dockerignore"), ".git\n");
        Files.writeString(dir.resolve("app.Dockerfile.dockerignore"), "README.md\n");
        var ctx = new dev.dockdiet.rule.RuleContext(dev.dockdiet.syntax.Dockerfile.parse("FROM alpine:3.20\nCOPY . /app\n"),
                dir.resolve("app.Dockerfile"), RuleSettings.defaults().withContextDir(dir), new java.util.IdentityHashMap<>(),
                t -> null);
        new WholeContextCopy().check(ctx);
        assertThat(ctx.findings()).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("app.Dockerfile.dockerignore does not exclude them"));
    }

    @Test
    void nothingToExcludeNothingToSay(@TempDir Path dir) {
        in(dir).valid("FROM alpine:3.20\nCOPY . /app\n").test();
    }
}
