package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.size.registry.FakeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --online}: a base the knowledge base does not know gets its exact size from its registry
 * (here a registry on loopback), cached for the next run; without the flag the registry hears
 * nothing; a registry that fails costs one line on stderr and nothing else.
 */
class OnlineSizesCliTest {

    @TempDir
    Path tmp;

    FakeRegistry reg;
    String home;

    @BeforeEach
    void start() throws Exception {
        reg = new FakeRegistry();
        reg.auth = FakeRegistry.Auth.NONE;
        reg.manifest("team/app", "1.0", FakeRegistry.OCI_MANIFEST,
                FakeRegistry.manifestDoc(FakeRegistry.OCI_MANIFEST, 12_000_000, 345_678));
        // the registry cache and Docker credentials live under the user's home: a fresh one
        home = System.getProperty("user.home");
        System.setProperty("user.home", tmp.resolve("home").toString());
    }

    @AfterEach
    void stop() {
        reg.close();
        System.setProperty("user.home", home);
    }

    private Path dockerfile(String from) throws Exception {
        Path f = tmp.resolve("Dockerfile");
        Files.writeString(f, "FROM " + from + "\nUSER 1000\nCMD [\"/app\"]\n");
        return f;
    }

    @Test
    void withoutOnlineTheRegistryHearsNothing() throws Exception {
        Path f = dockerfile(reg.host() + "/team/app:1.0");
        CliRunner.Run r = CliRunner.run("--format", "json", f.toString());
        assertThat(reg.requests).isEmpty();
        assertThat(r.out()).doesNotContain("12345678");
    }

    @Test
    void onlineGivesTheRegistrySizeWithItsSourceAndCachesIt() throws Exception {
        Path f = dockerfile(reg.host() + "/team/app:1.0");
        CliRunner.Run r = CliRunner.run("--online", "--format", "json", f.toString());
        assertThat(r.err()).isEmpty();
        assertThat(reg.requests).isNotEmpty();
        assertThat(r.out()).contains("12345678").contains("/v2/team/app/manifests/1.0");
        CliRunner.Run text = CliRunner.run("--online", "--color", "never", f.toString());
        assertThat(text.out()).contains("final base " + reg.host() + "/team/app:1.0: 12 MB compressed (http://" + reg.host()
                + "/v2/team/app/manifests/1.0 (linux/amd64, sha256:");

        int asked = reg.requests.size();
        CliRunner.Run again = CliRunner.run("--online", "--format", "json", f.toString());
        assertThat(reg.requests).as("served from the cache").hasSize(asked);
        assertThat(again.out()).contains("12345678");
    }

    @Test
    void aRegistryThatFailsIsOneLineAndTheLintGoesOn() throws Exception {
        Path f = dockerfile(reg.host() + "/team/app:9.9");
        CliRunner.Run offline = CliRunner.run("--color", "never", f.toString());
        CliRunner.Run r = CliRunner.run("--online", "--color", "never", f.toString());
        assertThat(r.code()).isEqualTo(offline.code());
        assertThat(r.out()).isEqualTo(offline.out());
        assertThat(r.err().lines()).containsExactly("dockdiet: " + f + ": registry size of " + reg.host()
                + "/team/app:9.9 unavailable (" + reg.host() + "/team/app:9.9: no such image or tag in the registry);"
                + " using the knowledge base");
    }

    @Test
    void theConfigCanAskForRegistrySizes() throws Exception {
        Path f = dockerfile(reg.host() + "/team/app:1.0");
        Files.writeString(tmp.resolve(".dockdiet.yaml"), "sizes:\n  registry: true\n");
        CliRunner.Run r = CliRunner.run("--format", "json", f.toString());
        assertThat(reg.requests).isNotEmpty();
        assertThat(r.out()).contains("12345678");

        Files.writeString(tmp.resolve(".dockdiet.yaml"), "sizes:\n  registy: true\n");
        CliRunner.Run bad = CliRunner.run("--format", "json", f.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains(".dockdiet.yaml:2:3: unknown key 'sizes.registy' (known: registry)");
    }
}
