package dev.dockdiet.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ReportersTest {

    @Test
    void everyNamedFormatExistsAndNamesAreCaseInsensitive() {
        for (String n : Reporters.NAMES) {
            assertThat(Reporters.create(n, null)).isNotNull();
        }
        assertThat(Reporters.create(" SARIF ", null)).isInstanceOf(SarifReporter.class);
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
