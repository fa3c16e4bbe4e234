package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.size.engine.EngineException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dockdiet image --tar} needs no engine: exit codes, formats, thresholds, bad input. */
class ImageCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ImageCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler((ex, c, p) -> {
                    if (ex instanceof EngineException) {
                        c.getErr().println("dockdiet: " + ex.getMessage());
                        return 2;
                    }
                    throw ex;
                }).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A docker-archive: a 3,000,000-byte file added, then deleted; a gzip layer. */
    static Path image(Path dir) throws Exception {
        byte[] l1 = layerTar("big.bin", 3_000_000);
        byte[] l2 = layerTar(".wh.big.bin", 0);
        String config = "{\"os\":\"linux\",\"architecture\":\"amd64\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:a\",\"sha256:b\"]},"
                + "\"history\":[{\"created_by\":\"/bin/sh -c dd if=/dev/zero of=/big.bin\"},"
                + "{\"created_by\":\"/bin/sh -c rm /big.bin\"},{\"created_by\":\"/bin/sh -c #(nop)  CMD [\\\"sh\\\"]\",\"empty_layer\":true}]}";
        Path tar = dir.resolve("img.tar");
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            put(t, "l1/layer.tar", gzip(l1));
            put(t, "l2/layer.tar", l2);
            put(t, "cfg.json", config.getBytes());
            put(t, "manifest.json", "[{\"Config\":\"cfg.json\",\"RepoTags\":[\"t:1\"],\"Layers\":[\"l1/layer.tar\",\"l2/layer.tar\"]}]".getBytes());
        }
        return tar;
    }

    static byte[] layerTar(String name, int size) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(bytes)) {
            put(t, name, new byte[size]);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] b) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(bytes)) {
            g.write(b);
        }
        return bytes.toByteArray();
    }

    static void put(TarArchiveOutputStream t, String name, byte[] data) throws Exception {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        t.putArchiveEntry(e);
        t.write(data);
        t.closeArchiveEntry();
    }

    @Test
    void textWithADockerfile(@TempDir Path dir) throws Exception {
        Path df = dir.resolve("Dockerfile");
        Files.writeString(df, "FROM scratch\nRUN dd if=/dev/zero of=/big.bin\nRUN rm /big.bin\nCMD [\"sh\"]\n");
        Run r = run("--tar", image(dir).toString(), "--dockerfile", df.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Size 3.00 MB in 2 layers   wasted 3.00 MB   efficiency 0.0%")
                .contains(df + ":2: warning DD190: this layer adds 3.00 MB (1 file: /big.bin) that line 3 deletes");
    }

    @Test
    void thresholdsGiveExitOne(@TempDir Path dir) throws Exception {
        Path tar = image(dir);
        assertThat(run("--tar", tar.toString(), "--max-size", "3MB", "--max-wasted", "3MB").exit()).isZero();
        Run r = run("--tar", tar.toString(), "--max-size", "2MB", "-f", "json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("{");
        assertThat(r.err().strip()).isEqualTo("dockdiet: image size 3.00 MB exceeds --max-size 2.00 MB (3000000 > 2000000 bytes)");
        assertThat(run("--tar", tar.toString(), "--min-efficiency", "0.95").err()).contains("below --min-efficiency 0.95");
    }

    @Test
    void badInputExitsTwo(@TempDir Path dir) throws Exception {
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run("img", "--tar", "x.tar").exit()).isEqualTo(2);
        assertThat(run("--tar", image(dir).toString(), "--max-size", "big").err()).contains("'big' is not a size");
        assertThat(run("--tar", image(dir).toString(), "--min-efficiency", "2").exit()).isEqualTo(2);
        Run missing = run("--tar", dir.resolve("nope.tar").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("dockdiet: cannot read image archive " + dir.resolve("nope.tar") + ": no such file");
        assertThat(List.of(run("--tar", image(dir).toString(), "-f", "bogus").exit())).containsExactly(2);
    }
}
