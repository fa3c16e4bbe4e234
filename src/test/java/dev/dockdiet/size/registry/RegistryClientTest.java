package dev.dockdiet.size.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockdiet.syntax.ImageRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryClientTest {

    @TempDir
    Path tmp;

    FakeRegistry reg;
    String amd64;
    String arm64;

    @BeforeEach
    void start() throws Exception {
        reg = new FakeRegistry();
        String amdDoc = FakeRegistry.manifestDoc(FakeRegistry.OCI_MANIFEST, 3_623_807, 1_024);
        String armDoc = FakeRegistry.manifestDoc(FakeRegistry.OCI_MANIFEST, 4_088_722);
        amd64 = RegistryClient.sha256(amdDoc.getBytes(StandardCharsets.UTF_8));
        arm64 = RegistryClient.sha256(armDoc.getBytes(StandardCharsets.UTF_8));
        reg.manifest("library/alpine", "3.20", FakeRegistry.OCI_INDEX, FakeRegistry.indexDoc(amd64, arm64));
        reg.manifest("library/alpine", amd64, FakeRegistry.OCI_MANIFEST, amdDoc);
        reg.manifest("library/alpine", arm64, FakeRegistry.OCI_MANIFEST, armDoc);
    }

    @AfterEach
    void stop() {
        reg.close();
    }

    /** A client that takes Docker Hub (docker.io) to be the fake registry. */
    private RegistryClient hubClient(DockerCredentials creds) {
        return new RegistryClient(creds, Duration.ofSeconds(5), java.time.Clock.systemUTC(),
                Map.of("docker.io", reg.base()));
    }

    @Test
    void anonymousTokenFlowThenIndexThenPlatformManifest() throws Exception {
        RegistrySize s = hubClient(DockerCredentials.none()).size(ImageRef.parse("alpine:3.20"), Platform.LINUX_AMD64);

        assertThat(s.compressedBytes()).isEqualTo(3_623_807 + 1_024);
        assertThat(s.layers()).isEqualTo(2);
        assertThat(s.digest()).isEqualTo(amd64);
        assertThat(s.platform()).isEqualTo("linux/amd64");
        assertThat(s.reference()).isEqualTo("docker.io/library/alpine:3.20");
        assertThat(s.source()).isEqualTo(reg.base() + "/v2/library/alpine/manifests/" + amd64);
        // challenge, token, retry with the token, then the platform's manifest
        assertThat(reg.requests).extracting(FakeRegistry.Request::path).containsExactly(
                "/v2/library/alpine/manifests/3.20", "/token", "/v2/library/alpine/manifests/3.20",
                "/v2/library/alpine/manifests/" + amd64);
        FakeRegistry.Request token = reg.requests.get(1);
        assertThat(token.query()).isEqualTo("service=registry.docker.io&scope=repository%3Alibrary%2Falpine%3Apull");
        assertThat(token.authorization()).as("anonymous").isNull();
        assertThat(reg.requests.get(2).authorization()).isEqualTo("Bearer t0k3n");
        assertThat(reg.requests.get(0).accept()).contains(FakeRegistry.OCI_INDEX, FakeRegistry.DOCKER_MANIFEST,
                "application/vnd.docker.distribution.manifest.list.v2+json", FakeRegistry.OCI_MANIFEST);
    }

    /** What a rewrite pins: the index the tag points at, the same digest on every platform. */
    @Test
    void theDigestOfATagIsItsIndex() throws Exception {
        String index = RegistryClient.sha256(FakeRegistry.indexDoc(amd64, arm64).getBytes(StandardCharsets.UTF_8));
        assertThat(hubClient(DockerCredentials.none()).digest(ImageRef.parse("alpine:3.20"))).isEqualTo(index);
        assertThat(hubClient(DockerCredentials.none()).digest(ImageRef.parse("alpine@" + amd64))).isEqualTo(amd64);
    }

    @Test
    void theTokenIsReusedForTheSameRepository() throws Exception {
        RegistryClient c = hubClient(DockerCredentials.none());
        c.size(ImageRef.parse("alpine:3.20"), Platform.LINUX_AMD64);
        c.size(ImageRef.parse("docker.io/library/alpine:3.20"), Platform.parse("linux/arm64"));
        assertThat(reg.count("/token")).isEqualTo(1);
    }

    @Test
    void arm64PicksItsManifestAndAttestationsAreNotImages() throws Exception {
        RegistrySize s = hubClient(DockerCredentials.none()).size(ImageRef.parse("alpine:3.20"),
                Platform.parse("linux/arm64/v8"));
        assertThat(s.compressedBytes()).isEqualTo(4_088_722);
        assertThat(RegistryClient.pick(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(FakeRegistry.indexDoc(amd64, arm64)), new Platform("unknown", "unknown", null))).isEmpty();
    }

    @Test
    void aPlatformTheIndexLacksIsOneClearError() {
        assertThatThrownBy(() -> hubClient(DockerCredentials.none()).size(ImageRef.parse("alpine:3.20"),
                Platform.parse("linux/s390x"))).isInstanceOf(RegistryException.class)
                .hasMessage("docker.io/library/alpine:3.20 has no image for linux/s390x");
    }

    @Test
    void credentialsFromTheDockerConfigGoToTheTokenService() throws Exception {
        reg.requireTokenBasic = "alice:s3cret";
        Path config = tmp.resolve("config.json");
        Files.writeString(config, "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\""
                + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        RegistrySize s = hubClient(DockerCredentials.fromFile(config)).size(ImageRef.parse("alpine:3.20"),
                Platform.LINUX_AMD64);
        assertThat(s.compressedBytes()).isEqualTo(3_624_831);
        assertThat(reg.requests.get(1).authorization()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCredentialHelperAnswersForItsRegistry() throws Exception {
        reg.requireTokenBasic = "bob:from-helper";
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path helper = bin.resolve("docker-credential-fake");
        // the helper protocol: `get`, the server on stdin, JSON on stdout
        Files.writeString(helper, "#!/bin/sh\nread server\n[ \"$1\" = get ] || exit 1\n"
                + "[ \"$server\" = \"https://index.docker.io/v1/\" ] || exit 1\n"
                + "printf '{\"ServerURL\":\"%s\",\"Username\":\"bob\",\"Secret\":\"from-helper\"}' \"$server\"\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = tmp.resolve("config.json");
        Files.writeString(config, "{\"credsStore\":\"fake\"}");
        DockerCredentials creds = DockerCredentials.fromFile(config, List.of(bin));
        assertThat(creds.forRegistry("docker.io")).contains(new DockerCredentials.Login("bob", "from-helper"));
        assertThat(hubClient(creds).size(ImageRef.parse("alpine:3.20"), Platform.LINUX_AMD64).compressedBytes())
                .isEqualTo(3_624_831);
        // credHelpers for one registry wins over credsStore; a missing helper means no login
        Files.writeString(config, "{\"credsStore\":\"fake\",\"credHelpers\":{\"ghcr.io\":\"absent\"}}");
        assertThat(DockerCredentials.fromFile(config, List.of(bin)).forRegistry("ghcr.io")).isEmpty();
    }

    @Test
    void wrongCredentialsAreSaidSo() throws Exception {
        reg.requireTokenBasic = "alice:right";
        assertThatThrownBy(() -> hubClient(DockerCredentials.none()).size(ImageRef.parse("alpine:3.20"),
                Platform.LINUX_AMD64)).isInstanceOf(RegistryException.class)
                .hasMessage("docker.io: the token service answered HTTP 401 to an anonymous request (docker login docker.io?)");
    }

    @Test
    void basicChallengeOfAPrivateRegistry() throws Exception {
        reg.auth = FakeRegistry.Auth.BASIC;
        reg.manifest("team/app", "1.0", FakeRegistry.DOCKER_MANIFEST,
                FakeRegistry.manifestDoc(FakeRegistry.DOCKER_MANIFEST, 10, 20, 30));
        ImageRef ref = ImageRef.parse(reg.host() + "/team/app:1.0");
        RegistryClient anonymous = new RegistryClient(DockerCredentials.none(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> anonymous.size(ref, Platform.LINUX_AMD64)).isInstanceOf(RegistryException.class)
                .hasMessage(reg.host() + " needs a login (docker login " + reg.host() + ")");

        Path config = tmp.resolve("config.json");
        Files.writeString(config, "{\"auths\":{\"http://" + reg.host() + "\":{\"username\":\"u\",\"password\":\"p\"}}}");
        RegistryClient withLogin = new RegistryClient(DockerCredentials.fromFile(config), Duration.ofSeconds(5));
        RegistrySize s = withLogin.size(ref, Platform.LINUX_AMD64);
        assertThat(s.compressedBytes()).isEqualTo(60);
        assertThat(s.source()).startsWith("http://127.0.0.1:");   // loopback: plain HTTP
    }

    @Test
    void statusCodesBecomeOneLine() {
        reg.auth = FakeRegistry.Auth.NONE;
        RegistryClient c = hubClient(DockerCredentials.none());
        assertThatThrownBy(() -> c.size(ImageRef.parse("alpine:9.99"), Platform.LINUX_AMD64))
                .hasMessage("docker.io/library/alpine:9.99: no such image or tag in the registry");
        reg.forcedStatus = 429;
        assertThatThrownBy(() -> c.size(ImageRef.parse("alpine:3.20"), Platform.LINUX_AMD64))
                .hasMessage("docker.io/library/alpine:3.20: the registry's rate limit is reached");
    }

    @Test
    void hostileAnswersAreRefused() {
        reg.auth = FakeRegistry.Auth.NONE;
        reg.manifest("library/big", "1", FakeRegistry.OCI_MANIFEST, "{\"layers\":[" + "{\"size\":1},".repeat(600_000)
                + "{\"size\":1}]}");
        reg.manifest("library/notjson", "1", FakeRegistry.OCI_MANIFEST, "<html>");
        reg.manifest("library/nolayers", "1", FakeRegistry.OCI_MANIFEST, "{\"layers\":[]}");
        reg.manifest("library/negative", "1", FakeRegistry.OCI_MANIFEST, "{\"layers\":[{\"size\":-5}]}");
        // a generous timeout: the point is the size limit, not how fast a loaded machine sends 6 MB
        RegistryClient c = new RegistryClient(DockerCredentials.none(), Duration.ofSeconds(60),
                java.time.Clock.systemUTC(), Map.of("docker.io", reg.base()));
        assertThatThrownBy(() -> c.size(ImageRef.parse("big:1"), Platform.LINUX_AMD64))
                .hasMessage("the registry's answer is larger than 4194304 bytes");
        assertThatThrownBy(() -> c.size(ImageRef.parse("notjson:1"), Platform.LINUX_AMD64))
                .hasMessageEndingWith("the registry's manifest is not JSON");
        assertThatThrownBy(() -> c.size(ImageRef.parse("nolayers:1"), Platform.LINUX_AMD64))
                .hasMessage("docker.io/library/nolayers:1: the registry's manifest lists no layers");
        assertThatThrownBy(() -> c.size(ImageRef.parse("negative:1"), Platform.LINUX_AMD64))
                .hasMessage("docker.io/library/negative:1: a layer without a size in the manifest");
    }

    @Test
    void anUnreachableRegistryIsOneLine() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RegistryClient c = new RegistryClient(DockerCredentials.none(), Duration.ofSeconds(2));
        assertThatThrownBy(() -> c.size(ImageRef.parse("127.0.0.1:" + port + "/x/y:1"), Platform.LINUX_AMD64))
                .isInstanceOf(RegistryException.class).hasMessageStartingWith("127.0.0.1 did not answer");
    }

    @Test
    void registriesAreSpokenToOverHttpsExceptLoopback() {
        RegistryClient c = new RegistryClient(DockerCredentials.none(), Duration.ofSeconds(1));
        assertThat(c.base("docker.io")).isEqualTo("https://registry-1.docker.io");
        assertThat(c.base("ghcr.io")).isEqualTo("https://ghcr.io");
        assertThat(c.base("registry.example.com:5000")).isEqualTo("https://registry.example.com:5000");
        assertThat(c.base("localhost:5000")).isEqualTo("http://localhost:5000");
        assertThat(c.base("127.0.0.1:5000")).isEqualTo("http://127.0.0.1:5000");
    }
}
