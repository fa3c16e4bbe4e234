package dev.dockdiet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path root;

    private Path write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private ConfigLoader loader() {
        return new ConfigLoader(TestRules::resolve, root.resolve("cwd"), Map.of(), root.resolve("home"));
    }

    @Test
    void nearestConfigUpTheTreeWins() throws IOException {
        Files.createDirectories(root.resolve("repo/.git"));
        write("repo/.dockdiet.yaml", "ignore: [DD101]\n");
        write("repo/services/api/.dockdiet.yml", "ignore: [DD204]\n");
        ConfigLoader l = loader();
        assertThat(l.forFile(root.resolve("repo/services/api/Dockerfile")).ignore()).containsExactly("DD204");
        assertThat(l.forFile(root.resolve("repo/services/api/deep/er/Dockerfile")).ignore()).containsExactly("DD204");
        assertThat(l.forFile(root.resolve("repo/services/web/Dockerfile")).ignore()).containsExactly("DD101");
        assertThat(l.forFile(root.resolve("repo/Dockerfile")).ignore()).containsExactly("DD101");
    }

    @Test
    void searchStopsAtTheProjectRoot() throws IOException {
        write(".dockdiet.yaml", "ignore: [DD101]\n");
        Files.createDirectories(root.resolve("repo/.git"));
        Path df = write("repo/app/Dockerfile", "FROM scratch\n");
        assertThat(loader().forFile(df)).isSameAs(Config.defaults());
        // a .git *file* (worktree, submodule) marks a root too
        write("other/.git", "gitdir: ../.git/worktrees/other\n");
        assertThat(loader().forFile(root.resolve("other/Dockerfile"))).isSameAs(Config.defaults());
        // without .git the search goes on up
        assertThat(loader().forFile(root.resolve("loose/dir/Dockerfile")).ignore()).containsExactly("DD101");
    }

    @Test
    void configInTheRootItselfIsFound() throws IOException {
        Files.createDirectories(root.resolve("repo/.git"));
        write("repo/.dockdiet.yaml", "failOn: info\n");
        assertThat(loader().forFile(root.resolve("repo/a/Dockerfile")).failOn()).contains(FailOn.INFO);
    }

    @Test
    void yamlAndYmlInOneDirectoryIsAnError() throws IOException {
        write("repo/.dockdiet.yaml", "");
        write("repo/.dockdiet.yml", "");
        assertThatThrownBy(() -> loader().forFile(root.resolve("repo/Dockerfile")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("both .dockdiet.yaml and .dockdiet.yml exist");
    }

    @Test
    void resultsAreCachedPerDirectory() throws IOException {
        Files.createDirectories(root.resolve("repo/.git"));
        Path cfg = write("repo/.dockdiet.yaml", "ignore: [DD101]\n");
        ConfigLoader l = loader();
        Config first = l.forFile(root.resolve("repo/a/Dockerfile"));
        Config sibling = l.forFile(root.resolve("repo/b/Dockerfile"));
        assertThat(sibling).isSameAs(first);
        // once read, the file is not read again: deleting it changes nothing for this loader
        Files.delete(cfg);
        assertThat(l.forFile(root.resolve("repo/a/Dockerfile.prod"))).isSameAs(first);
        assertThat(l.forFile(root.resolve("repo/c/Dockerfile"))).isSameAs(first);
        // a fresh loader sees the change
        assertThat(loader().forFile(root.resolve("repo/a/Dockerfile"))).isSameAs(Config.defaults());
    }

    @Test
    void errorsNameTheFileRelativeToTheWorkingDirectory() throws IOException {
        write("cwd/proj/.dockdiet.yaml", "\n  \nignor: []\n");
        assertThatThrownBy(() -> loader().forFile(root.resolve("cwd/proj/Dockerfile")))
                .hasMessage("proj/.dockdiet.yaml:3:1: unknown key 'ignor' (did you mean 'ignore'?)");
    }

    @Test
    void hadolintConfigIsTheFallback() throws IOException {
        Files.createDirectories(root.resolve("repo/.git"));
        write("repo/.hadolint.yaml", """
                failure-threshold: warning
                ignored: [DL3008, SC2086]
                override:
                  error: [DL3015]
                  info: [DL3015, JSONArgsRecommended]
                trustedRegistries:
                  - docker.io
                  - "*.gcr.io"
                label-schema: {author: text}
                no-color: true
                some-future-key: 1
                """);
        Config c = loader().forFile(root.resolve("repo/app/Dockerfile"));
        assertThat(c.dialect()).isEqualTo(Config.Dialect.HADOLINT);
        assertThat(c.ignore()).containsExactly("DD204");
        // hadolint applies error last: error wins over info
        assertThat(c.severity()).containsEntry("DD112", RuleLevel.ERROR).containsEntry("DD214", RuleLevel.INFO);
        assertThat(c.trustedRegistries()).containsExactly("docker.io", "*.gcr.io");
        assertThat(c.failOn()).contains(FailOn.WARNING);
        assertThat(c.warnings()).containsExactly(
                ".hadolint.yaml:2:19: rule 'SC2086' in 'ignored' has no dockdiet equivalent; ignored".replace(
                        ".hadolint.yaml", root.resolve("repo/.hadolint.yaml").toString()));
    }

    @Test
    void dockdietConfigAnywhereUpTheTreeBeatsAHadolintConfig() throws IOException {
        Files.createDirectories(root.resolve("repo/.git"));
        write("repo/.dockdiet.yaml", "ignore: [DD101]\n");
        write("repo/app/.hadolint.yaml", "ignored: [DL3008]\n");
        Config c = loader().forFile(root.resolve("repo/app/Dockerfile"));
        assertThat(c.dialect()).isEqualTo(Config.Dialect.DOCKDIET);
        assertThat(c.ignore()).containsExactly("DD101");
    }

    @Test
    void hadolintUserLocations() throws IOException {
        Files.createDirectories(root.resolve("repo/.git"));
        write("home/.hadolint.yaml", "ignored: [DL3015]\n");
        assertThat(loader().forFile(root.resolve("repo/Dockerfile")).ignore()).containsExactly("DD112");
        write("home/.config/hadolint.yml", "ignored: [DL3008]\n");
        assertThat(loader().forFile(root.resolve("repo/Dockerfile")).ignore()).containsExactly("DD204");
        write("xdg/hadolint.yaml", "ignored: [DL3025]\n");
        ConfigLoader withXdg = new ConfigLoader(TestRules::resolve, root.resolve("cwd"),
                Map.of("XDG_CONFIG_HOME", root.resolve("xdg").toString()), root.resolve("home"));
        assertThat(withXdg.forFile(root.resolve("repo/Dockerfile")).ignore()).containsExactly("DD214");
        // hadolint's own first place: the working directory
        write("cwd/.hadolint.yml", "ignored: [oversized-base]\n");
        assertThat(loader().forFile(root.resolve("repo/Dockerfile")).ignore()).containsExactly("DD101");
    }

    @Test
    void hadolintBadValuesAreErrorsButUnknownKeysAreNot() throws IOException {
        Path f = write("h/.hadolint.yaml", "format: tty\nfailure-threshold: sometimes\n");
        assertThatThrownBy(() -> loader().load(f)).hasMessage(f.toAbsolutePath() + ":2:20: bad value 'sometimes' for "
                + "'failure-threshold' (use error, warning, info, style, ignore or none)");
        Path g = write("g/.hadolint.yaml", "failure-threshold: none\n");
        Config c = loader().load(g);
        assertThat(c.failOn()).contains(FailOn.STYLE);
        assertThat(c.warnings()).hasSize(1);
        assertThat(c.warnings().get(0)).contains("fails on every finding");
    }

    @Test
    void explicitConfigFileIsReadByName() throws IOException {
        Path own = write("conf/ci.yaml", "ignore: [DL3008]\n");
        Path hl = write("conf/my-hadolint.yml", "ignored: [DL3008]\nformat: json\n");
        ConfigLoader l = loader();
        assertThat(l.load(own).dialect()).isEqualTo(Config.Dialect.DOCKDIET);
        assertThat(l.load(hl).dialect()).isEqualTo(Config.Dialect.HADOLINT);
        assertThat(l.load(hl).ignore()).containsExactly("DD204");
        assertThat(l.load(own)).isSameAs(l.load(own));
    }

    @Test
    void discoverReportsTheChosenFile() throws IOException {
        Files.createDirectories(root.resolve("repo/.git"));
        Path cfg = write("repo/.dockdiet.yaml", "");
        assertThat(loader().discover(root.resolve("repo/x"))).contains(cfg.toAbsolutePath().normalize());
    }
}
