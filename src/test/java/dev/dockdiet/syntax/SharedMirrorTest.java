package dev.dockdiet.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The copy of the reference data in {@code test-fixtures/shared} is byte for byte the original
 * in {@code ../shared} (checked where the original is present: CI and the dev machines).
 */
class SharedMirrorTest {

    @Test
    void theCopyIsTheOriginal() throws IOException {
        List<Path> copied;
        try (Stream<Path> files = Files.walk(SharedFiles.MIRROR)) {
            copied = files.filter(Files::isRegularFile).filter(p -> !p.equals(SharedFiles.MIRROR.resolve("README.md"))).toList();
        }
        assertThat(copied).hasSizeGreaterThan(80);
        Optional<Path> full = SharedFiles.full();
        assumeTrue(full.isPresent(), "no shared/ above the project directory: nothing to compare the copy with");
        List<String> differ = new ArrayList<>();
        for (Path p : copied) {
            Path original = full.get().resolve(SharedFiles.MIRROR.relativize(p).toString());
            if (!Files.isRegularFile(original) || Files.mismatch(p, original) != -1) {
                differ.add(p.toString());
            }
        }
        assertThat(differ).as("copies that differ from ../shared (copy them again)").isEmpty();
    }
}
