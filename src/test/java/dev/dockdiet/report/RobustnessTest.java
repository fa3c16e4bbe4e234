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
        Finding crlf = new Finding(Samples.DD112, "crlf", Samples.find(t, "b"));
        LintReport r = new LintReport("1.0.0", List.of(new FileReport("Dockerfile", t, List.of(f, crlf), null)),
                Samples.RULES, id -> { throw new IllegalStateException("docs broken"); });
        String out = Samples.render(format, r);
        // every format reports both findings, the stale one included, and no CR leaks into it
        assertThat(out).contains("stale").contains("crlf").doesNotContain("\r");
        switch (format) {
            case "sarif" -> assertThat(Schemas.errors(Schemas.sarif(), out)).isEmpty();
            case "rdjson" -> assertThat(Schemas.errors(Schemas.rdjson(), out)).isEmpty();
            case "text" -> assertThat(out).contains("2 | RUN b\n");
            case "json" -> assertThat(json(out).path("files").get(0).path("findings")).hasSize(2);
            case "gitlab" -> assertThat(json(out)).hasSize(2);
            case "github" -> assertThat(out.lines().toList()).hasSize(2).allMatch(l -> l.startsWith("::"));
            case "checkstyle" -> {
                org.w3c.dom.Document doc = xml(out);
                assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(2);
            }
            default -> throw new AssertionError("no check for format " + format);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return Schemas.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static org.w3c.dom.Document xml(String text) {
        try {
            return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new java.io.StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + text, e);
        }
    }
}
