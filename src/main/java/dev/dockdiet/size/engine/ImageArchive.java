package dev.dockdiet.size.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * An image read from a {@code docker save} stream: its config and its layers' entries, in order.
 *
 * <p>Both formats are read: the classic docker-archive ({@code manifest.json}, {@code <id>/layer.tar})
 * and the OCI image layout that Docker 25+ writes ({@code index.json}, {@code blobs/sha256/…}, and also
 * a {@code manifest.json}). {@code manifest.json} is used when present; a pure OCI layout is followed
 * from {@code index.json}. Layers may be plain tar or gzip; zstd layers are refused with a clear error.
 *
 * <p>The stream is read once: layer tars are summarised as they pass (only their entry lists are
 * kept), small JSON files are kept whole, and symlinked or hard-linked archive members (the classic
 * format links identical layers) are resolved at the end. A layer listed several times is read and
 * summarised once.
 *
 * <p>An archive is untrusted input, so what reading it may cost is bounded ({@link Limits}): the
 * bytes gzip layers inflate to (a decompression bomb), the number of entries and the characters of
 * their paths (memory), the length of one path (a path Docker could not extract), the number of
 * layers, and the JSON kept. Each bound, when crossed, is one {@link EngineException} line.
 *
 * @param configJson the image config (history, rootfs.diff_ids, os, architecture)
 * @param configDigest {@code sha256:} of the config bytes: the image id
 * @param repoTags the tags recorded in the archive, may be empty
 * @param layers the layers, bottom first
 */
public record ImageArchive(JsonNode configJson, String configDigest, List<String> repoTags, List<Layer> layers) {

    /** One layer: where it was in the archive, its diff id (from the config), its entries in tar order. */
    public record Layer(String archivePath, String diffId, String compression, List<LayerEntry> entries) {
    }

    /**
     * What reading one archive may cost.
     *
     * @param maxInflatedBytes bytes that compressed layers may inflate to, all layers together
     * @param maxEntries layer entries (files, directories, links) kept, and replayed over all listed layers
     * @param maxPathLength characters of one path in a layer (Linux's PATH_MAX is 4096)
     * @param maxLayers layers one image may list
     */
    public record Limits(long maxInflatedBytes, long maxEntries, int maxPathLength, int maxLayers) {
        /** 32 GiB: more than the largest images in common use (CUDA and ML images are 10-20 GB). */
        public static final long DEFAULT_MAX_INFLATED = 32L << 30;
        /** 2,000,000: about ten times the files of the largest images in common use. */
        public static final long DEFAULT_MAX_ENTRIES = 2_000_000;
        public static final int DEFAULT_MAX_PATH = 4096;
        /** 1,000: Docker's overlay storage stops at 125 or so. */
        public static final int DEFAULT_MAX_LAYERS = 1000;
        public static final Limits DEFAULT = new Limits(DEFAULT_MAX_INFLATED, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_PATH,
                DEFAULT_MAX_LAYERS);
        /** JSON members (manifests, configs, index) kept whole, all together. */
        static final long MAX_JSON_BYTES = 64L << 20;

