package dev.dockdiet.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    @Test
    void humanSizesAreDecimal() {
        assertThat(Texts.humanBytes(0)).isEqualTo("0 B");
        assertThat(Texts.humanBytes(999)).isEqualTo("999 B");
        assertThat(Texts.humanBytes(1_000)).isEqualTo("1.0 kB");
        assertThat(Texts.humanBytes(5_430_000)).isEqualTo("5.4 MB");
        assertThat(Texts.humanBytes(45_600_000)).isEqualTo("46 MB");
        assertThat(Texts.humanBytes(210_000_000)).isEqualTo("210 MB");
        assertThat(Texts.humanBytes(999_600_000)).isEqualTo("1.0 GB");
        assertThat(Texts.humanBytes(1_100_000_000L)).isEqualTo("1.1 GB");
        assertThat(Texts.humanBytes(1_048_576)).isEqualTo("1.0 MB");
    }

    @Test
    void caretsLineUpUnderWideAndNonAsciiCharacters() {
        String out = Samples.render("text", Samples.sample());
        List<String> lines = out.lines().toList();
        int code = lines.indexOf("3 | LABEL maintainer=\"José 🐳\" Version=\"1.0\"");
        assertThat(code).isPositive();
        String carets = lines.get(code + 1);
        // 27 terminal columns before `Version`: é is one column, the whale two
        assertThat(carets).isEqualTo("  | " + " ".repeat(27) + "^".repeat(13) + " style");
    }

    @Test
    void tabsAndControlCharactersInTheSourceCannotMisalignOrDriveTheTerminal() {
        String t = "RUN\techo \u001b[31mred\u001b[0m && make\n";
        Finding f = new Finding(Samples.DD112, "make \u001b]0;title\u0007", Samples.find(t, "make"));
        String out = Samples.render("text", new LintReport("1", List.of(new FileReport("Dockerfile", t, List.of(f), null)),
                List.of(), null));
        assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007");
        List<String> lines = out.lines().toList();
        String code = lines.get(2);
        String carets = lines.get(3);
        assertThat(code).isEqualTo("1 | RUN    echo \uFFFD[31mred\uFFFD[0m && make");
        assertThat(carets.indexOf('^')).isEqualTo(code.indexOf("make"));
    }

    @Test
    void secretValuesAreMaskedInExcerptsMessagesAndFixTextButCaretsStayRight() {
        String t = "ADD https://ci:Rq7vX2pLm9Kd44@files.corp.test/a.tgz /a\n";
        // a bare value quoted by a rule (no context that tells it is a secret) is masked through the file's own
        Finding f = new Finding(Samples.DD112, "quotes Rq7vX2pLm9Kd44 bare", Samples.find(t, "files"))
                .withFix(dev.dockdiet.rule.Fix.suggested("use https://ci:Rq7vX2pLm9Kd44@mirror.test",
                        new dev.dockdiet.rule.Edit(Samples.find(t, "files.corp.test"), "mirror.test?token=t0k3nV4lue")));
        String out = Samples.render("text", new LintReport("1", List.of(new FileReport("Dockerfile", t, List.of(f), null)),
                List.of(), null));
        assertThat(out).doesNotContain("Rq7vX2pLm9Kd44").doesNotContain("t0k3nV4lue")
                .contains("1 | ADD https://ci:**************@files.corp.test/a.tgz /a")
                .contains("quotes **** bare").contains("use https://ci:****@mirror.test")
                .contains("replace with `mirror.test?token=****`");
        List<String> lines = out.lines().toList();
        assertThat(lines.get(3).indexOf('^')).isEqualTo(lines.get(2).indexOf("files"));
    }

    @Test
    void colourOnlyWhenAsked() {
        assertThat(Samples.render("text", Samples.sample())).doesNotContain("\u001b[");
        String coloured = Samples.render("text", Samples.sample(), Samples.OPTIONS.withColour(true));
        assertThat(coloured).contains("\u001b[33m\u001b[1mDD101\u001b[0m");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(Samples.render("text", Samples.sample()));
    }

    @Test
    void summaryCountsSeveritiesFixesAndFiles() {
        List<String> lines = Samples.render("text", Samples.sample()).lines().toList();
        assertThat(lines.get(lines.size() - 2)).isEqualTo("Found 6 findings (1 error, 3 warnings, 1 info, 1 style);"
                + " 3 fixable (1 safe with --fix, 2 suggested with --fix=suggested); 2 files checked, 1 could not be read.");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Sizes are decimal: 1 MB = 1,000,000 bytes.");
        assertThat(Samples.render("text", Samples.empty())).isEqualTo("No findings; 0 files checked.\n");
    }

    @Test
    void aFixThatFixRefusedIsNotCountedAsFixable() {
        List<String> lines = Samples.render("text", Samples.sampleWithARefusal()).lines().toList();
        assertThat(lines.get(lines.size() - 2)).isEqualTo("Found 6 findings (1 error, 3 warnings, 1 info, 1 style);"
                + " 2 fixable (1 safe with --fix, 1 suggested with --fix=suggested), 1 refused by --fix (it would add a"
                + " finding); 2 files checked, 1 could not be read.");
    }

    @Test
    void textShowsThePathPeopleTypeAndMachineFormatsTheRepositoryPath() {
        FileReport a = Samples.fileA().located(null, "../" + Samples.fileA().path());
        LintReport report = new LintReport(Samples.VERSION, List.of(a), Samples.RULES, id -> null);
        String text = Samples.render("text", report);
        assertThat(text).contains("../" + a.path() + ":").contains("Size of ../" + a.path());
        for (String format : List.of("json", "checkstyle", "github", "gitlab", "rdjson", "sarif")) {
            assertThat(Samples.render(format, report)).as(format).doesNotContain("../");
        }
    }
}
