package dev.dockdiet.fix;

import dev.dockdiet.syntax.LineMap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.SourceRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixerTest {

    private static final RuleMeta RULE = new RuleMeta("DD401", "test-rule", Severity.STYLE, Category.STYLE,
            Fixability.ALWAYS, List.of(), "A rule for tests");

    private static Finding replace(String text, int start, int end, String with, Applicability a) {
        SourceRange r = new LineMap(text).range(start, end);
        return new Finding(RULE, "fix me", r).withFix(new Fix(a, "replace", List.of(new Edit(r, with))));
    }

    private static Finding replace(String text, int start, int end, String with) {
        return replace(text, start, end, with, Applicability.SAFE);
    }

    @Test
    void nonOverlappingFixesApplyInOnePass() {
        String text = "FROM a\nRUN b\nCMD c\n";
        Fixer.Pass p = Fixer.applyOnce(text, List.of(replace(text, 17, 18, "cc"), replace(text, 5, 6, "aa")),
                Applicability.SAFE);
        assertThat(p.text()).isEqualTo("FROM aa\nRUN b\nCMD cc\n");
        assertThat(p.applied()).hasSize(2);
        assertThat(p.deferred()).isEmpty();
        assertThat(p.changed()).isTrue();
    }

    @Test
    void overlappingFixesAreDeferred() {
        String text = "abcdef";
        Finding first = replace(text, 1, 4, "X");
        Finding overlapping = replace(text, 3, 5, "Y");
        Finding samePoint = replace(text, 1, 1, "Z"); // insertion where the first fix starts
        Finding adjacent = replace(text, 4, 6, "W"); // touches but does not overlap
        Fixer.Pass p = Fixer.applyOnce(text, List.of(overlapping, first, samePoint, adjacent), Applicability.SAFE);
        assertThat(p.text()).isEqualTo("aXW");
        assertThat(p.applied()).containsExactly(first, adjacent);
        assertThat(p.deferred()).containsExactlyInAnyOrder(overlapping, samePoint);
    }

    @Test
    void identicalFixesOfTwoFindingsCountOnce() {
        String text = "abc";
        Fixer.Pass p = Fixer.applyOnce(text, List.of(replace(text, 0, 1, "A"), replace(text, 0, 1, "A")),
                Applicability.SAFE);
        assertThat(p.text()).isEqualTo("Abc");
        assertThat(p.applied()).hasSize(2);
    }

    @Test
    void applicabilityFilters() {
        String text = "abc";
        List<Finding> fs = List.of(replace(text, 0, 1, "A"), replace(text, 2, 3, "C", Applicability.SUGGESTED),
                new Finding(RULE, "no fix", new LineMap(text).range(1, 2)));
        assertThat(Fixer.applyOnce(text, fs, Applicability.SAFE).text()).isEqualTo("Abc");
        assertThat(Fixer.applyOnce(text, fs, Applicability.SUGGESTED).text()).isEqualTo("AbC");
    }

    @Test
    void editsOutsideTheTextAreRejected() {
        String text = "abc";
        Finding bad = new Finding(RULE, "bad", new SourceRange(2, 9, 1, 3, 1, 10))
                .withFix(Fix.safe("bad", new Edit(new SourceRange(2, 9, 1, 3, 1, 10), "x")));
        Fixer.Pass p = Fixer.applyOnce(text, List.of(bad), Applicability.SAFE);
        assertThat(p.text()).isEqualTo(text);
        assertThat(p.invalid()).containsExactly(bad);
    }

    @Test
    void insertionAndReplacementAtOneOffsetInOneFix() {
        String text = "abc";
        LineMap m = new LineMap(text);
        Finding f = new Finding(RULE, "x", m.range(1, 2)).withFix(Fix.safe("two edits",
                new Edit(m.range(1, 2), "B"), new Edit(m.range(1, 1), "<")));
        assertThat(Fixer.applyOnce(text, List.of(f), Applicability.SAFE).text()).isEqualTo("a<Bc");
    }

    @Test
    void insertedNewlinesFollowTheFile() {
        String crlf = "FROM a\r\nRUN b\r\n";
        Finding f = replace(crlf, 8, 8, "# one\n# two\n");
        assertThat(Fixer.applyOnce(crlf, List.of(f), Applicability.SAFE).text())
                .isEqualTo("FROM a\r\n# one\r\n# two\r\nRUN b\r\n");
        Finding already = replace(crlf, 8, 8, "# x\r\n");
        assertThat(Fixer.applyOnce(crlf, List.of(already), Applicability.SAFE).text())
                .isEqualTo("FROM a\r\n# x\r\nRUN b\r\n");
        String lf = "FROM a\nRUN b\n";
        assertThat(Fixer.applyOnce(lf, List.of(replace(lf, 7, 7, "# x\r\n")), Applicability.SAFE).text())
                .isEqualTo("FROM a\n# x\nRUN b\n");
        assertThat(LineEndings.dominant("a\r\nb\r\nc\n")).isEqualTo("\r\n");
        assertThat(LineEndings.dominant("a\r\nb\nc\n")).isEqualTo("\n");
        assertThat(LineEndings.dominant("no newline")).isEqualTo("\n");
    }

    /** A toy rule: every run of two or more spaces should be one space; fixes for "  " pairs overlap. */
}
