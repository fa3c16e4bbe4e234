package dev.dockdiet.size.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code image --tar} on hostile archives (issue 11): each one is one clear error line or a
 * report, in bounded memory and work, and nothing in it reaches the terminal unescaped. The tars
 * are generated here; none is committed.
 */
class HostileArchiveTest {

    private static ImageArchive read(byte[] tar, ImageArchive.Limits limits) {
        return ImageArchive.read(new ByteArrayInputStream(tar), "hostile.tar", limits);
    }

    private static byte[] image(List<byte[]> layers, List<String> createdBy) {
        List<Boolean> empty = new ArrayList<>(Collections.nCopies(createdBy.size(), false));
        return TestImages.dockerArchive(layers, TestImages.config(layers, createdBy, empty), false);
    }

    /** One layer {@code l/layer.tar} listed {@code times} times in manifest.json (and the config). */
    private static byte[] listedTimes(byte[] layer, int times) {
        List<byte[]> ls = new ArrayList<>(Collections.nCopies(times, layer));
        List<String> cb = new ArrayList<>(Collections.nCopies(times, "RUN x"));
        List<Boolean> empty = new ArrayList<>(Collections.nCopies(times, false));
        TestImages.Archive a = new TestImages.Archive();
        a.add("l/layer.tar", layer);
        a.add("c.json", TestImages.config(ls, cb, empty));
        StringBuilder m = new StringBuilder("[{\"Config\":\"c.json\",\"Layers\":[");
        for (int i = 0; i < times; i++) {
            m.append(i == 0 ? "" : ",").append("\"l/layer.tar\"");
        }
        a.add("manifest.json", m.append("]}]").toString().getBytes());
        return a.bytes();
    }

    /**
     * A layer tar of one file whose name is given by a PAX header, written by hand: commons-compress
     * shortens an over-long name one character at a time, quadratic in the name's length.
     */
    static byte[] paxLayer(String name, byte[] data) {
        byte[] path = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int body = " path=".length() + path.length + 1;
        int len = body + String.valueOf(body).length();
        if (String.valueOf(len).length() != String.valueOf(body).length()) {
            len++;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] record = (len + " path=" + name + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeBytes(header("PaxHeader/f", record.length, 'x'));
        out.writeBytes(padded(record));
        out.writeBytes(header("f", data.length, '0'));
        out.writeBytes(padded(data));
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static byte[] padded(byte[] b) {
        return java.util.Arrays.copyOf(b, (b.length + 511) / 512 * 512);
    }

    private static byte[] header(String name, long size, char type) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int at, String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, b.length);
    }

    private static String oneLine(Throwable e) {
        assertThat(e).isInstanceOf(EngineException.class);
        assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(600);
        return e.getMessage();
    }

    @Test
    void aPathOfAHundredThousandComponentsIsOneErrorNotOutOfMemory() {
        byte[] l = paxLayer("a/".repeat(100_000) + "f", new byte[10]);
        byte[] tar = image(List.of(l), List.of("RUN x"));
        assertThat(tar.length).isLessThan(250_000);
        assertThatThrownBy(() -> read(tar, ImageArchive.Limits.DEFAULT))
                .satisfies(e -> assertThat(oneLine(e)).contains("hostile.tar").contains("path of 200001 characters")
                        .contains("longer than 4096"));
    }

    @Test
    void pathsUpToTheLimitAreAnalysedWithTheirDirectories() {
        String deep = "d/".repeat(2000);
        byte[] l = new TestImages.Archive().add(deep + "big", new byte[5000]).add(deep + "small", new byte[10]).bytes();
        ImageReport r = ImageAnalyzer.analyze(read(image(List.of(l), List.of("RUN x")), ImageArchive.Limits.DEFAULT),
                "x", "tar", null);
        assertThat(r.layers().get(0).largestDirectories()).extracting(ImageReport.PathSize::path)
                .containsExactly("/" + deep.substring(0, deep.length() - 1));
        assertThat(r.totalBytes()).isEqualTo(5010);
    }

