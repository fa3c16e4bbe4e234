package dev.dockdiet.size.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockdiet.syntax.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an image's size from its registry with the OCI distribution API: the manifest for the
 * reference (an image index or manifest list is resolved to the manifest of the requested
 * platform), whose layer sizes sum to the compressed image. No layer is downloaded.
 *
 * <p>Authentication follows the registry's challenge: on 401 with {@code Bearer realm=…,service=…,
 * scope=…} a token is fetched from the realm (anonymously, or with the Docker CLI's credentials
 * for that registry as Basic auth), as Docker Hub, ghcr.io, gcr.io, quay.io and
 * mcr.microsoft.com do; on {@code Basic} the credentials are sent directly (a private registry
 * with htpasswd). Loopback registries are spoken to over plain HTTP, every other over HTTPS.
 */
public final class RegistryClient {

    static final String ACCEPT = String.join(", ",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json");
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("([A-Za-z]+)=\"([^\"]*)\"");

    private final HttpClient http;
    private final DockerCredentials credentials;
    private final Duration timeout;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> schemeOverride;

    /**
     * @param credentials where logins come from ({@link DockerCredentials#fromEnvironment()})
     * @param timeout for each request
     * @param schemeOverride registry host → base URL, for registries not at {@code https://host}
     *        (tests serve recorded answers from loopback); empty in production
     */
    public RegistryClient(DockerCredentials credentials, Duration timeout, Clock clock, Map<String, String> schemeOverride) {
        this.credentials = credentials;
        this.timeout = timeout;
        this.clock = clock;
        this.schemeOverride = Map.copyOf(schemeOverride);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public RegistryClient(DockerCredentials credentials, Duration timeout) {
        this(credentials, timeout, Clock.systemUTC(), Map.of());
    }

    /** The base URL of a registry's API: Docker Hub's is registry-1.docker.io. */
    String base(String registry) {
        String override = schemeOverride.get(registry);
        if (override != null) {
            return override;
        }
        if (registry.equals(ImageRef.DOCKER_HUB)) {
            return "https://registry-1.docker.io";
        }
        String host = registry.replaceFirst(":\\d+$", "");
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        return (loopback ? "http://" : "https://") + registry;
    }

    /**
     * The digest {@code ref}'s tag points at: the image index of a multi-platform image (what a
     * {@code FROM name:tag@sha256:…} pins, valid on every platform), or the manifest of a
     * single-platform one. The registry's {@code Docker-Content-Digest}, else the sha256 of the body.
     */
    public String digest(ImageRef ref) throws RegistryException {
        if (ref.digest() != null) {
            return ref.digest();
        }
        return manifest(ref, ref.tag() != null ? ref.tag() : "latest").digest;
    }

    /** The size of {@code ref} for {@code platform}. */
    public RegistrySize size(ImageRef ref, Platform platform) throws RegistryException {
        String reference = ref.digest() != null ? ref.digest() : ref.tag() != null ? ref.tag() : "latest";
        String name = ref.registry() + "/" + ref.repository() + (ref.digest() != null ? "@" : ":") + reference;
        Fetched top = manifest(ref, reference);
        JsonNode doc = top.body;
        String media = mediaType(doc, top.contentType);
        Fetched chosen = top;
        if (media.contains("index") || media.contains("manifest.list")) {
            String digest = pick(doc, platform)
                    .orElseThrow(() -> new RegistryException(name + " has no image for " + platform));
            chosen = manifest(ref, digest);
            doc = chosen.body;
        } else if (!platform.equals(Platform.LINUX_AMD64)) {
            // a single-platform manifest: its platform is in the config blob; the size is still the image's
            String arch = "";
            if (doc.path("config").has("platform")) {
                arch = doc.path("config").path("platform").path("architecture").asText("");
            }
            if (!arch.isEmpty() && !arch.equals(platform.architecture())) {
                throw new RegistryException(name + " is a single-platform image for " + arch + ", not " + platform);
            }
        }
        JsonNode layers = doc.path("layers");
        if (!layers.isArray() || layers.isEmpty()) {
            throw new RegistryException(name + ": the registry's manifest lists no layers");
        }
        long total = 0;
        for (JsonNode layer : layers) {
            long size = layer.path("size").asLong(-1);
            if (size < 0) {
                throw new RegistryException(name + ": a layer without a size in the manifest");
            }
            total += size;
        }
        return new RegistrySize(name, platform.toString(), chosen.digest, total, layers.size(), clock.instant(),
                chosen.url);
    }

    private static String mediaType(JsonNode doc, String contentType) {
        String m = doc.path("mediaType").asText("");
        if (m.isEmpty() && contentType != null) {
            m = contentType;
        }
        if (m.isEmpty() && doc.has("manifests")) {
            m = "application/vnd.oci.image.index.v1+json";
        }
        return m.toLowerCase(Locale.ROOT);
    }

    /** The digest of the index entry for the platform; attestation manifests are not images. */
    static Optional<String> pick(JsonNode index, Platform platform) {
        for (JsonNode m : index.path("manifests")) {
            JsonNode p = m.path("platform");
            if (m.path("annotations").path("vnd.docker.reference.type").asText("").equals("attestation-manifest")) {
                continue;
            }
            String variant = p.hasNonNull("variant") ? p.get("variant").asText() : null;
            if (platform.matches(p.path("os").asText(""), p.path("architecture").asText(""), variant)) {
                return Optional.ofNullable(m.path("digest").asText(null));
            }
        }
        return Optional.empty();
    }

    private record Fetched(JsonNode body, String contentType, String digest, String url) {
    }

    private Fetched manifest(ImageRef ref, String reference) throws RegistryException {
        String url = base(ref.registry()) + "/v2/" + ref.repository() + "/manifests/" + reference;
        String scope = "repository:" + ref.repository() + ":pull";
        HttpResponse<InputStream> r = get(url, authorization(ref.registry(), scope));
        if (r.statusCode() == 401) {
            String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
            drain(r);
            String auth = answer(ref.registry(), challenge, scope);
            r = get(url, auth);
        }
        int status = r.statusCode();
        if (status != 200) {
            drain(r);
            String what = ref.registry() + "/" + ref.repository() + ":" + reference;
            throw new RegistryException(switch (status) {
                case 401, 403 -> what + ": not authorised (docker login to " + ref.registry() + " first)";
                case 404 -> what + ": no such image or tag in the registry";
                case 429 -> what + ": the registry's rate limit is reached";
                default -> what + ": the registry answered HTTP " + status;
            });
        }
        byte[] body = read(r);
        String digest = r.headers().firstValue("Docker-Content-Digest").orElseGet(() -> sha256(body));
        try {
            return new Fetched(json.readTree(body), r.headers().firstValue("Content-Type").orElse(null), digest, url);
        } catch (IOException e) {
            throw new RegistryException(url + ": the registry's manifest is not JSON");
        }
    }

    private String authorization(String registry, String scope) {
        return tokens.get(registry + " " + scope);
    }

    /** Answers a 401 challenge: a bearer token from the realm, or Basic credentials. */
    private String answer(String registry, String challenge, String defaultScope) throws RegistryException {
        Optional<DockerCredentials.Login> login = credentials.forRegistry(registry);
        String lower = challenge.toLowerCase(Locale.ROOT);
        if (lower.startsWith("basic")) {
            DockerCredentials.Login l = login.orElseThrow(() -> new RegistryException(
                    registry + " needs a login (docker login " + registry + ")"));
            String auth = "Basic " + l.basic();
            tokens.put(registry + " " + defaultScope, auth);
            return auth;
        }
        if (!lower.startsWith("bearer")) {
            throw new RegistryException(registry + " asked for an authentication scheme dockdiet does not speak");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null || !(realm.startsWith("https://") || realm.startsWith("http://"))) {
            throw new RegistryException(registry + " sent a token challenge without a usable realm");
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        if (params.containsKey("service")) {
            url.append("service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8)).append('&');
        }
        url.append("scope=").append(URLEncoder.encode(params.getOrDefault("scope", defaultScope), StandardCharsets.UTF_8));
        HttpResponse<InputStream> r = get(url.toString(), login.map(l -> "Basic " + l.basic()).orElse(null));
        if (r.statusCode() != 200) {
            drain(r);
            throw new RegistryException(registry + ": the token service answered HTTP " + r.statusCode()
                    + (login.isEmpty() ? " to an anonymous request (docker login " + registry + "?)" : ""));
        }
        try {
            JsonNode t = json.readTree(read(r));
            String token = t.hasNonNull("token") ? t.get("token").asText() : t.path("access_token").asText("");
            if (token.isEmpty()) {
                throw new RegistryException(registry + ": the token service gave no token");
            }
            String auth = "Bearer " + token;
            tokens.put(registry + " " + defaultScope, auth);
            return auth;
        } catch (IOException e) {
            throw new RegistryException(registry + ": the token service's answer is not JSON");
        }
    }

    private HttpResponse<InputStream> get(String url, String authorization) throws RegistryException {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", ACCEPT)
                    .header("User-Agent", "dockdiet");
        } catch (IllegalArgumentException e) {
            throw new RegistryException("not a usable registry URL: " + url);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            throw new RegistryException(URI.create(url).getHost() + " did not answer: " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while asking " + URI.create(url).getHost());
        }
    }

    private static byte[] read(HttpResponse<InputStream> r) throws RegistryException {
        try (InputStream in = r.body()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new RegistryException("the registry's answer is larger than " + MAX_BODY + " bytes");
            }
            return b;
        } catch (IOException e) {
            throw new RegistryException("the registry's answer broke off: " + e.getMessage(), e);
        }
    }

    private static void drain(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            in.readNBytes(64 * 1024);
        } catch (IOException ignored) {
            // the status code already says what went wrong
        }
    }

    static String sha256(byte[] body) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
