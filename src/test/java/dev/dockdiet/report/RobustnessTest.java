package dev.dockdiet.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.syntax.SourceRange;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Findings that do not fit their file (a stale range, CRLF text, null texts) never crash a format. */
class RobustnessTest {

    static List<String> formats() {
        return Reporters.NAMES;
    }

    @ParameterizedTest
    @MethodSource("formats")
    void rangesPastTheEndOfTheTextAndCrlfAreTolerated(String format) {
        String t = "FROM a\r\nRUN b\r\n";
        SourceRange stale = new SourceRange(40, 45, 9, 3, 9, 8);
        Finding f = new Finding(Samples.DD101, Samples.DD101.severity(), "stale", stale,
                new Fix(dev.dockdiet.rule.Applicability.SAFE, null, List.of(new Edit(stale, "x"))), null);
        Finding crlf = new Finding(Samples.DD102, "crlf", Samples.find(t, "b"));
        LintReport r = new LintReport("1.0.0", List.of(new FileReport("Dockerfile", t, List.of(f, crlf), null)),
                Samples.RULES, id -> { throw new IllegalStateException("docs broken"); });
        String out = Samples.render(format, r);
        assertThat(out).isNotEmpty();
        if (format.equals("sarif")) {
            assertThat(Schemas.errors(Schemas.sarif(), out)).isEmpty();
        }
        if (format.equals("rdjson")) {
            assertThat(Schemas.errors(Schemas.rdjson(), out)).isEmpty();
        }
        if (format.equals("text")) {
            assertThat(out).contains("2 | RUN b\n").doesNotContain("\r");
        }
    }
}
