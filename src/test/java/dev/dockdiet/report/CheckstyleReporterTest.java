package dev.dockdiet.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Finding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CheckstyleReporterTest {

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void awkwardTextSurvivesAnXmlParserUnchanged() throws Exception {
        String t = "FROM a\n";
        String message = "quote \" apos ' amp & lt < gt > tab\there\nnew line é 🐳";
        Finding f = new Finding(Samples.DD101, message, Samples.find(t, "a"));
        LintReport r = new LintReport("1", List.of(new FileReport("dir/<odd> & \"name\".Dockerfile", t, List.of(f), null)),
                List.of(), null);
        Document doc = parse(Samples.render("checkstyle", r));
        Element file = (Element) doc.getElementsByTagName("file").item(0);
        assertThat(file.getAttribute("name")).isEqualTo("dir/<odd> & \"name\".Dockerfile");
        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo(message);
        assertThat(error.getAttribute("severity")).isEqualTo("warning");
        assertThat(error.getAttribute("source")).isEqualTo("DD101");
    }

    @Test
    void charactersXmlForbidsAreReplaced() throws Exception {
        assertThat(CheckstyleReporter.attr("a\u0001b\u001bc\uD800d")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        String t = "FROM a\n";
        Finding f = new Finding(Samples.DD101, "bell \u0007 here", Samples.find(t, "a"));
        LintReport r = new LintReport("1", List.of(new FileReport("Dockerfile", t, List.of(f), null)), List.of(), null);
        assertThat(parse(Samples.render("checkstyle", r)).getElementsByTagName("error").getLength()).isEqualTo(1);
    }

    @Test
    void severitiesFollowTheCheckstyleVocabulary() throws Exception {
        Document doc = parse(Samples.render("checkstyle", Samples.sample()));
        var errors = doc.getElementsByTagName("error");
        for (int i = 0; i < errors.getLength(); i++) {
            assertThat(((Element) errors.item(i)).getAttribute("severity")).isIn("error", "warning", "info");
        }
        assertThat(doc.getElementsByTagName("file").getLength()).isEqualTo(3);
        assertThat(parse(Samples.render("checkstyle", Samples.empty())).getElementsByTagName("file").getLength()).isZero();
    }

    private static LintReport unreadableAndClean() {
        return new LintReport("1.0.0", List.of(FileReport.unreadable("svc/Dockerfile", "no such file or directory"),
                new FileReport("ok/Dockerfile", "FROM alpine:3.20\n", List.of(), null)), List.of(), null);
    }

    @Test
    void anUnreadableFileIsAnErrorOnLineOneNotACleanFile() throws Exception {
        Document doc = parse(Samples.render("checkstyle", unreadableAndClean()));
        var files = doc.getElementsByTagName("file");
        assertThat(files.getLength()).isEqualTo(2);
        Element bad = (Element) files.item(0);
        assertThat(bad.getAttribute("name")).isEqualTo("svc/Dockerfile");
        var errors = bad.getElementsByTagName("error");
        assertThat(errors.getLength()).isEqualTo(1);
        Element e = (Element) errors.item(0);
        assertThat(e.getAttribute("line")).isEqualTo("1");
        assertThat(e.hasAttribute("column")).isFalse();
        assertThat(e.getAttribute("severity")).isEqualTo("error");
        assertThat(e.getAttribute("message")).isEqualTo("could not be read: no such file or directory");
        assertThat(e.getAttribute("source")).isEqualTo("dockdiet");
        assertThat(((Element) files.item(1)).getElementsByTagName("error").getLength()).isZero();
    }
}
