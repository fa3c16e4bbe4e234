package dev.dockdiet.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubReporterTest {

    @Test
    void dataEscapesPercentAndLineBreaksOnly() {
        assertThat(GithubReporter.data("100% done\r\nnext: a, b")).isEqualTo("100%25 done%0D%0Anext: a, b");
        // % first, so an existing escape is not read back as one
        assertThat(GithubReporter.data("%0A")).isEqualTo("%250A");
    }

    @Test
    void propertiesAlsoEscapeColonAndComma() {
        assertThat(GithubReporter.property("dir:x,y/Docker%file\n")).isEqualTo("dir%3Ax%2Cy/Docker%25file%0A");
    }

    @Test
    void aPathWithCommaAndColonCannotBreakTheCommand() {
        String t = "FROM a\n";
        Finding f = new Finding(Samples.DD101, "Base a, b: c\nnext", Samples.find(t, "a"));
        LintReport r = new LintReport("1.0.0", List.of(new FileReport("x,line=9:y/Dockerfile", t, List.of(f), null)), List.of(), null);
        String out = Samples.render("github", r);
        assertThat(out).startsWith("::warning file=x%2Cline=9%3Ay/Dockerfile,line=1,col=6,endColumn=7,title=DD101 oversized-base::Base a, b: c%0Anext%0ASee ");
        assertThat(out.lines()).hasSize(1);
    }

    @Test
    void multiLineRangesHaveNoColumns() {
        String out = Samples.render("github", Samples.sample());
        assertThat(out).contains("::notice file=app/Dockerfile,line=4,endLine=5,title=DD111 apt-lists-not-removed::");
    }

    @Test
    void mostSevereFirstAndANoticeBeyondGitHubsLimit() {
        String t = "FROM a\n".repeat(15);
        List<Finding> fs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            fs.add(new Finding(Samples.DD409, "style " + i, Samples.find(t, "FROM", i)));
        }
        fs.add(new Finding(Samples.DD001, Severity.ERROR, "bad", Samples.find(t, "FROM", 14), null, null));
        LintReport r = new LintReport("1.0.0", List.of(new FileReport("Dockerfile", t, fs, null)), List.of(), null);
        List<String> lines = Samples.render("github", r).lines().toList();
        assertThat(lines).hasSize(14);
        assertThat(lines.get(0)).startsWith("::error file=Dockerfile,line=15,");
        assertThat(lines.get(1)).startsWith("::notice file=Dockerfile,line=1,");
        assertThat(lines.get(13)).isEqualTo("::notice title=dockdiet::2 findings are not shown as annotations"
                + " (GitHub shows 10 per kind and step); all 13 are listed in this log.");
    }

    @Test
    void nothingForNoFindings() {
        assertThat(Samples.render("github", Samples.empty())).isEmpty();
    }

    private static LintReport unreadableAndClean() {
        return new LintReport("1.0.0", List.of(FileReport.unreadable("svc/Dockerfile", "no such file or directory"),
                new FileReport("ok/Dockerfile", "FROM alpine:3.20\n", List.of(), null)), List.of(), null);
    }

    @Test
    void anUnreadableFileIsAnErrorAnnotationOnTheFile() {
        String out = Samples.render("github", unreadableAndClean());
        assertThat(out).isEqualTo("::error file=svc/Dockerfile,title=dockdiet::svc/Dockerfile could not be read: "
                + "no such file or directory\n");
    }
}