        public Limits {
            if (maxInflatedBytes <= 0 || maxEntries <= 0 || maxPathLength <= 0 || maxLayers <= 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }

        public Limits withMaxInflatedBytes(long bytes) {
            return new Limits(bytes, maxEntries, maxPathLength, maxLayers);
        }

        public Limits withMaxEntries(long entries) {
            return new Limits(maxInflatedBytes, entries, maxPathLength, maxLayers);
        }

        /** Characters of all kept paths together: 128 a path on average at the entry limit (memory). */
        long maxPathChars() {
            return maxEntries * 128;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Members up to this size are read whole: kept if JSON, else summarised as a layer at once. */
    private static final long SMALL = 4L << 20;

    public static ImageArchive read(Path tar) {
        return read(tar, Limits.DEFAULT);
    }

    public static ImageArchive read(Path tar, Limits limits) {
        String what = Printable.brief(tar.toString(), 200);
        if (!Files.isRegularFile(tar)) {
            throw new EngineException("cannot read image archive " + what + ": no such file");
        }
        try (InputStream in = Files.newInputStream(tar)) {
            return read(in, tar.toString(), limits);
        } catch (IOException e) {
            throw new EngineException("cannot read image archive " + what + ": " + EngineException.reason(e), e);
        }
    }

    /** Reads a {@code docker save} stream; {@code what} names it in error messages. Does not close {@code in}. */
    public static ImageArchive read(InputStream in, String what) {
        return read(in, what, Limits.DEFAULT);
    }

    /** Reads a {@code docker save} stream within {@code limits}. Does not close {@code in}. */
    public static ImageArchive read(InputStream in, String what, Limits limits) {
        Budget budget = new Budget(limits, Printable.brief(what, 200));
        Map<String, byte[]> json = new HashMap<>();
        Map<String, ParsedLayer> parsed = new HashMap<>();
        Map<String, String> links = new HashMap<>();
        int members = 0;
        try {
            TarArchiveInputStream outer = new TarArchiveInputStream(in);
            TarArchiveEntry e;
            while ((e = outer.getNextEntry()) != null) {
                members++;
                budget.entry(e.getName(), null);
                String name = LayerEntry.normalise(e.getName());
                if (e.isSymbolicLink()) {
                    budget.entry(e.getLinkName(), null);
                    String parent = name.substring(0, Math.max(name.lastIndexOf('/'), 0));
                    links.put(name, LayerEntry.normalise(parent + "/" + e.getLinkName()));
                } else if (e.isLink()) {
                    budget.entry(e.getLinkName(), null);
                    links.put(name, LayerEntry.normalise(e.getLinkName()));
                } else if (e.isFile()) {
                    if (e.getSize() <= SMALL) {
                        byte[] b = outer.readAllBytes();
                        if (looksLikeJson(b)) {
                            budget.json(b.length);
                            json.put(name, b);
                        } else {
                            parsed.put(name, ParsedLayer.parse(new ByteArrayInputStream(b), name, budget));
                        }
                    } else {
                        parsed.put(name, ParsedLayer.parse(outer, name, budget));
                    }
                }
            }
        } catch (EngineException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // commons-compress throws IllegalArgumentException and friends on some malformed headers
            throw new EngineException("cannot read image archive " + budget.what + ": "
                    + Printable.brief(EngineException.reason(e), 200), e);
        }
        if (members == 0) {
            throw new EngineException("cannot read image archive " + budget.what + ": not a tar file, or empty");
        }
        Members m = new Members(json, parsed, links, budget);
        return m.has("/manifest.json") ? fromDockerManifest(m) : fromOciIndex(m);
    }

    /** A manifest, config or index: the first byte that is not white space opens an object or array. */
    private static boolean looksLikeJson(byte[] b) {
        for (byte x : b) {
            if (x == '{' || x == '[') {
                return true;
            }
            if (x != ' ' && x != '\t' && x != '\n' && x != '\r') {
                return false;
            }
        }
        return false;
    }

    /** The running totals of one read, checked against the limits as they grow. */
    private static final class Budget {
        final Limits limits;
        final String what;
        long inflated;
        long entries;
        long pathChars;
        long json;

        Budget(Limits limits, String what) {
            this.limits = limits;
            this.what = what;
        }

        /** Counts one entry (of the archive or of layer {@code layer}) with its path or link target. */
        void entry(String path, String layer) {
            if (path == null) {
                return;
            }
            if (path.length() > limits.maxPathLength()) {
                throw fail((layer == null ? "a member" : "layer " + Printable.brief(layer, 120) + ": an entry")
                        + " has a path of " + path.length() + " characters, longer than " + limits.maxPathLength()
                        + " (no file system Docker extracts to takes it): " + Printable.brief(path, 80));
            }
            entries++;
            pathChars += path.length();
            if (entries > limits.maxEntries()) {
                throw fail("the layers hold more than " + String.format(java.util.Locale.ROOT, "%,d", limits.maxEntries())
                        + " entries; raise the limit with --max-entries N if the image is real");
            }
            if (pathChars > limits.maxPathChars()) {
                throw fail("the paths in the layers add up to more than " + limits.maxPathChars()
                        + " characters; raise the limit with --max-entries N if the image is real");
            }
        }

        void inflated(long n) {
            inflated += n;
            if (inflated > limits.maxInflatedBytes()) {
                throw fail("its compressed layers inflate to more than " + Sizes.human(limits.maxInflatedBytes())
                        + " (a decompression bomb?); raise the limit with --max-uncompressed SIZE if the image is real");
            }
        }

        void json(long n) {
            json += n;
            if (json > Limits.MAX_JSON_BYTES) {
                throw fail("its JSON files add up to more than " + Sizes.human(Limits.MAX_JSON_BYTES));
            }
        }

        EngineException fail(String why) {
            return new EngineException("cannot read image archive " + what + ": " + why);
        }
    }

    private static ImageArchive fromDockerManifest(Members m) {
        JsonNode manifest = m.json("/manifest.json");
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw m.fail("manifest.json lists no image");
        }
        JsonNode image = manifest.get(0);
        String configPath = text(image, "Config");
        if (configPath == null) {
            throw m.fail("manifest.json has no Config");
        }
        byte[] configBytes = m.bytes("/" + configPath);
        List<String> tags = new ArrayList<>();
        image.path("RepoTags").forEach(t -> tags.add(t.asText()));
        List<String> layerPaths = new ArrayList<>();
        image.path("Layers").forEach(l -> layerPaths.add(l.asText()));
        return assemble(m, configBytes, tags, layerPaths);
    }

    private static ImageArchive fromOciIndex(Members m) {
        if (!m.has("/index.json")) {
            throw m.fail("neither manifest.json nor index.json found (is it the output of docker save?)");
        }
        JsonNode node = m.json("/index.json");
        List<String> tags = new ArrayList<>();
        for (int depth = 0; depth < 4; depth++) {
            JsonNode manifests = node.path("manifests");
            if (!manifests.isArray() || manifests.isEmpty()) {
                break;
            }
            JsonNode pick = manifests.get(0);
            for (JsonNode d : manifests) {
                JsonNode p = d.path("platform");
                if ("amd64".equals(p.path("architecture").asText()) && "linux".equals(p.path("os").asText())) {
                    pick = d;
                    break;
                }
            }
            String ref = pick.path("annotations").path("io.containerd.image.name").asText(null);
            if (ref != null && tags.isEmpty()) {
                tags.add(ref);
            }
            node = m.json(blobPath(pick.path("digest").asText()));
        }
        if (!node.has("config")) {
            throw m.fail("index.json leads to no image manifest");
        }
        byte[] configBytes = m.bytes(blobPath(node.path("config").path("digest").asText()));
        List<String> layerPaths = new ArrayList<>();
        node.path("layers").forEach(l -> layerPaths.add(blobPath(l.path("digest").asText())));
        return assemble(m, configBytes, tags, layerPaths);
    }

    private static String blobPath(String digest) {
        int colon = digest.indexOf(':');
        return "/blobs/" + digest.substring(0, Math.max(colon, 0)) + "/" + digest.substring(colon + 1);
    }

    private static ImageArchive assemble(Members m, byte[] configBytes, List<String> tags, List<String> layerPaths) {
        JsonNode config;
        try {
            config = JSON.readTree(configBytes);
        } catch (IOException e) {
            throw m.fail("the image config is not JSON");
        }
        if (!config.isObject()) {
            throw m.fail("the image config is not a JSON object");
        }
        JsonNode diffIds = config.path("rootfs").path("diff_ids");
        if (diffIds.size() != layerPaths.size()) {
            throw m.fail("the config lists " + diffIds.size() + " layers but the manifest " + layerPaths.size());
        }
        Limits limits = m.budget.limits;
        if (layerPaths.size() > limits.maxLayers()) {
            throw m.fail("the manifest lists " + layerPaths.size() + " layers; more than " + limits.maxLayers()
                    + " is not an image Docker can run");
        }
        List<Layer> layers = new ArrayList<>();
        long replayed = 0;
        for (int i = 0; i < layerPaths.size(); i++) {
            String p = LayerEntry.normalise(layerPaths.get(i));
            ParsedLayer parsed = m.layer(p); // read once, however often it is listed
            replayed += parsed.entries.size();
            if (replayed > limits.maxEntries()) {
                throw m.fail("its " + layerPaths.size() + " layers list more than "
                        + String.format(java.util.Locale.ROOT, "%,d", limits.maxEntries())
                        + " entries in all (a layer listed many times?); raise the limit with --max-entries N if the image is real");
            }
            layers.add(new Layer(p.substring(1), diffIds.get(i).asText(), parsed.compression, parsed.entries));
        }
        return new ImageArchive(config, "sha256:" + sha256(configBytes), List.copyOf(tags), List.copyOf(layers));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The archive's members after the single pass: JSON kept whole, everything else summarised as a layer. */
    private record Members(Map<String, byte[]> small, Map<String, ParsedLayer> big, Map<String, String> links,
                           Budget budget) {
        EngineException fail(String why) {
            return budget.fail(why);
        }

        String resolve(String name) {
            String n = name;
            for (int i = 0; i < 16 && links.containsKey(n); i++) {
                n = links.get(n);
            }
            return n;
        }

        boolean has(String name) {
            String n = resolve(name);
            return small.containsKey(n) || big.containsKey(n);
        }

        byte[] bytes(String name) {
            byte[] b = small.get(resolve(name));
            if (b == null) {
                throw fail(Printable.brief(name.substring(1), 120)
                        + (big.containsKey(resolve(name)) ? " is not JSON, or too large for a JSON file" : " is missing"));
            }
            return b;
        }

        JsonNode json(String name) {
            try {
                return JSON.readTree(bytes(name));
            } catch (IOException e) {
                throw fail(Printable.brief(name.substring(1), 120) + " is not JSON");
            }
        }

        ParsedLayer layer(String name) {
            String n = resolve(name);
            ParsedLayer p = big.get(n);
            if (p == null) {
                byte[] b = small.get(n);
                if (b == null) {
                    throw fail("layer " + Printable.brief(name.substring(1), 120) + " is missing");
                }
                try {
                    p = ParsedLayer.parse(new ByteArrayInputStream(b), name, budget);
                } catch (IOException e) {
                    throw fail("layer " + Printable.brief(name.substring(1), 120) + ": "
                            + Printable.brief(EngineException.reason(e), 200));
                }
                big.put(n, p); // a layer listed again is not read again
            }
            if (p.error != null) {
                throw fail("layer " + Printable.brief(name.substring(1), 120) + ": " + p.error);
            }
            return p;
        }
    }

    /** A layer tar summarised to its entries; {@code error} set when the member is not a readable layer. */
    private static final class ParsedLayer {
        final List<LayerEntry> entries;
        final String compression;
        final String error;

        private ParsedLayer(List<LayerEntry> entries, String compression, String error) {
            this.entries = entries;
            this.compression = compression;
            this.error = error;
        }

        /**
         * Reads one layer from {@code raw} (plain or gzip tar) without closing {@code raw}. Its entries
         * and inflated bytes count against {@code budget}, which throws when a limit is crossed.
         */
        static ParsedLayer parse(InputStream raw, String name, Budget budget) throws IOException {
            BufferedInputStream in = new BufferedInputStream(new NonClosing(raw), 1 << 16);
            in.mark(8);
            byte[] magic = in.readNBytes(4);
            in.reset();
            InputStream tarIn = in;
            String compression = "none";
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                tarIn = new Inflated(new GzipCompressorInputStream(in, true), budget);
                compression = "gzip";
            } else if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                    && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
                return new ParsedLayer(List.of(), "zstd", "zstd-compressed layers are not supported");
            }
            List<LayerEntry> entries = new ArrayList<>();
            try {
                TarArchiveInputStream tar = new TarArchiveInputStream(tarIn);
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    budget.entry(e.getName(), name.substring(1));
                    if (e.isSymbolicLink() || e.isLink()) {
                        budget.entry(e.getLinkName(), name.substring(1));
                    }
                    String path = LayerEntry.normalise(e.getName());
                    if (path.equals("/")) {
                        continue;
                    }
                    LayerEntry.Kind kind;
                    long size = 0;
                    String link = null;
                    if (e.isDirectory()) {
                        kind = LayerEntry.Kind.DIRECTORY;
                    } else if (e.isSymbolicLink()) {
                        kind = LayerEntry.Kind.SYMLINK;
                        link = e.getLinkName();
                    } else if (e.isLink()) {
                        kind = LayerEntry.Kind.HARDLINK;
                        link = LayerEntry.normalise(e.getLinkName());
                    } else if (e.isFile()) {
                        kind = LayerEntry.Kind.FILE;
                        size = e.getSize();
                    } else {
                        kind = LayerEntry.Kind.OTHER;
                    }
                    entries.add(new LayerEntry(path, kind, size, link));
                }
                // drain what is left (padding, gzip trailer) so the outer stream stays aligned
                tarIn.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (EngineException ex) {
                throw ex;
            } catch (IOException | RuntimeException ex) {
                return new ParsedLayer(List.of(), compression, "not a tar layer ("
                        + Printable.brief(EngineException.reason(ex), 200) + ")");
            }
            return new ParsedLayer(List.copyOf(entries), compression, null);
        }
    }

    /** Counts the bytes a decompressor hands out against the budget (skipped bytes too). */
    private static final class Inflated extends java.io.FilterInputStream {
        private final Budget budget;

        Inflated(InputStream in, Budget budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                budget.inflated(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                budget.inflated(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // read rather than skip, so that skipped bytes are counted too
            byte[] buf = new byte[(int) Math.min(n, 1 << 16)];
            long left = n;
            while (left > 0) {
                int r = read(buf, 0, (int) Math.min(left, buf.length));
                if (r < 0) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }
    }

    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
