package dev.dockdiet.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.config.Config;
import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.LineMap;
import dev.dockdiet.syntax.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fix loop's safety check, with toy "linters" and with dockdiet's rules on the files that broke. */
class SafeFixerTest {

    private static final RuleMeta UPPER = new RuleMeta("DD401", "upper", Severity.STYLE, Category.STYLE,
            Fixability.ALWAYS, List.of(), "Lower-case letters are flagged");
    private static final RuleMeta BANG = new RuleMeta("DD402", "bang", Severity.STYLE, Category.STYLE,
            Fixability.NONE, List.of(), "A ! is flagged");
    private static final RuleMeta HASH = new RuleMeta("DD403", "hash", Severity.STYLE, Category.STYLE,
            Fixability.ALWAYS, List.of(), "A # is flagged and fixed to H");
    private static final RuleMeta PERCENT = new RuleMeta("DD404", "percent", Severity.STYLE, Category.STYLE,
            Fixability.ALWAYS, List.of(), "A % is flagged and fixed to !");

    /**
     * A toy linter: each lower-case letter is a finding whose fix upper-cases it, except that
     * {@code x} is "fixed" to {@code !}, {@code k} to {@code #} and {@code v} to {@code %}; each {@code !}
     * is a finding without a fix, each {@code #} one fixed to {@code H}, each {@code %} one "fixed" to {@code !}.
     */
    private static List<Finding> toy(String text) {
        LineMap lines = new LineMap(text);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            SourceRange r = lines.range(i, i + 1);
            if (c >= 'a' && c <= 'z') {
                String to = switch (c) {
                    case 'x' -> "!";
                    case 'k' -> "#";
                    case 'v' -> "%";
                    default -> String.valueOf(Character.toUpperCase(c));
                };
                out.add(new Finding(UPPER, "lower-case " + c, r).withFix(Fix.safe("upper-case " + c, new Edit(r, to))));
            } else if (c == '!') {
                out.add(new Finding(BANG, "a bang", r));
            } else if (c == '#') {
                out.add(new Finding(HASH, "a hash", r).withFix(Fix.safe("H", new Edit(r, "H"))));
            } else if (c == '%') {
                out.add(new Finding(PERCENT, "a percent", r).withFix(Fix.safe("bang", new Edit(r, "!"))));
            }
        }
        return out;
    }

    @Test
    void aFixThatAddsAFindingIsRefusedAndReportedTheOthersApply() {
        SafeFixer.Result r = SafeFixer.fix("axb", SafeFixerTest::toy, Applicability.SAFE, 10);
        assertThat(r.text()).isEqualTo("AxB");
        assertThat(r.converged()).isTrue();
        assertThat(r.refused()).hasSize(1);
        SafeFixer.Refusal refusal = r.refused().get(0);
        assertThat(refusal.finding().message()).isEqualTo("lower-case x");
        assertThat(refusal.reason()).isEqualTo("it adds DD402 bang at line 1: a bang");
        // the refused finding is still there, with its fix: the report says it was refused
        assertThat(r.remaining()).containsExactly(refusal.finding());
    }

    @Test
    void aRefusedWideFixDoesNotHoldBackTheFixesItDeferred() {
        // a fix over the whole text (like DD102's rewrite) takes the pass and defers every other fix;
        // refused, it must leave the pass to them (before, the pass ended with nothing applied)
        RuleMeta wide = new RuleMeta("DD405", "wide", Severity.STYLE, Category.STYLE, Fixability.ALWAYS, List.of(),
                "The whole text is flagged and \"fixed\" to a bang");
        java.util.function.Function<String, List<Finding>> lint = t -> {
            List<Finding> out = new ArrayList<>(toy(t));
            if (t.equals("ab")) {
                SourceRange all = new LineMap(t).range(0, t.length());
                out.add(new Finding(wide, "the whole text", all).withFix(Fix.safe("bang", new Edit(all, "!"))));
            }
            return out;
        };
        SafeFixer.Result r = SafeFixer.fix("ab", lint, Applicability.SAFE, 10);
        assertThat(r.text()).isEqualTo("AB");
        assertThat(r.applied()).extracting(Finding::message).containsExactly("lower-case a", "lower-case b");
    }

    @Test
    void aNewFindingThatHasAFixIsTheNextPasssWork() {
        SafeFixer.Result r = SafeFixer.fix("ak", SafeFixerTest::toy, Applicability.SAFE, 10);
        assertThat(r.text()).isEqualTo("AH");
        assertThat(r.passes()).isEqualTo(2);
        assertThat(r.refused()).isEmpty();
    }

    @Test
    void whenTheNextPassCannotFixItTheLoopRunsAgainStrictly() {
        // v -> % (fixable, so let through) -> ! (refused): % would stay, a finding the text did not have
        SafeFixer.Result r = SafeFixer.fix("av", SafeFixerTest::toy, Applicability.SAFE, 10);
        assertThat(r.text()).isEqualTo("Av");
        assertThat(r.refused()).singleElement().satisfies(x -> {
            assertThat(x.finding().message()).isEqualTo("lower-case v");
            assertThat(x.reason()).isEqualTo("it adds DD404 percent at line 1: a percent");
        });
    }

    @Test
    void whenNothingIsNewOnePassCostsOneLint() {
        AtomicInteger lints = new AtomicInteger();
        SafeFixer.Result r = SafeFixer.fix("abc", t -> {
            lints.incrementAndGet();
            return toy(t);
        }, Applicability.SAFE, 10);
        assertThat(r.text()).isEqualTo("ABC");
        assertThat(r.passes()).isEqualTo(1);
        assertThat(r.refused()).isEmpty();
        assertThat(lints.get()).isEqualTo(2); // the text, then the fixed text
    }

    @Test
    void addedNamesEveryRuleThatGrew() {
        List<Finding> before = toy("ab");
        assertThat(SafeFixer.added(before, toy("ab"), f -> true)).isNull();
        assertThat(SafeFixer.added(before, toy("a"), f -> true)).isNull();
        assertThat(SafeFixer.added(before, toy("x!"), f -> true)).isEqualTo("it adds DD402 bang at line 1: a bang");
        assertThat(SafeFixer.added(toy("!"), toy("!!"), f -> true)).startsWith("it adds DD402 bang at line 1");
        // counted: only findings without a fix (a new fixable finding is the next pass's work)
        assertThat(SafeFixer.added(toy("a"), toy("abc"), f -> f.fix() == null)).isNull();
    }

    // ---- with dockdiet's rules ------------------------------------------------------------------

    private static final Linter LINTER = new Linter(dev.dockdiet.rules.Rules.all(), DefaultServices::get);

    private static SafeFixer.Result fix(String text) {
        return LINTER.fix(text, Path.of("Dockerfile"), "Dockerfile", Config.defaults(), RuleSettings.defaults(),
                DefaultServices::get, Applicability.SUGGESTED);
    }

    @Test
    void aptUpdateThenInstallIsMergedAndCleanedAtTheEndNotBroken() {
        // issue 11: DD111's cleanup was appended to the update, the install then failed; the DD407
        // merge that would have made it safe was dropped because the two edits collided
        SafeFixer.Result r = fix("FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y curl\n");
        assertThat(r.text()).isEqualTo("FROM debian:bookworm-slim\nRUN apt-get update && \\\n"
                + "    apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\n");
        assertThat(r.converged()).isTrue();
        assertThat(r.refused()).isEmpty();
    }

    @Test
    void aCleanupThatALaterRunNeedsIsNotApplied() {
        // the two RUNs cannot be merged (a COPY between them): the lists stay, the finding says why
        String text = "FROM debian:bookworm-slim\nRUN apt-get update\nCOPY pkgs.txt /\n"
                + "RUN apt-get install -y --no-install-recommends $(cat /pkgs.txt)\n";
        SafeFixer.Result r = fix(text);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.remaining()).filteredOn(f -> f.rule().id().equals("DD111")).singleElement()
                .satisfies(f -> {
                    assertThat(f.fix()).isNull();
                    assertThat(f.message()).contains("the RUN on line 4 uses it");
                });
    }

    @Test
    void stageNameCasingIsFixedWhenAReferenceSpellsTheNameInAnotherCase() {
        // FROM Base is the stage AS Base (BuildKit lower-cases both): lower-casing them adds nothing
        String text = "FROM alpine:3.20 AS Base\nRUN touch /x\nFROM Base AS App\nFROM BASE\nCOPY --from=App /x /x\n";
        SafeFixer.Result r = fix(text);
        assertThat(r.refused()).isEmpty();
        assertThat(r.applied()).filteredOn(f -> f.rule().id().equals("DD404")).hasSize(2);
        assertThat(r.text()).isEqualTo("FROM alpine:3.20 AS base\nRUN touch /x\nFROM base AS app\nFROM base\n"
                + "COPY --from=app /x /x\n");
        assertThat(r.remaining()).noneMatch(f -> f.rule().id().equals("DD404"));
    }

    @Test
    void aFixThatLeavesALesserFindingOfItsOwnRuleIsNotRefused() {
        // DD104's --omit=dev: the warning becomes DD104's note that npm still ships; the rule's
        // findings do not grow in number, so the fix adds nothing (as the strict check would say)
        String text = "FROM centos:centos7\nRUN yum -y install nodejs npm && yum clean all\nWORKDIR /src\nCOPY . /src\n"
                + "RUN npm install\nUSER 1000\nCMD [\"node\", \"/src/index.js\"]\n";
        SafeFixer.Result r = fix(text);
        assertThat(r.refused()).isEmpty();
        assertThat(r.text()).contains("RUN npm install --omit=dev");
        assertThat(r.remaining()).filteredOn(f -> f.rule().id().equals("DD104")).singleElement()
                .satisfies(f -> assertThat(f.fix()).isNull());
    }

    @Test
    void refusedFixesAreMarkedInTheResultAndNamedInItsNotes() {
        LineMap lines = new LineMap("FROM a\n");
        SourceRange r = lines.range(5, 6);
        Finding f = new Finding(UPPER, "m", r).withFix(Fix.safe("do it", new Edit(r, "b")));
        Linter.Result result = new Linter.Result(null, List.of(f), List.of(), null)
                .withRefusals(List.of(new SafeFixer.Refusal(f, "it adds DD001 parse-error at line 1: x")));
        assertThat(result.findings().get(0).fix().description())
                .isEqualTo("do it [fixable but refused by --fix: it adds DD001 parse-error at line 1: x]");
        assertThat(result.findings().get(0).fix().edits()).isEqualTo(f.fix().edits());
        // so reports do not count it as fixable
        assertThat(result.findings().get(0).fix().refused()).isEqualTo("it adds DD001 parse-error at line 1: x");
        assertThat(result.notes()).containsExactly(
                "fix of DD401 upper at line 1 refused (do it): it adds DD001 parse-error at line 1: x");
    }

    // ------------------------------------------------------------------ the loop itself

    private static final RuleMeta SPACE = new RuleMeta("DD405", "space", Severity.STYLE, Category.STYLE,
            Fixability.ALWAYS, List.of(), "Two blanks are flagged and fixed to one");

    private static Finding replace(String text, int start, int end, String with) {
        SourceRange r = new LineMap(text).range(start, end);
        return new Finding(SPACE, "fix me", r).withFix(Fix.safe("replace", new Edit(r, with)));
    }

    private static List<Finding> doubleSpaces(String text) {
        List<Finding> out = new ArrayList<>();
        for (int i = text.indexOf("  "); i >= 0; i = text.indexOf("  ", i + 1)) {
            out.add(replace(text, i, i + 2, " "));
        }
        return out;
    }

    @Test
    void theLoopConvergesOverSeveralPasses() {
        String text = "RUN a      b\n";
        AtomicInteger lints = new AtomicInteger();
        SafeFixer.Result r = SafeFixer.fix(text, t -> {
            lints.incrementAndGet();
            return doubleSpaces(t);
        }, Applicability.SAFE, 10);
        assertThat(r.converged()).isTrue();
        assertThat(r.text()).isEqualTo("RUN a b\n");
        assertThat(r.passes()).isEqualTo(3); // 6 spaces -> 3 -> 2 -> 1
        assertThat(lints.get()).isEqualTo(r.passes() + 1);
        assertThat(r.remaining()).isEmpty();
        assertThat(r.applied()).hasSize(5); // 3 + 1 + 1
        assertThat(r.changed()).isTrue();
    }

    @Test
    void fixingIsIdempotent() {
        String once = SafeFixer.fix("a  b   c    d", SafeFixerTest::doubleSpaces, Applicability.SAFE, 10).text();
        SafeFixer.Result again = SafeFixer.fix(once, SafeFixerTest::doubleSpaces, Applicability.SAFE, 10);
        assertThat(again.text()).isEqualTo(once);
        assertThat(again.passes()).isZero();
        assertThat(again.changed()).isFalse();
        assertThat(again.converged()).isTrue();
    }

    @Test
    void tooFewPassesIsReportedAsNotConverged() {
        SafeFixer.Result r = SafeFixer.fix("a        b", SafeFixerTest::doubleSpaces, Applicability.SAFE, 2);
        assertThat(r.converged()).isFalse();
        assertThat(r.passes()).isEqualTo(2);
        assertThat(r.text()).isEqualTo("a  b");
        assertThat(r.remaining()).hasSize(1);
    }

    @Test
    void cyclingFixesAreReportedAsNotConverged() {
        // a rule pair that flips "a" to "b" and "b" back to "a"
        SafeFixer.Result r = SafeFixer.fix("a", t -> List.of(replace(t, 0, 1, t.equals("a") ? "b" : "a")),
                Applicability.SAFE, 50);
        assertThat(r.converged()).isFalse();
        assertThat(r.passes()).isEqualTo(1);
        assertThat(r.text()).isEqualTo("b");
    }

    @Test
    void aFixThatChangesNothingEndsTheLoop() {
        SafeFixer.Result r = SafeFixer.fix("abc", t -> List.of(replace(t, 0, 1, "a")), Applicability.SAFE, 5);
        assertThat(r.converged()).isTrue();
        assertThat(r.passes()).isZero();
    }
}
