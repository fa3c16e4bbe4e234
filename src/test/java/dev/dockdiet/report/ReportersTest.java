package dev.dockdiet.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ReportersTest {

    @Test
    void everyNamedFormatMakesItsReporterAndNamesAreCaseInsensitive() {
        java.util.Map<String, Class<?>> expected = new java.util.LinkedHashMap<>();
        expected.put("text", TextReporter.class);
        expected.put("json", JsonReporter.class);
        expected.put("sarif", SarifReporter.class);
        expected.put("checkstyle", CheckstyleReporter.class);
        expected.put("github", GithubReporter.class);
        expected.put("gitlab", GitlabReporter.class);
        expected.put("rdjson", RdjsonReporter.class);
        assertThat(Reporters.NAMES).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, type) -> {
            assertThat(Reporters.create(name, null)).as(name).isExactlyInstanceOf(type);
            assertThat(Reporters.create(" " + name.toUpperCase(java.util.Locale.ROOT) + " ", null)).as(name)
                    .isExactlyInstanceOf(type);
        });
    }

    @Test
    void unknownNamesAreRejectedWithTheValidOnes() {
        assertThatThrownBy(() -> Reporters.create("tty", ReportOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format 'tty'; valid formats: text, json, sarif, checkstyle, github, gitlab, rdjson");
        assertThatThrownBy(() -> Reporters.create(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSourceRootAlwaysEndsWithASlash() {
        assertThat(ReportOptions.defaults().srcRoot().toString()).startsWith("file:/").endsWith("/");
        assertThat(ReportOptions.defaults().withSrcRoot(URI.create("file:///x/y")).srcRoot().toString()).isEqualTo("file:///x/y/");
        assertThat(ReportOptions.defaults().withSrcRoot(java.nio.file.Path.of("/no/such/dir")).srcRoot().toString())
                .isEqualTo("file:///no/such/dir/");
        assertThatThrownBy(() -> ReportOptions.defaults().withSrcRoot(URI.create("relative/dir")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
