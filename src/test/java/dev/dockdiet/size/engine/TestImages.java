package dev.dockdiet.size.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds layer tars and whole {@code docker save} archives in memory, for tests without an engine. */
final class TestImages {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A layer tar. */
    static final class LayerTar {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

        LayerTar file(String path, int size) {
            return content(path, new byte[size]);
        }

        LayerTar content(String path, byte[] data) {
            try {
                TarArchiveEntry e = new TarArchiveEntry(path);
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return this;
        }

        LayerTar dir(String path) {
            return entry(new TarArchiveEntry(path.endsWith("/") ? path : path + "/"));
        }

        LayerTar symlink(String path, String target) {
            TarArchiveEntry e = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
            e.setLinkName(target);
            return entry(e);
        }

        LayerTar whiteout(String path) {
            int i = path.lastIndexOf('/');
            return file(path.substring(0, i + 1) + ".wh." + path.substring(i + 1), 0);
        }

        LayerTar opaque(String dir) {
            return file(dir + "/.wh..wh..opq", 0);
        }

        private LayerTar entry(TarArchiveEntry e) {
            try {
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return this;
        }

        byte[] bytes() {
            try {
                tar.finish();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return bytes.toByteArray();
        }
    }

    static LayerTar layer() {
        return new LayerTar();
    }

    static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] config(List<byte[]> uncompressedLayers, List<String> createdBy, List<Boolean> empty) {
        ObjectNode c = JSON.createObjectNode();
        c.put("architecture", "amd64");
        c.put("os", "linux");
        ArrayNode diff = c.putObject("rootfs").put("type", "layers").putArray("diff_ids");
        uncompressedLayers.forEach(l -> diff.add("sha256:" + ImageArchive.sha256(l)));
        ArrayNode h = c.putArray("history");
        for (int i = 0; i < createdBy.size(); i++) {
            ObjectNode e = h.addObject().put("created_by", createdBy.get(i));
            if (empty.get(i)) {
                e.put("empty_layer", true);
            }
        }
        return bytes(c);
    }

    static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A classic docker-archive: {@code <n>/layer.tar}, {@code <digest>.json}, {@code manifest.json}. */
    static byte[] dockerArchive(List<byte[]> layers, byte[] config, boolean linkRepeatedLayers) {
        Archive a = new Archive();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String p = "layer" + i + "/layer.tar";
            int same = -1;
            for (int j = 0; j < i && linkRepeatedLayers; j++) {
                if (java.util.Arrays.equals(layers.get(j), layers.get(i))) {
                    same = j;
                }
            }
            if (same >= 0) {
                a.symlink(p, "../layer" + same + "/layer.tar");
            } else {
                a.add(p, layers.get(i));
            }
            a.add("layer" + i + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
            paths.add(p);
        }
        String configName = ImageArchive.sha256(config) + ".json";
        a.add(configName, config);
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode m = manifest.addObject().put("Config", configName);
        m.putArray("RepoTags").add("test/image:1");
        ArrayNode ls = m.putArray("Layers");
        paths.forEach(ls::add);
        a.add("manifest.json", bytes(manifest));
        return a.bytes();
    }

    /** An OCI image layout with gzip layers: {@code index.json} → manifest → config and layers; optionally also manifest.json. */
    static byte[] ociLayout(List<byte[]> layers, byte[] config, boolean withDockerManifest) {
        Archive a = new Archive();
        a.add("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        String configDigest = ImageArchive.sha256(config);
        a.add("blobs/sha256/" + configDigest, config);
        manifest.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                .put("digest", "sha256:" + configDigest).put("size", config.length);
        ArrayNode ls = manifest.putArray("layers");
        List<String> paths = new ArrayList<>();
        for (byte[] l : layers) {
            byte[] gz = gzip(l);
            String d = ImageArchive.sha256(gz);
            a.add("blobs/sha256/" + d, gz);
            ls.addObject().put("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip").put("digest", "sha256:" + d)
                    .put("size", gz.length);
            paths.add("blobs/sha256/" + d);
        }
        byte[] mb = bytes(manifest);
        String md = ImageArchive.sha256(mb);
        a.add("blobs/sha256/" + md, mb);
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2);
        index.putArray("manifests").addObject().put("mediaType", "application/vnd.oci.image.manifest.v1+json")
                .put("digest", "sha256:" + md).put("size", mb.length)
                .putObject("annotations").put("io.containerd.image.name", "docker.io/test/oci:1");
        a.add("index.json", bytes(index));
        if (withDockerManifest) {
            ArrayNode dm = JSON.createArrayNode();
            ObjectNode m = dm.addObject().put("Config", "blobs/sha256/" + configDigest);
            m.putArray("RepoTags").add("test/oci:1");
            ArrayNode dl = m.putArray("Layers");
            paths.forEach(dl::add);
            a.add("manifest.json", bytes(dm));
        }
        return a.bytes();
    }

    static final class Archive {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

        Archive() {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        }

        Archive add(String name, byte[] data) {
            try {
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return this;
        }

        Archive symlink(String name, String target) {
            try {
                TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                e.setLinkName(target);
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return this;
        }

        byte[] bytes() {
            try {
                tar.finish();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return bytes.toByteArray();
        }
    }

    private TestImages() {
    }
}
