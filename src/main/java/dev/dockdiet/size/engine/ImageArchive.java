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
 * kept), small files (JSON) are kept whole, and symlinked or hard-linked archive members (the classic
 * format links identical layers) are resolved at the end.
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

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Members up to this size are kept in memory as they are (JSON, and small layers). */
    private static final long SMALL = 4L << 20;

    public static ImageArchive read(Path tar) {
        if (!Files.isRegularFile(tar)) {
            throw new EngineException("cannot read image archive " + tar + ": no such file");
        }
        try (InputStream in = Files.newInputStream(tar)) {
            return read(in, tar.toString());
        } catch (IOException e) {
            throw new EngineException("cannot read image archive " + tar + ": " + EngineException.reason(e), e);
        }
    }

    /** Reads a {@code docker save} stream; {@code what} names it in error messages. Does not close {@code in}. */
    public static ImageArchive read(InputStream in, String what) {
        Map<String, byte[]> small = new HashMap<>();
        Map<String, ParsedLayer> big = new HashMap<>();
        Map<String, String> links = new HashMap<>();
        int members = 0;
        try {
            TarArchiveInputStream outer = new TarArchiveInputStream(in);
            TarArchiveEntry e;
            while ((e = outer.getNextEntry()) != null) {
                members++;
                String name = LayerEntry.normalise(e.getName());
                if (e.isSymbolicLink()) {
                    String parent = name.substring(0, Math.max(name.lastIndexOf('/'), 0));
                    links.put(name, LayerEntry.normalise(parent + "/" + e.getLinkName()));
                } else if (e.isLink()) {
                    links.put(name, LayerEntry.normalise(e.getLinkName()));
                } else if (e.isFile()) {
                    if (e.getSize() <= SMALL) {
                        small.put(name, outer.readAllBytes());
                    } else {
                        big.put(name, ParsedLayer.parse(outer, name));
                    }
                }
            }
        } catch (IOException e) {
            throw new EngineException("cannot read image archive " + what + ": " + EngineException.reason(e), e);
        }
        if (members == 0) {
            throw new EngineException("cannot read image archive " + what + ": not a tar file, or empty");
        }
        Members m = new Members(small, big, links, what);
        return m.has("/manifest.json") ? fromDockerManifest(m) : fromOciIndex(m);
    }

    private static ImageArchive fromDockerManifest(Members m) {
        JsonNode manifest = m.json("/manifest.json");
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw new EngineException("cannot read image archive " + m.what + ": manifest.json lists no image");
        }
        JsonNode image = manifest.get(0);
        String configPath = text(image, "Config");
        if (configPath == null) {
            throw new EngineException("cannot read image archive " + m.what + ": manifest.json has no Config");
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
            throw new EngineException("cannot read image archive " + m.what
                    + ": neither manifest.json nor index.json found (is it the output of docker save?)");
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
            throw new EngineException("cannot read image archive " + m.what + ": index.json leads to no image manifest");
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
            throw new EngineException("cannot read image archive " + m.what + ": the image config is not JSON");
        }
        JsonNode diffIds = config.path("rootfs").path("diff_ids");
        if (diffIds.size() != layerPaths.size()) {
            throw new EngineException("cannot read image archive " + m.what + ": the config lists " + diffIds.size()
                    + " layers but the manifest " + layerPaths.size());
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < layerPaths.size(); i++) {
            String p = LayerEntry.normalise(layerPaths.get(i));
            ParsedLayer parsed = m.layer(p);
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

    /** The archive's members after the single pass. */
    private record Members(Map<String, byte[]> small, Map<String, ParsedLayer> big, Map<String, String> links,
                           String what) {
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
                throw new EngineException("cannot read image archive " + what + ": " + name.substring(1)
                        + (big.containsKey(resolve(name)) ? " is too large for a JSON file" : " is missing"));
            }
            return b;
        }

        JsonNode json(String name) {
            try {
                return JSON.readTree(bytes(name));
            } catch (IOException e) {
                throw new EngineException("cannot read image archive " + what + ": " + name.substring(1) + " is not JSON");
            }
        }

        ParsedLayer layer(String name) {
            String n = resolve(name);
            ParsedLayer p = big.get(n);
            if (p == null) {
                byte[] b = small.get(n);
                if (b == null) {
                    throw new EngineException("cannot read image archive " + what + ": layer " + name.substring(1)
                            + " is missing");
                }
                try {
                    p = ParsedLayer.parse(new ByteArrayInputStream(b), name);
                } catch (IOException e) {
                    throw new EngineException("cannot read image archive " + what + ": layer " + name.substring(1)
                            + ": " + EngineException.reason(e), e);
                }
            }
            if (p.error != null) {
                throw new EngineException("cannot read image archive " + what + ": layer " + name.substring(1)
                        + ": " + p.error);
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

        /** Reads one layer from {@code raw} (plain or gzip tar) without closing {@code raw}. */
        static ParsedLayer parse(InputStream raw, String name) throws IOException {
            BufferedInputStream in = new BufferedInputStream(new NonClosing(raw), 1 << 16);
            in.mark(8);
            byte[] magic = in.readNBytes(4);
            in.reset();
            InputStream tarIn = in;
            String compression = "none";
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                tarIn = new GzipCompressorInputStream(in, true);
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
            } catch (IOException | IllegalArgumentException ex) {
                return new ParsedLayer(List.of(), compression, "not a tar layer (" + EngineException.reason(ex) + ")");
            }
            return new ParsedLayer(List.copyOf(entries), compression, null);
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
