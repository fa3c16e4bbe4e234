package dev.dockdiet.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.config.Config;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.rules.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BuildKit's {@code # check=} directive applied by the linter to the rules that are BuildKit checks. */
class CheckDirectiveTest {

    /** DD214 (JSONArgsRecommended), DD401 (MaintainerDeprecated) and DD201 (untagged base, no BuildKit twin). */
    private static final String BODY = "FROM alpine\nMAINTAINER me\nCMD echo hi\n";

    private static List<Finding> lint(String text) {
        return new Linter(Rules.all(), t -> null).lint(text, null, "Dockerfile", Config.defaults(),
                RuleSettings.defaults(), null).findings();
    }

    private static List<String> ids(String text) {
        return lint(text).stream().map(f -> f.rule().id()).distinct().sorted().toList();
    }

    private static Severity severity(String text, String id) {
        return lint(text).stream().filter(f -> f.rule().id().equals(id)).findFirst().orElseThrow().severity();
    }

    @Test
    void withoutDirectiveEverythingIsReported() {
        assertThat(ids(BODY)).contains("DD201", "DD214", "DD401");
    }

    @Test
    void skipNamesBuildKitChecks() {
        List<String> ids = ids("# check=skip=JSONArgsRecommended\n" + BODY);
        assertThat(ids).contains("DD201", "DD401").doesNotContain("DD214");
        ids = ids("# check=skip=JSONArgsRecommended,MaintainerDeprecated\n" + BODY);
        assertThat(ids).contains("DD201").doesNotContain("DD214", "DD401");
        // blanks around names inside the first word are trimmed, as BuildKit does
        assertThat(ids("#check=skip=JSONArgsRecommended,\tMaintainerDeprecated\n" + BODY))
                .doesNotContain("DD214");
        // but only the value's first word counts: 'skip = X' is just 'skip', which BuildKit rejects
        assertThat(ids("#check = skip = JSONArgsRecommended\n" + BODY)).contains("DD010", "DD214");
    }

    @Test
    void namesAreCaseSensitiveAndUnknownNamesIgnored() {
        assertThat(ids("# check=skip=jsonargsrecommended\n" + BODY)).contains("DD214");
        assertThat(ids("# check=skip=NoSuchCheck,JSONArgsRecommended\n" + BODY)).doesNotContain("DD214");
        // a dockdiet id or a hadolint code is not a BuildKit check name
        assertThat(ids("# check=skip=DD214,DL3025\n" + BODY)).contains("DD214");
    }

    @Test
    void skipAllSilencesEveryBuildKitCheckButNotDockdietsOtherRules() {
        List<String> ids = ids("# check=skip=all\n" + BODY);
        assertThat(ids).contains("DD201").doesNotContain("DD214", "DD401");
    }

    @Test
    void onlyTheFirstWordOfTheValueCounts() {
        assertThat(ids("# check=skip=all // we know\n" + BODY)).doesNotContain("DD214", "DD401");
    }

    @Test
    void errorTrueMakesBuildKitChecksErrors() {
        String text = "# check=error=true\n" + BODY;
        assertThat(severity(text, "DD214")).isEqualTo(Severity.ERROR);
        assertThat(severity(text, "DD401")).isEqualTo(Severity.ERROR);
        assertThat(severity(text, "DD201")).isEqualTo(Severity.WARNING);
        assertThat(severity("# check=error=false\n" + BODY, "DD214")).isEqualTo(Severity.WARNING);
        // Go's ParseBool spellings
        assertThat(severity("# check=error=1\n" + BODY, "DD214")).isEqualTo(Severity.ERROR);
        assertThat(severity("# check=error=TRUE\n" + BODY, "DD214")).isEqualTo(Severity.ERROR);
    }

    @Test
    void skipAndErrorTogether() {
        String text = "# check=skip=MaintainerDeprecated;error=true\n" + BODY;
        assertThat(ids(text)).doesNotContain("DD401");
        assertThat(severity(text, "DD214")).isEqualTo(Severity.ERROR);
        text = "# check=error=true;skip=MaintainerDeprecated\n" + BODY;
        assertThat(ids(text)).doesNotContain("DD401");
        assertThat(severity(text, "DD214")).isEqualTo(Severity.ERROR);
        // a trailing ';' leaves an empty part, which BuildKit rejects
        assertThat(ids("# check=error=true;\n" + BODY)).contains("DD010");
    }

    @Test
    void unreadableDirectiveIsAnErrorAndAppliesNothing() {
        for (String bad : List.of("skip", "error=maybe", "bogus=1", "skip=all;bogus=1", "Skip=all")) {
            String text = "# check=" + bad + "\n" + BODY;
            List<Finding> f = lint(text);
            assertThat(f).as(bad).anySatisfy(x -> {
                assertThat(x.rule().id()).isEqualTo("DD010");
                assertThat(x.severity()).isEqualTo(Severity.ERROR);
                assertThat(x.range().startLine()).isEqualTo(1);
                assertThat(x.message()).contains("failed to parse check options");
            });
            assertThat(ids(text)).as(bad).contains("DD214", "DD401");
        }
        assertThat(ids("# check=skip=all\n" + BODY)).doesNotContain("DD010");
        assertThat(ids("# check=\n" + BODY)).doesNotContain("DD010");
    }

    @Test
    void onlyTheDirectiveBlockAtTheTopCounts() {
        // after an instruction, a blank line or another comment it is an ordinary comment
        assertThat(ids("FROM alpine\n# check=skip=all\nLABEL a=b\n\nCMD echo hi\n")).contains("DD214");
        assertThat(ids("\n# check=skip=all\n" + BODY)).contains("DD214");
        assertThat(ids("# hello\n# check=skip=all\n" + BODY)).contains("DD214");
        // after # syntax= it is still a directive; after a shebang-like first line too
        assertThat(ids("# syntax=docker/dockerfile:1\n# check=skip=all\n" + BODY)).doesNotContain("DD214");
    }

    @Test
    void commentAboveAnInstructionSkipsForThatInstructionOnly() {
        String text = "FROM alpine:3.19 AS a\n# check=skip=JSONArgsRecommended\nCMD echo one\n"
                + "FROM alpine:3.19\nCMD echo two\n";
        List<Finding> f = lint(text).stream().filter(x -> x.rule().id().equals("DD214")).toList();
        assertThat(f).singleElement().satisfies(x -> assertThat(x.range().startLine()).isEqualTo(5));
        // an indented comment is not read (BuildKit keeps its '#')
        text = "FROM alpine:3.19\n  # check=skip=JSONArgsRecommended\nCMD echo one\n";
        assertThat(ids(text)).contains("DD214");
        // its error= is ignored
        text = "FROM alpine:3.19\n# check=error=true\nCMD echo one\n";
        assertThat(severity(text, "DD214")).isEqualTo(Severity.WARNING);
        // file-wide checks ignore it (DuplicateStageName)
        text = "FROM alpine:3.19 AS a\n# check=skip=DuplicateStageName\nFROM alpine:3.19 AS a\n";
        assertThat(ids(text)).contains(Rules.resolve("DuplicateStageName").orElseThrow());
    }

    @Test
    void multipleInstructionsUseTheLaterInstructionsComment() {
        String text = "FROM alpine:3.19\nCMD [\"a\"]\n# check=skip=MultipleInstructionsDisallowed\nCMD [\"b\"]\n";
        String id = Rules.resolve("MultipleInstructionsDisallowed").orElseThrow();
        assertThat(ids(text)).doesNotContain(id);
        assertThat(ids("FROM alpine:3.19\nCMD [\"a\"]\nCMD [\"b\"]\n")).contains(id);
    }
}