    @Test
    void aLayerListedTwoThousandTimesIsRefusedAndListedFiftyTimesIsReadOnce() {
        TestImages.LayerTar lt = TestImages.layer();
        for (int i = 0; i < 100; i++) {
            lt.file("d/f" + i, 100);
        }
        byte[] layer = lt.bytes();
        assertThatThrownBy(() -> read(listedTimes(layer, 2000), ImageArchive.Limits.DEFAULT))
                .satisfies(e -> assertThat(oneLine(e)).contains("lists 2000 layers; more than 1000"));

        ImageArchive fifty = read(listedTimes(layer, 50), ImageArchive.Limits.DEFAULT);
        assertThat(fifty.layers()).hasSize(50);
        // the same summary object for every listing: parsed once
        assertThat(fifty.layers()).allSatisfy(x -> assertThat(x.entries()).isSameAs(fifty.layers().get(0).entries()));
        ImageReport r = ImageAnalyzer.analyze(fifty, "x", "tar", null);
        assertThat(r.totalBytes()).isEqualTo(50 * 100 * 100);
        assertThat(r.wastedBytes()).isEqualTo(49 * 100 * 100); // every listing but the last overwrites the one before
    }

    @Test
    void replayingMoreEntriesThanTheLimitIsOneError() {
        TestImages.LayerTar lt = TestImages.layer();
        for (int i = 0; i < 1000; i++) {
            lt.file("f" + i, 1);
        }
        ImageArchive.Limits limits = ImageArchive.Limits.DEFAULT.withMaxEntries(20_000);
        assertThatThrownBy(() -> read(listedTimes(lt.bytes(), 30), limits))
                .satisfies(e -> assertThat(oneLine(e)).contains("more than 20,000 entries in all")
                        .contains("--max-entries"));
    }

    @Test
    void aGzipBombStopsAtTheInflatedLimit() {
        byte[] inner = TestImages.layer().file("zeros", 40 << 20).bytes();
        byte[] bomb = TestImages.gzip(inner);
        assertThat(bomb.length).isLessThan(100_000); // 40 MB of zeros in ~40 kB
        byte[] tar = image(List.of(bomb), List.of("RUN dd"));
        ImageArchive.Limits limits = ImageArchive.Limits.DEFAULT.withMaxInflatedBytes(8 << 20);
        assertThatThrownBy(() -> read(tar, limits))
                .satisfies(e -> assertThat(oneLine(e)).contains("inflate to more than 8.39 MB")
                        .contains("decompression bomb").contains("--max-uncompressed"));
        // the same archive within the default limit reads
        assertThat(read(tar, ImageArchive.Limits.DEFAULT).layers().get(0).entries()).hasSize(1);
        assertThat(ImageArchive.Limits.DEFAULT.maxInflatedBytes()).isEqualTo(32L << 30);
    }

    @Test
    void aBombOfTinyEntriesStopsAtTheEntryLimit() {
        TestImages.LayerTar lt = TestImages.layer();
        for (int i = 0; i < 3000; i++) {
            lt.file("e" + i, 0);
        }
        byte[] tar = image(List.of(TestImages.gzip(lt.bytes())), List.of("RUN x"));
        assertThatThrownBy(() -> read(tar, ImageArchive.Limits.DEFAULT.withMaxEntries(1000)))
                .satisfies(e -> assertThat(oneLine(e)).contains("more than 1,000 entries"));
    }

