package dev.dockdiet.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.config.Config;
import dev.dockdiet.lint.DefaultServices;
import dev.dockdiet.lint.Linter;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rules.Rules;
import dev.dockdiet.shell.ShellParser;
import dev.dockdiet.shell.ShellScript;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile Dockerfiles of issue 11 (each once crashed the run, hung it or ate gigabytes): every
 * rule runs on them without an exception escaping. The quadratic ones are sized so that the old
 * code took many seconds; timings are not asserted (the fuzz harness under bench/ reports them).
 */
class HostileDockerfileTest {

    private static final Linter LINTER = new Linter(Rules.all(), DefaultServices::get);

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("unterminated heredoc shorter than its delimiter", "FROM alpine:3.19\nRUN <<EOF\n"),
                // found by the fuzzer (seed 408): rm's glob became the regex .*.*.*... (hung for good)
                Arguments.of("rm with 3,000 * before a cache path", "FROM debian:12\nRUN apt-get update && apt-get install -y curl"
                        + " && apt-get clean && rm /var/" + "*".repeat(3_000) + "lib/apt/lists/*_*\n"),
                // found by the fuzzer (seed 607): DD102 looked up each package's name by a list search (quadratic)
                Arguments.of("apt-get install of 6,600 words", "FROM debian:12\nRUN apt-get update && apt-get install -y "
                        + "[[ ".repeat(6_600) + "gcc\n"),
                // the same in a variable substitution's pattern (BuildKit's regex translation backtracked)
                Arguments.of("${A#*a*a...b} on 40 a", "ARG A=" + "a".repeat(40) + "\nFROM alpine:3.19\nARG A\nENV B=${A#"
                        + "*a".repeat(20) + "b} C=${A/" + "*a".repeat(20) + "b/x} D=${A%%" + "*a".repeat(20) + "b}\n"),
                Arguments.of("unterminated heredoc, no newline", "FROM alpine:3.19\nRUN <<EOF"),
                Arguments.of("20,000 [ in CMD", "FROM alpine:3.19\nCMD " + "[".repeat(20_000) + "\n"),
                Arguments.of("20,000 { in an exec form", "FROM alpine:3.19\nCMD [" + "{\"a\":".repeat(5_000) + "\n"),
                Arguments.of("dnf without subcommand", "FROM fedora:40\nRUN dnf\n"),
                Arguments.of("yum without subcommand", "FROM centos:7\nRUN yum\n"),
                Arguments.of("3,200 ${", "FROM alpine:3.19\nRUN echo " + "${".repeat(3_200) + "\n"),
                Arguments.of("20 KB of =", "FROM alpine:3.19\nRUN echo " + "=".repeat(20_000) + "\n"),
                Arguments.of("20 KB of \"", "FROM alpine:3.19\nRUN echo " + "\"".repeat(20_000) + "\n"),
                Arguments.of("20 KB of `", "FROM alpine:3.19\nRUN echo " + "`".repeat(20_000) + "\n"),
                Arguments.of("20 KB of $", "FROM alpine:3.19\nRUN echo " + "$".repeat(20_000) + "\n"),
                Arguments.of("10,000 $(", "FROM alpine:3.19\nRUN echo " + "$(".repeat(10_000) + "\n"),
                // found by the fuzzer: the ignore-pragma pattern backtracked quadratically on blanks
                Arguments.of("a comment of 20,000 tabs", "#" + "\t".repeat(20_000) + "x\nFROM alpine:3.19\n"),
                Arguments.of("a syntax directive with 20,000 inner blanks",
                        "#syntax=docker/" + " ".repeat(20_000) + "x\nFROM alpine:3.19\n"),
                Arguments.of("an escape directive with 20,000 inner tabs",
                        "# escape=`" + "\t".repeat(20_000) + "x\nFROM alpine:3.19\n"),
                Arguments.of("a comment of 20,000 blanks", "# " + " ".repeat(20_000) + "dockdiet\nFROM alpine:3.19\n"),
                Arguments.of("10,000 ((", "FROM alpine:3.19\nRUN " + "((".repeat(10_000) + "\n"),
                Arguments.of("7,000 $((", "FROM alpine:3.19\nRUN echo " + "$((".repeat(7_000) + "\n"),
                Arguments.of("7,000 [[", "FROM alpine:3.19\nRUN " + "[[ ".repeat(7_000) + "\n"),
                Arguments.of("5,000 nested ifs", "FROM alpine:3.19\nRUN " + "if true; then ".repeat(5_000) + "\n"),
                Arguments.of("20,000 continuation lines", "FROM alpine:3.19\nRUN echo \\\n" + "a \\\n".repeat(20_000) + "\n"),
                Arguments.of("a case without ;; between items", "FROM alpine:3.19\nRUN case x in a) echo a\n b) echo b;; esac\n"),
                // DD120 matched rm targets with regexes built from them: a bad class threw, stars backtracked
                Arguments.of("rm target with an unclosed class", "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"
                        + "RUN rm -rf /var/lib/apt/lists/[[x]\n"),
                // found by bench/fuzz.sh: BuildKit's expansion recursed once per ${ (DD260 expands ENV values)
                Arguments.of("20,000 nested ${a:-", "FROM alpine:3.19\nENV X=" + "${a:-".repeat(20_000) + "\n"),
                // found by bench/fuzz.sh: a cache-mount target that does not resolve to a path (DD120)
                Arguments.of("mount target with a variable", "FROM alpine:3.19\nRUN --mount=type=cache,target=/ro-uid=$APP_UID rm -rf /tmp/x\n"),
                Arguments.of("rm target with many stars", "FROM debian:12\nRUN mkdir -p /tmp/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
                        + "RUN rm -f /tmp/" + "*a".repeat(60) + "b\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void everyRuleSurvives(String name, String text) {
        Linter.Result r = LINTER.lint(text, Path.of("Dockerfile"), "Dockerfile", Config.defaults(),
                RuleSettings.defaults(), null);
        assertThat(r.failures()).as(name).isEmpty();
    }

