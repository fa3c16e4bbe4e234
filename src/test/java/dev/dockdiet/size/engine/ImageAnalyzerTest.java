package dev.dockdiet.size.engine;

import static dev.dockdiet.size.engine.TestImages.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockdiet.size.engine.ImageReport.Removal;
import dev.dockdiet.size.engine.ImageReport.WastedPath;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAnalyzerTest {

    static ImageReport analyze(byte[]... layers) {
        List<byte[]> ls = List.of(layers);
        List<String> createdBy = new ArrayList<>();
        for (int i = 0; i < ls.size(); i++) {
            createdBy.add("/bin/sh -c step" + i);
        }
        byte[] config = TestImages.config(ls, createdBy, Collections.nCopies(ls.size(), false));
        byte[] tar = TestImages.dockerArchive(ls, config, true);
        return ImageAnalyzer.analyze(ImageArchive.read(new ByteArrayInputStream(tar), "test"), "test", "tar", null);
    }

    @Test
    void anOverwrittenFileWastesTheOldCopyOnly() {
        ImageReport r = analyze(layer().file("a", 100).bytes(), layer().file("a", 40).bytes());
        assertThat(r.totalBytes()).isEqualTo(140);
        assertThat(r.wastedBytes()).isEqualTo(100);
        assertThat(r.finalBytes()).isEqualTo(40);
        assertThat(r.efficiency()).isEqualTo(40.0 / 140);
        assertThat(r.wastedPaths()).containsExactly(new WastedPath("/a", 100, 0, 1, Removal.OVERWRITTEN));
    }

    @Test
    void threeCopiesOfAPathWasteTheTwoThatDoNotSurviveNotAll() {
        // dive would count 100 + 50 + 10 = 160 (every copy, the surviving one included)
        ImageReport r = analyze(layer().file("a", 100).bytes(), layer().file("a", 50).bytes(),
                layer().file("a", 10).bytes());
        assertThat(r.wastedBytes()).isEqualTo(150);
        assertThat(r.layers()).extracting(ImageReport.Layer::wastedBytes).containsExactly(100L, 50L, 0L);
        assertThat(r.layers()).extracting(ImageReport.Layer::removedBytes).containsExactly(0L, 100L, 50L);
    }

    @Test
    void whiteoutsDeleteFilesAndWholeDirectories() {
        ImageReport r = analyze(
                layer().dir("d").file("d/x", 10).file("d/y", 20).dir("d/sub").file("d/sub/z", 5).file("keep", 1).bytes(),
                layer().whiteout("d/x").bytes(),
                layer().whiteout("d").bytes());
        assertThat(r.wastedBytes()).isEqualTo(35);
        assertThat(r.finalBytes()).isEqualTo(1);
        assertThat(r.wastes()).extracting(w -> w.addedBy() + "->" + w.removedBy() + ":" + w.bytes())
                .containsExactly("0->2:25", "0->1:10");
        assertThat(r.layers().get(2).pathsDeleted()).isEqualTo(1);
        assertThat(r.layers().get(2).filesAdded()).isZero();
    }

    @Test
    void anOpaqueDirectoryHidesLowerContentButKeepsItsOwn() {
        ImageReport r = analyze(
                layer().dir("o").file("o/a", 5).file("o/b", 7).file("other", 3).bytes(),
                layer().dir("o").opaque("o").file("o/c", 4).bytes());
        assertThat(r.wastedBytes()).isEqualTo(12);
        assertThat(r.finalBytes()).isEqualTo(7);
        assertThat(r.wastedPaths()).extracting(WastedPath::path).containsExactly("/o/b", "/o/a");
        assertThat(r.wastedPaths()).allMatch(w -> w.how() == Removal.DELETED);
    }

    @Test
    void aFileInPlaceOfADirectoryHidesTheDirectory() {
        ImageReport r = analyze(layer().dir("p").file("p/q", 9).bytes(), layer().file("p", 1).bytes(),
                layer().dir("p").file("p/r", 2).bytes());
        assertThat(r.wastedBytes()).isEqualTo(10);
        assertThat(r.wastedPaths()).extracting(w -> w.path() + " " + w.how())
                .containsExactly("/p/q OVERWRITTEN", "/p OVERWRITTEN");
    }

    @Test
    void symlinksAndDirectoriesCountNoBytesAndIdenticalLayersAreReadOnce() {
        byte[] same = layer().file("x", 3).bytes();
        ImageReport r = analyze(layer().dir("bin").file("bin/busybox", 1000).symlink("bin/sh", "busybox").bytes(),
                same, same);
        assertThat(r.layers()).extracting(ImageReport.Layer::contentBytes).containsExactly(1000L, 3L, 3L);
        assertThat(r.layers().get(0).filesAdded()).isEqualTo(2);
        assertThat(r.wastedBytes()).isEqualTo(3);
    }

    @Test
    void largestFilesAndDirectoriesPerLayer() {
        ImageReport r = analyze(layer().file("usr/lib/x/a.so", 900).file("usr/lib/x/b.so", 50).file("usr/share/doc", 40)
                .file("etc/conf", 10).bytes());
        ImageReport.Layer l = r.layers().get(0);
        assertThat(l.largestFiles()).extracting(ImageReport.PathSize::path)
                .containsExactly("/usr/lib/x/a.so", "/usr/lib/x/b.so", "/usr/share/doc", "/etc/conf");
        // /usr and /usr/lib are folded into /usr/lib/x, which holds more than 90% of them
        assertThat(l.largestDirectories()).extracting(p -> p.path() + "=" + p.bytes())
                .containsExactly("/usr/lib/x=950", "/usr/share=40", "/etc=10");
    }

    @Test
    void historyIsMappedToLayersSkippingEmptyLayers() {
        List<byte[]> ls = List.of(layer().file("a", 1).bytes(), layer().file("b", 2).bytes());
        byte[] config = TestImages.config(ls,
                List.of("", "/bin/sh -c #(nop)  ENV A=1", "RUN /bin/sh -c make # buildkit"),
                List.of(false, true, false));
        ImageReport r = ImageAnalyzer.analyze(
                ImageArchive.read(new ByteArrayInputStream(TestImages.dockerArchive(ls, config, false)), "t"), "t", "tar",
                null);
        assertThat(r.layers()).extracting(ImageReport.Layer::instruction).containsExactly("", "RUN make");
        assertThat(r.history()).extracting(ImageReport.HistoryEntry::layerIndex).containsExactly(0, null, 1);
        assertThat(r.repoTags()).containsExactly("test/image:1");
        assertThat(r.imageId()).isEqualTo("sha256:" + ImageArchive.sha256(config));
    }

    @Test
    void ociLayoutWithGzipLayersGivesTheSameFigures(@TempDir Path tmp) throws Exception {
        List<byte[]> ls = List.of(layer().file("a", 100).file("b", 5).bytes(), layer().whiteout("a").bytes());
        byte[] config = TestImages.config(ls, List.of("/bin/sh -c x", "/bin/sh -c rm a"), List.of(false, false));
        for (boolean withManifestJson : new boolean[] {true, false}) {
            Path tar = tmp.resolve("oci-" + withManifestJson + ".tar");
            Files.write(tar, TestImages.ociLayout(ls, config, withManifestJson));
            ImageReport r = ImageAnalyzer.analyze(tar);
            assertThat(r.source()).isEqualTo("tar");
            assertThat(r.totalBytes()).isEqualTo(105);
            assertThat(r.wastedBytes()).isEqualTo(100);
            assertThat(r.layers().get(0).diffId()).isEqualTo("sha256:" + ImageArchive.sha256(ls.get(0)));
            assertThat(r.repoTags()).containsExactly(withManifestJson ? "test/oci:1" : "docker.io/test/oci:1");
        }
    }

    @Test
    void badArchivesAreOneLineErrors(@TempDir Path tmp) throws Exception {
        Path junk = tmp.resolve("junk.tar");
        Files.writeString(junk, "this is not a tar");
        assertThatThrownBy(() -> ImageAnalyzer.analyze(junk)).isInstanceOf(EngineException.class)
                .hasMessageStartingWith("cannot read image archive " + junk + ": ");
        assertThatThrownBy(() -> ImageAnalyzer.analyze(tmp.resolve("missing.tar"))).isInstanceOf(EngineException.class)
                .hasMessage("cannot read image archive " + tmp.resolve("missing.tar") + ": no such file");
        Path noManifest = tmp.resolve("plain.tar");
        Files.write(noManifest, layer().file("a", 1).bytes());
        assertThatThrownBy(() -> ImageAnalyzer.analyze(noManifest)).isInstanceOf(EngineException.class)
                .hasMessageContaining("neither manifest.json nor index.json found");
        byte[] zstd = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0, 0, 0};
        List<byte[]> ls = List.of(zstd);
        byte[] config = TestImages.config(ls, List.of("x"), List.of(false));
        Path z = tmp.resolve("zstd.tar");
        Files.write(z, TestImages.dockerArchive(ls, config, false));
        assertThatThrownBy(() -> ImageAnalyzer.analyze(z)).isInstanceOf(EngineException.class)
                .hasMessageEndingWith("zstd-compressed layers are not supported");
    }
}
