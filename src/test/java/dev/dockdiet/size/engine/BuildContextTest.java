package dev.dockdiet.size.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context tar: the Dockerfile text goes along, listed in .dockerignore so the engine drops it after reading it. */
class BuildContextTest {

    static Map<String, String> tar(Path dir, String dockerfile) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildContext.tar(dir, dockerfile, out);
        Map<String, String> files = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                files.put(e.getName(), e.isFile() ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "");
            }
        }
        return files;
    }

    @Test
    void withoutADockerignoreOneIsSentThatDropsItselfAndTheDockerfile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.sh"), "echo hi\n");
        Map<String, String> files = tar(dir, "FROM scratch\n");
        assertThat(files).containsOnlyKeys("app.sh", BuildContext.DOCKERFILE_NAME, ".dockerignore");
        assertThat(files.get(BuildContext.DOCKERFILE_NAME)).isEqualTo("FROM scratch\n");
        assertThat(files.get(".dockerignore")).isEqualTo(".dockerignore\n" + BuildContext.DOCKERFILE_NAME + "\n");
    }

    @Test
    void theContextsDockerignoreIsSentWithTheDockerfileAppended(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".dockerignore"), "*.log");
        Files.writeString(dir.resolve("a.log"), "x");
        Files.writeString(dir.resolve(BuildContext.DOCKERFILE_NAME), "a stale copy in the context");
        Map<String, String> files = tar(dir, "FROM scratch\n");
        assertThat(files).containsOnlyKeys(".dockerignore", BuildContext.DOCKERFILE_NAME);
        assertThat(files.get(".dockerignore")).isEqualTo("*.log\n" + BuildContext.DOCKERFILE_NAME + "\n");
        assertThat(files.get(BuildContext.DOCKERFILE_NAME)).isEqualTo("FROM scratch\n");
    }

    @Test
    void aDockerignoreThatExcludesItselfStaysExcluded(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".dockerignore"), ".dockerignore\n");
        Map<String, String> files = tar(dir, "FROM scratch\n");
        assertThat(files.get(".dockerignore")).isEqualTo(".dockerignore\n" + BuildContext.DOCKERFILE_NAME + "\n");
    }
}
