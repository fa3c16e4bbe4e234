package dev.dockdiet.rules.build;

import static dev.dockdiet.rules.RuleTester.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rules.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DD261 copy-ignored-file, BuildKit's CopyIgnoredFile. */
class CopyIgnoredFileTest {

    private static RuleTester in(Path dir, String dockerignore) throws IOException {
        Files.writeString(dir.resolve(".dockerignore"), dockerignore);
        return RuleTester.of(new CopyIgnoredFile()).settings(RuleSettings.defaults().withContextDir(dir));
    }

    @Test
    void noContextOrNoDockerignoreNoFinding(@TempDir Path dir) {
        RuleTester.of(new CopyIgnoredFile()).valid("FROM scratch\nCOPY Dockerfile .\n").test();
        RuleTester.of(new CopyIgnoredFile()).settings(RuleSettings.defaults().withContextDir(dir))
                .valid("FROM scratch\nCOPY Dockerfile .\n").test();
    }

    @Test
    void buildKitCases(@TempDir Path dir) throws IOException {
        in(dir, "Dockerfile\n")
                .valid("FROM scratch\nCOPY a.txt .\n",
                        "FROM scratch\nCOPY . .\n",
                        "FROM scratch\nCOPY --from=build Dockerfile .\n",
                        "FROM scratch\nADD https://example.com/Dockerfile /x\n",
                        "FROM scratch\nCOPY <<Dockerfile /x\nhello\nDockerfile\n",
                        "FROM scratch\nCOPY /Dockerfile.other .\n")
                .invalid("\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n",
                        at(3, 1, "Attempting to Copy file \"Dockerfile\" that is excluded by .dockerignore"),
                        at(4, 1, "Attempting to Add file \"Dockerfile\" that is excluded by .dockerignore"))
                .invalid("FROM scratch\nCOPY ./Dockerfile /x\n", at(2, 1, "file \"Dockerfile\""))
                .invalid("FROM scratch\nCOPY [\"Dockerfile\", \"/x\"]\n", at(2, 1))
                .test();
    }

    @Test
    void exceptionsTurnTheCheckOff(@TempDir Path dir) throws IOException {
        in(dir, "Dockerfile\n!Dockerfile\n").valid("FROM scratch\nCOPY Dockerfile .\n").test();
        in(dir, "*\n!src\n").valid("FROM scratch\nCOPY node_modules .\n").test();
    }

    @Test
    void parentDirectoriesAndPatterns(@TempDir Path dir) throws IOException {
        in(dir, "# comment\nnode_modules/\n**/*.log\n/build\n")
                .valid("FROM scratch\nCOPY src/app.js .\n", "FROM scratch\nCOPY builder .\n")
                .invalid("FROM scratch\nCOPY node_modules/x/index.js /x\n", at(2, 1, "\"node_modules/x/index.js\""))
                .invalid("FROM scratch\nCOPY logs/a.log /x\n", at(2, 1))
                .invalid("FROM scratch\nCOPY build/out /x\n", at(2, 1))
                .test();
    }

    @Test
    void theContextRootOnlyForCatchAllPatterns(@TempDir Path dir) throws IOException {
        in(dir, "*.md\n").valid("FROM scratch\nCOPY . .\n", "FROM scratch\nCOPY ./ /app\n").test();
        in(dir, "*\n").invalid("FROM scratch\nCOPY . .\n", at(2, 1, "\".\"")).test();
        in(dir, "**\n").invalid("FROM scratch\nCOPY ./ /app\n", at(2, 1, "\".\"")).test();
    }

    @Test
    void cleanIsGos() {
        assertThat(CopyIgnoredFile.clean("./a//b/../c/")).isEqualTo("a/c");
        assertThat(CopyIgnoredFile.clean("./")).isEqualTo(".");
        assertThat(CopyIgnoredFile.clean("/")).isEqualTo("/");
        assertThat(CopyIgnoredFile.clean("../x")).isEqualTo("../x");
        assertThat(CopyIgnoredFile.clean("/../x")).isEqualTo("/x");
    }
}
