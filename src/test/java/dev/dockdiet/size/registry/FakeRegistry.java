package dev.dockdiet.size.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A registry on loopback that answers as the distribution spec and Docker's token authentication
 * describe: manifests behind a bearer challenge (or Basic), a token endpoint, an image index with
 * per-platform manifests and attestation manifests. Every request is recorded.
 */
public final class FakeRegistry implements AutoCloseable {

    public record Request(String method, String path, String query, String authorization, String accept) {
    }

    public enum Auth { NONE, BEARER, BASIC }

    final HttpServer server;
    public final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> manifests = new LinkedHashMap<>();   // path -> body
    final Map<String, String> mediaTypes = new LinkedHashMap<>();
    public Auth auth = Auth.BEARER;
    String token = "t0k3n";
    String basicUser = "u";
    String basicPassword = "p";
    String requireTokenBasic;   // "user:pass" the token endpoint demands, or null for anonymous
    int forcedStatus;           // e.g. 404, 429 for every manifest request
    long delayMillis;

    public FakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public void manifest(String repo, String reference, String mediaType, String body) {
        manifests.put("/v2/" + repo + "/manifests/" + reference, body);
        mediaTypes.put("/v2/" + repo + "/manifests/" + reference, mediaType);
    }

    long count(String pathPrefix) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).count();
        }
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String authz = x.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(x.getRequestMethod(), path, x.getRequestURI().getRawQuery(), authz,
                x.getRequestHeaders().getFirst("Accept")));
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (path.equals("/token")) {
            if (requireTokenBasic != null && !("Basic " + java.util.Base64.getEncoder()
                    .encodeToString(requireTokenBasic.getBytes(StandardCharsets.UTF_8))).equals(authz)) {
                send(x, 401, "application/json", "{\"details\":\"incorrect username or password\"}", Map.of());
                return;
            }
            send(x, 200, "application/json", "{\"token\":\"" + token + "\",\"access_token\":\"" + token
                    + "\",\"expires_in\":300,\"issued_at\":\"2026-12-03T02:00:00Z\"}", Map.of());
            return;
        }
        if (!path.startsWith("/v2/")) {
            send(x, 404, "text/plain", "not found", Map.of());
            return;
        }
        String repo = path.substring(4, Math.max(4, path.indexOf("/manifests/")));
        boolean authorised = switch (auth) {
            case NONE -> true;
            case BEARER -> ("Bearer " + token).equals(authz);
            case BASIC -> ("Basic " + java.util.Base64.getEncoder().encodeToString(
                    (basicUser + ":" + basicPassword).getBytes(StandardCharsets.UTF_8))).equals(authz);
        };
        if (!authorised) {
            String challenge = auth == Auth.BASIC ? "Basic realm=\"Registry Realm\""
                    : "Bearer realm=\"" + base() + "/token\",service=\"registry.docker.io\",scope=\"repository:"
                            + repo + ":pull\"";
            send(x, 401, "application/json",
                    "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}",
                    Map.of("WWW-Authenticate", challenge));
            return;
        }
        if (forcedStatus != 0) {
            send(x, forcedStatus, "application/json", "{\"errors\":[]}", Map.of());
            return;
        }
        String body = manifests.get(path);
        if (body == null) {
            send(x, 404, "application/json", "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}", Map.of());
            return;
        }
        send(x, 200, mediaTypes.get(path), body,
                Map.of("Docker-Content-Digest", RegistryClient.sha256(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static void send(HttpExchange x, int status, String type, String body, Map<String, String> headers)
            throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        headers.forEach((k, v) -> x.getResponseHeaders().set(k, v));
        x.sendResponseHeaders(status, b.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // --- documents in the shapes registries serve ---

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

    public static String manifestDoc(String mediaType, long... layerSizes) {
        StringBuilder s = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\",\"config\":{"
                + "\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"size\":1471,\"digest\":\"sha256:"
                + "c".repeat(64) + "\"},\"layers\":[");
        for (int i = 0; i < layerSizes.length; i++) {
            s.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",")
                    .append("\"size\":").append(layerSizes[i]).append(",\"digest\":\"sha256:")
                    .append(String.valueOf((char) ('a' + i)).repeat(64)).append("\"}");
        }
        return s.append("]}").toString();
    }

    /** An index: amd64, arm64/v8, and BuildKit's attestation manifests (platform unknown/unknown). */
    static String indexDoc(String amd64Digest, String arm64Digest) {
        return "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":["
                + "{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + amd64Digest + "\",\"size\":1022,"
                + "\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}},"
                + "{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + arm64Digest + "\",\"size\":1022,"
                + "\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}},"
                + "{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"sha256:" + "e".repeat(64) + "\",\"size\":839,"
                + "\"annotations\":{\"vnd.docker.reference.digest\":\"" + amd64Digest + "\","
                + "\"vnd.docker.reference.type\":\"attestation-manifest\"},"
                + "\"platform\":{\"architecture\":\"unknown\",\"os\":\"unknown\"}}]}";
    }
}
