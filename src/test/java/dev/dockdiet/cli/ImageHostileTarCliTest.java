package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockdiet image --tar} on a decompression bomb: one error line, exit 2; the limit is an option. */
class ImageHostileTarCliTest {

    @TempDir
    Path dir;

    private Path bomb() throws Exception {
        byte[] layer = ImageCommandTest.gzip(ImageCommandTest.layerTar("zeros", 20 << 20));
        String config = "{\"os\":\"linux\",\"architecture\":\"amd64\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:a\"]},"
                + "\"history\":[{\"created_by\":\"/bin/sh -c dd if=/dev/zero of=/zeros\"}]}";
        Path tar = dir.resolve("bomb.tar");
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            ImageCommandTest.put(t, "l1/layer.tar", layer);
            ImageCommandTest.put(t, "cfg.json", config.getBytes());
            ImageCommandTest.put(t, "manifest.json", "[{\"Config\":\"cfg.json\",\"Layers\":[\"l1/layer.tar\"]}]".getBytes());
        }
        return tar;
    }

    @Test
    void aBombOverTheLimitIsOneErrorLineAndExit2() throws Exception {
        Path tar = bomb();
        ImageCommandTest.Run r = ImageCommandTest.run("--tar", tar.toString(), "--max-uncompressed", "4MB");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("inflate to more than 4.00 MB").contains("--max-uncompressed");
        ImageCommandTest.Run ok = ImageCommandTest.run("--tar", tar.toString(), "--max-uncompressed", "64MB");
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("zeros");
    }

    @Test
    void badLimitsAreUsageErrors() throws Exception {
        Path tar = bomb();
        assertThat(ImageCommandTest.run("--tar", tar.toString(), "--max-entries", "0").exit()).isEqualTo(2);
        assertThat(ImageCommandTest.run("--tar", tar.toString(), "--max-uncompressed", "lots").exit()).isEqualTo(2);
    }
}
