package dev.dockdiet.syntax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's own Dockerfiles under {@code test-fixtures/} (BuildKit's parser cases, the goldens, the fix builds ...). */
public final class Fixtures {

    private Fixtures() {
    }

    /** The text of every {@code *Dockerfile*} and {@code Containerfile*} under test-fixtures/, in path order. */
    public static List<String> dockerfiles() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("test-fixtures"))) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().contains("Dockerfile")
                            || p.getFileName().toString().startsWith("Containerfile"))
                    .sorted()
                    .map(p -> {
                        try {
                            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
