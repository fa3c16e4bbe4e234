package dev.dockdiet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages follow the data: syntax → shell → rule → fix → size → rules → config → lint → report →
 * cli, and a package uses only those before it (docs/architecture.md). Checked on the sources:
 * imports and fully qualified names alike.
 */
class ArchitectureTest {

    static final List<String> ORDER = List.of("syntax", "shell", "rule", "fix", "size", "rules", "config", "lint",
            "report", "cli");
    private static final Pattern REF = Pattern.compile("\\bdev\\.dockdiet\\.([a-z]+)\\b");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void everyPackageUsesOnlyThoseBeforeIt() throws IOException {
        Path root = Path.of("src", "main", "java", "dev", "dockdiet");
        List<String> violations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path f : files) {
            String top = root.relativize(f).getName(0).toString();
            int rank = ORDER.indexOf(top);
            assertThat(rank).as("package %s is not in the flow", top).isNotNegative();
            String code = COMMENT.matcher(Files.readString(f, StandardCharsets.UTF_8)).replaceAll("");
            Matcher m = REF.matcher(code);
            while (m.find()) {
                int used = ORDER.indexOf(m.group(1));
                if (used > rank) {
                    violations.add(root.relativize(f) + " uses dev.dockdiet." + m.group(1));
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