    @Test
    void namesAndHistoryFromTheArchiveAreEscapedInTextAndInertInJsonAndSarif() throws Exception {
        String evil = "/evil\u001b]0;pwned\u0007\nFAKE LINE\u009b31m\u202etxt.exe";
        byte[] l1 = TestImages.layer().file(evil.substring(1), 2_000_000).bytes();
        byte[] l2 = TestImages.layer().whiteout(evil.substring(1)).bytes();
        byte[] tar = image(List.of(l1, l2), List.of("RUN echo \u001b[2J\r\nclear", "RUN rm \u202eevil"));
        ImageReport r = ImageAnalyzer.analyze(read(tar, ImageArchive.Limits.DEFAULT), "img\u001b[31m.tar", "tar", null);

        String text = ImageReportWriter.text(r);
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c <= 0x9f
                || c == 0x202e)).isEmpty();
        assertThat(text.lines()).noneMatch(line -> line.startsWith("FAKE LINE"));
        assertThat(text).contains("/evil\\x1b]0;pwned\\x07\\nFAKE LINE\\x9b31m\\u202etxt.exe")
                .contains("img\\x1b[31m.tar").contains("RUN echo \\x1b[2J");

        for (String json : List.of(ImageReportWriter.json(r), ImageReportWriter.sarif(r))) {
            assertThat(json.chars().filter(c -> c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c <= 0x9f
                    || c == 0x202e)).isEmpty();
            JsonNode back = TestImages.JSON.readTree(json); // escapes, not damage: the values read back intact
            assertThat(back.toString()).contains("\\u001B]0;pwned").doesNotContain("\u001b");
        }
        JsonNode back = TestImages.JSON.readTree(ImageReportWriter.json(r));
        assertThat(back.findValuesAsText("path")).contains(evil);
    }

    @Test
    void secretValuesInHistoryAreMaskedInTextJsonAndSarif() throws Exception {
        String token = "Zx81qLw0pT7vRk3mQ9";
        String password = "hunter2pass";
        String ghp = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        byte[] l0 = TestImages.layer().file("etc/env", 10).bytes();
        byte[] l1 = TestImages.layer().file("app.tgz", 2_000_000).bytes();
        byte[] l2 = TestImages.layer().whiteout("app.tgz").bytes();
        byte[] tar = image(List.of(l0, l1, l2), List.of(
                "/bin/sh -c #(nop)  ENV X_TOKEN=" + token,
                "RUN |1 GITHUB_TOKEN=" + ghp + " /bin/sh -c curl -fsSL https://deploy:" + password
                        + "@files.corp.test/app.tgz -o /app.tgz # buildkit",
                "RUN /bin/sh -c rm /app.tgz # buildkit"));
        ImageReport r = ImageAnalyzer.analyze(read(tar, ImageArchive.Limits.DEFAULT), "secrets.tar", "tar", null);
        assertThat(r.findings()).isNotEmpty(); // layer 1's download, deleted by layer 2: its message quotes layer 1

        String text = ImageReportWriter.text(r);
        String json = ImageReportWriter.json(r);
        String sarif = ImageReportWriter.sarif(r);
        for (String out : List.of(text, json, sarif)) {
            assertThat(out).doesNotContain(token).doesNotContain(password).doesNotContain(ghp.substring(4));
        }
        // the meaning stays: what was set and where it was fetched from
        assertThat(text).contains("ENV X_TOKEN=****").contains("https://deploy:****@files.corp.test");
        JsonNode back = TestImages.JSON.readTree(json);
        assertThat(back.findValuesAsText("createdBy")).hasSize(6) // three layers, three history entries
                .anySatisfy(c -> assertThat(c).contains("X_TOKEN=****"))
                .anySatisfy(c -> assertThat(c).contains("deploy:****@files.corp.test"));
        assertThat(back.findValuesAsText("instruction")).anySatisfy(c -> assertThat(c).isEqualTo("ENV X_TOKEN=****"));
        // paths are data, not build steps: left alone
        assertThat(back.findValuesAsText("path")).contains("/app.tgz");
    }

    @Test
    void aLongRunOfSpacesInCreatedByIsParsedInLinearTime() {
        // "\\s*# buildkit$" searched from every space of the run: quadratic, minutes for this one
        CreatedBy cb = CreatedBy.parse("/bin/sh -c echo a" + " ".repeat(300_000) + "b");
        assertThat(cb.keyword()).isEqualTo("RUN");
        assertThat(CreatedBy.parse("RUN /bin/sh -c make   # buildkit").text()).isEqualTo("make");
    }

    @Test
    void aMalformedOuterTarIsOneError() {
        byte[] junk = new byte[2048];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 31 + 7);
        }
        assertThatThrownBy(() -> read(junk, ImageArchive.Limits.DEFAULT)).satisfies(HostileArchiveTest::oneLine);
    }
}
