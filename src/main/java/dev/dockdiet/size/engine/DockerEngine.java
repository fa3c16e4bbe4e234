package dev.dockdiet.size.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connection to a Docker engine (docker-java, zerodep transport).
 *
 * <p>The host is the explicit one, else {@code DOCKER_HOST}, else {@code unix:///var/run/docker.sock};
 * {@code unix://}, {@code tcp://} and {@code npipe://} are accepted. The API version is negotiated
 * like the docker CLI does: an unversioned {@code GET /_ping} returns the server's {@code Api-Version},
 * and requests are pinned to {@code min(server, 1.44)} (1.44 is the newest version this client was
 * tested with, and the oldest one Docker Engine 29 accepts). {@code DOCKER_API_VERSION} overrides it.
 */
public final class DockerEngine implements AutoCloseable {

    /** The newest API version requests are pinned to. */
    public static final String MAX_API_VERSION = "1.44";
    private static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private final String host;
    private final String apiVersion;
    private final DockerClient client;
    private String serverVersion;

    private DockerEngine(String host, String apiVersion, DockerClient client) {
        this.host = host;
        this.apiVersion = apiVersion;
        this.client = client;
    }

    /** Connects to {@code host}, or to {@code DOCKER_HOST} / the default socket when host is null or blank. */
    public static DockerEngine connect(String host) {
        return connect(host, System.getenv("DOCKER_API_VERSION"));
    }

    /**
     * Connects and negotiates the API version.
     *
     * @param apiVersionOverride a version like {@code 1.41} to use as is, or null/blank to negotiate
     * @throws EngineException {@code cannot reach the Docker engine at <host>: <reason>}
     */
    public static DockerEngine connect(String host, String apiVersionOverride) {
        String h = host != null && !host.isBlank() ? host.strip() : envHost();
        if (!(h.startsWith("unix://") || h.startsWith("tcp://") || h.startsWith("npipe://"))) {
            throw new EngineException("cannot reach the Docker engine at " + h
                    + ": unsupported address (use unix:///path/docker.sock or tcp://host:port)");
        }
        String version;
        DockerClientConfig cfg;
        try {
            cfg = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(h).build();
        } catch (RuntimeException | LinkageError e) {
            throw new EngineException("cannot reach the Docker engine at " + h + ": " + EngineException.reason(e), e);
        }
        if (apiVersionOverride != null && !apiVersionOverride.isBlank()) {
            if (!VERSION.matcher(apiVersionOverride.strip()).matches()) {
                throw new EngineException("bad DOCKER_API_VERSION '" + apiVersionOverride + "' (expected e.g. 1.41)");
            }
            version = apiVersionOverride.strip();
            ping(cfg, h); // fail fast with the one-line message when nothing answers
        } else {
            String server = ping(cfg, h);
            version = server == null ? null : min(server, MAX_API_VERSION);
        }
        DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(h);
        if (version != null) {
            b.withApiVersion(version);
        }
        DockerClientConfig pinned = b.build();
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(pinned.getDockerHost())
                .sslConfig(pinned.getSSLConfig()).maxConnections(10).connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(30)).build();
        return new DockerEngine(h, version, DockerClientImpl.getInstance(pinned, http));
    }

    private static String envHost() {
        String env = System.getenv("DOCKER_HOST");
        return env != null && !env.isBlank() ? env.strip() : DEFAULT_HOST;
    }

    /** Unversioned {@code GET /_ping}; returns the {@code Api-Version} header (null if absent). */
    private static String ping(DockerClientConfig cfg, String host) {
        DockerHttpClient.Request req = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/_ping").build();
        try (DockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(cfg.getDockerHost())
                .sslConfig(cfg.getSSLConfig()).connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(20)).build();
             DockerHttpClient.Response resp = http.execute(req)) {
            if (resp.getStatusCode() != 200) {
                throw new EngineException("cannot reach the Docker engine at " + host + ": /_ping answered HTTP "
                        + resp.getStatusCode());
            }
            return resp.getHeader("Api-Version");
        } catch (EngineException e) {
            throw e;
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new EngineException("cannot reach the Docker engine at " + host + ": " + EngineException.reason(e), e);
        }
    }

    /** The lower of two {@code major.minor} versions. */
    static String min(String a, String b) {
        return compare(a, b) <= 0 ? a : b;
    }

    static int compare(String a, String b) {
        Matcher ma = VERSION.matcher(a);
        Matcher mb = VERSION.matcher(b);
        if (!ma.find() || !mb.find()) {
            throw new IllegalArgumentException("not an API version: " + a + " / " + b);
        }
        int c = Integer.compare(Integer.parseInt(ma.group(1)), Integer.parseInt(mb.group(1)));
        return c != 0 ? c : Integer.compare(Integer.parseInt(ma.group(2)), Integer.parseInt(mb.group(2)));
    }

    public String host() {
        return host;
    }

    /** The pinned API version, or null when the server did not say (requests are then unversioned). */
    public String apiVersion() {
        return apiVersion;
    }

    public DockerClient client() {
        return client;
    }

    /** The engine's version, e.g. {@code 20.10.24+dfsg1}. */
    public synchronized String serverVersion() {
        if (serverVersion == null) {
            serverVersion = call("read the engine version", () -> client.versionCmd().exec().getVersion());
        }
        return serverVersion;
    }

    /** The engine's size of a local image ({@code docker image inspect} Size). */
    public long imageSize(String image) {
        Long size = call("inspect image " + image, () -> client.inspectImageCmd(image).exec().getSize());
        return size == null ? 0 : size;
    }

    /** Streams {@code docker save IMAGE} and reads it. */
    public ImageArchive save(String image) {
        return call("save image " + image, () -> {
            try (InputStream in = client.saveImageCmd(image).exec()) {
                return ImageArchive.read(in, "docker save " + image);
            } catch (IOException e) {
                throw new EngineException("cannot save image " + image + ": " + EngineException.reason(e), e);
            }
        });
    }

    /** Runs an engine call, turning docker-java's exceptions into one-line {@link EngineException}s. */
    public <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (EngineException e) {
            throw e;
        } catch (NotFoundException e) {
            throw new EngineException("cannot " + what + ": not found in the Docker engine at " + host
                    + " (" + EngineException.reason(e) + ")", e);
        } catch (DockerException e) {
            throw new EngineException("cannot " + what + ": " + EngineException.reason(e), e);
        } catch (RuntimeException e) {
            throw new EngineException("cannot " + what + " (Docker engine at " + host + "): "
                    + EngineException.reason(e), e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // nothing left to do with a connection we are dropping
        }
    }

}