    @Test
    void tooDeepShellNestingIsAnErrorNotAStackOverflow() {
        ShellScript s = ShellParser.parse("echo " + "$(".repeat(500) + "x" + ")".repeat(500));
        assertThat(s.errors()).anySatisfy(e -> assertThat(e.message()).contains("levels deep"));
    }

    @Test
    void unmatchedParameterExpansionsAreLexedAsDollars() {
        ShellScript s = ShellParser.parse("echo ${a ${b}");
        assertThat(s.commands()).hasSize(1);
        ShellScript ok = ShellParser.parse("echo ${a:-${b}} x");
        assertThat(ok.commands().get(0).args()).hasSize(2); // ${a:-${b}} and x
    }

    @Test
    void aFunctionBodyThatTouchesItsNameIsPartOfTheName() {
        // bash reads `function f{` as a function named `f{`; a body must be set apart
        assertThat(ShellParser.parse("function f { echo; }").errors()).isEmpty();
        assertThat(ShellParser.parse("function f() { echo; }").errors()).isEmpty();
        assertThat(ShellParser.parse("function f\n{ echo; }").errors()).isEmpty();
    }

    @Test
    void caseItemsNeedTheirSeparatorAsInSh() {
        assertThat(ShellParser.parse("case x in a) echo a;; b) echo b\nesac").errors()).isEmpty();
        assertThat(ShellParser.parse("case x in a) echo a;; esac").errors()).isEmpty();
        assertThat(ShellParser.parse("case x in a) ;; esac").errors()).isEmpty();
        assertThat(ShellParser.parse("case x in a) esac").errors()).isEmpty();
        // bash and dash: syntax error near `)'
        assertThat(ShellParser.parse("case x in a) echo a\n b) echo b;; esac").errors()).isNotEmpty();
    }

}
