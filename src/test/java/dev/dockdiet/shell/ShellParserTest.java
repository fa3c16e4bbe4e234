package dev.dockdiet.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ShellParserTest {

    private static List<String> names(ShellScript s) {
        return s.commands().stream().map(SimpleCommand::nameValue).collect(Collectors.toList());
    }

    private static List<String> values(List<Word> words) {
        return words.stream().map(Word::value).collect(Collectors.toList());
    }

    @Test
    void andChainWithCleanup() {
        String src = "apt-get update && apt-get install -y --no-install-recommends curl ca-certificates"
                + " && rm -rf /var/lib/apt/lists/*";
        ShellScript s = ShellParser.parse(src);
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("apt-get", "apt-get", "rm");
        SimpleCommand install = s.commands().get(1);
        assertThat(install.subcommand()).isEqualTo("install");
        assertThat(install.hasFlag("--no-install-recommends")).isTrue();
        assertThat(install.hasFlag("-y", "--yes")).isTrue();
        assertThat(values(install.positionals())).containsExactly("install", "curl", "ca-certificates");
        assertThat(install.connector()).isEqualTo(Connector.AND);
        SimpleCommand rm = s.commands().get(2);
        assertThat(rm.hasFlag("-r")).isTrue();
        assertThat(rm.hasFlag("-f")).isTrue();
        assertThat(rm.args().get(1).value()).isEqualTo("/var/lib/apt/lists/*");
        assertThat(rm.args().get(1).hasGlob()).isTrue();
        assertThat(s.commandsAfter(install)).containsExactly(rm);
        assertThat(s.runsAfter(install, rm)).isTrue();
        assertThat(s.runsAfter(rm, install)).isFalse();
        assertThat(s.inSameAndChain(install, rm)).isTrue();
        assertThat(s.andOrLists()).hasSize(1);
        assertThat(s.andOrLists().get(0).size()).isEqualTo(3);
        Word curl = install.args().get(3);
        assertThat(src.substring(curl.start(), curl.end())).isEqualTo("curl");
    }

    @Test
    void installWithoutNoInstallRecommendsAndClusteredYes() {
        SimpleCommand c = ShellParser.parse("apt-get -qy install foo").commands().get(0);
        assertThat(c.hasFlag("-y")).isTrue();
        assertThat(c.hasFlag("-q")).isTrue();
        assertThat(c.hasFlag("--no-install-recommends")).isFalse();
        assertThat(c.subcommand()).isEqualTo("install");
    }

    @Test
    void flagsStopAtDoubleDash() {
        SimpleCommand c = ShellParser.parse("rm -f -- -y").commands().get(0);
        assertThat(c.hasFlag("-y")).isFalse();
        assertThat(values(c.positionals())).containsExactly("-y");
    }

    @Test
    void flagValues() {
        SimpleCommand npm = ShellParser.parse("npm ci --omit=dev").commands().get(0);
        assertThat(npm.is("npm")).isTrue();
        assertThat(npm.subcommand()).isEqualTo("ci");
        assertThat(npm.flagValue("--omit")).contains("dev");
        assertThat(npm.hasFlag("--omit")).isTrue();
        SimpleCommand npm2 = ShellParser.parse("npm ci --omit dev").commands().get(0);
        assertThat(npm2.flagValue("--omit")).contains("dev");
        assertThat(values(npm2.positionals())).containsExactly("ci");
        SimpleCommand go = ShellParser.parse("CGO_ENABLED=0 go build -o /out/app -ldflags '-s -w' ./cmd/app")
                .commands().get(0);
        assertThat(go.assignments()).extracting(Assignment::name).containsExactly("CGO_ENABLED");
        assertThat(go.assignments().get(0).value()).isEqualTo("0");
        assertThat(go.subcommand()).isEqualTo("build");
        assertThat(go.flagValue("-o")).contains("/out/app");
        assertThat(go.flagValue("-ldflags")).contains("-s -w");
        assertThat(values(go.positionals())).containsExactly("build", "./cmd/app");
        SimpleCommand apt = ShellParser.parse("apt-get -o Dpkg::Options::=--force-confold install -y x")
                .commands().get(0);
        assertThat(apt.subcommand()).isEqualTo("install");
        assertThat(apt.subcommand(Set.of())).isEqualTo("Dpkg::Options::=--force-confold");
        SimpleCommand make = ShellParser.parse("make -j4 -C src install").commands().get(0);
        assertThat(make.flagValue("-j")).contains("4");
        assertThat(make.subcommand()).isEqualTo("install");
    }

    @Test
    void gradlewAndBasename() {
        ShellScript s = ShellParser.parse("./gradlew bootJar --no-daemon && /usr/bin/make");
        assertThat(s.commands().get(0).is("gradlew")).isTrue();
        assertThat(s.commands().get(0).is("./gradlew")).isTrue();
        assertThat(s.commands().get(0).subcommand()).isEqualTo("bootJar");
        assertThat(s.commands().get(1).is("make")).isTrue();
        assertThat(s.find("make")).hasSize(1);
    }

    @Test
    void quotedOperatorsAreOneWord() {
        ShellScript s = ShellParser.parse("echo \"a && b\" 'c | d' e\\;f");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("echo");
        assertThat(values(s.commands().get(0).args())).containsExactly("a && b", "c | d", "e;f");
        assertThat(s.commands().get(0).args().get(0).isQuoted()).isTrue();
        assertThat(s.commands().get(0).args().get(0).raw()).isEqualTo("\"a && b\"");
    }

    @Test
    void wordValuesKeepExpansions() {
        SimpleCommand c = ShellParser.parse("cp \"$HOME\"/x ${A:-b}c 'lit' \"q\\\"uote\" $'a\\tb' a\"b\"'c'")
                .commands().get(0);
        List<Word> a = c.args();
        assertThat(a.get(0).value()).isEqualTo("$HOME/x");
        assertThat(a.get(0).isLiteral()).isFalse();
        assertThat(a.get(1).value()).isEqualTo("${A:-b}c");
        assertThat(a.get(2).isLiteral()).isTrue();
        assertThat(a.get(3).value()).isEqualTo("q\"uote");
        assertThat(a.get(4).value()).isEqualTo("a\tb");
        assertThat(a.get(5).value()).isEqualTo("abc");
        assertThat(a.get(5).hasGlob()).isFalse();
        assertThat(ShellParser.parse("ls '*' \\* *.txt").commands().get(0).args())
                .extracting(Word::hasGlob).containsExactly(false, false, true);
    }

    @Test
    void commentEndsTheCommand() {
        ShellScript s = ShellParser.parse("apt-get install x # note && rm y");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("apt-get");
        assertThat(values(s.commands().get(0).args())).containsExactly("install", "x");
        // '#' inside a word is not a comment
        assertThat(values(ShellParser.parse("echo a#b").commands().get(0).args())).containsExactly("a#b");
    }

    @Test
    void setPrefixAndSequence() {
        ShellScript s = ShellParser.parse("set -ex; apt-get update; make");
        assertThat(names(s)).containsExactly("set", "apt-get", "make");
        assertThat(s.commands().get(0).hasFlag("-e")).isTrue();
        assertThat(s.commands().get(1).connector()).isEqualTo(Connector.SEQUENCE);
        assertThat(s.inSameAndChain(s.commands().get(1), s.commands().get(2))).isFalse();
        assertThat(s.runsAfter(s.commands().get(1), s.commands().get(2))).isTrue();
    }

    @Test
    void ifThenFi() {
        ShellScript s = ShellParser.parse("if [ -f x ]; then make; fi");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("[", "make");
        assertThat(s.commands().get(0).inCondition()).isTrue();
        assertThat(s.commands().get(1).inCondition()).isFalse();
        assertThat(s.commands().get(1).inBranch()).isTrue();
        ShellScript s2 = ShellParser.parse("if test -n \"$A\"; then a; elif b; then c; else d; fi && e");
        assertThat(s2.errors()).isEmpty();
        assertThat(names(s2)).containsExactly("test", "a", "b", "c", "d", "e");
        assertThat(s2.commands().get(5).connector()).isEqualTo(Connector.AND);
    }

    @Test
    void forLoop() {
        ShellScript s = ShellParser.parse("for f in *; do rm $f; done");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("rm");
        assertThat(s.commands().get(0).inLoop()).isTrue();
        assertThat(s.commands().get(0).args().get(0).isLiteral()).isFalse();
        ShellScript s2 = ShellParser.parse("for p in $(ls /x); do\n  echo done $p\ndone");
        assertThat(s2.errors()).isEmpty();
        assertThat(names(s2)).containsExactly("ls", "echo");
        assertThat(values(s2.commands().get(1).args())).containsExactly("done", "$p");
    }

    @Test
    void whileCaseAndFunctions() {
        ShellScript s = ShellParser.parse("while read l; do echo $l; done < f; "
                + "case \"$ARCH\" in amd64|x86_64) A=1 ;; arm64) curl -o x y;; *) exit 1;; esac; "
                + "f() { make; }; function g { go build; }");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("read", "echo", "", "curl", "exit", "make", "go");
        assertThat(s.commands().get(2).assignments()).extracting(Assignment::name).containsExactly("A");
        assertThat(s.commands().get(3).inBranch()).isTrue();
        assertThat(s.commands().get(5).inFunction()).isTrue();
        assertThat(s.commands().get(6).inFunction()).isTrue();
    }

    @Test
    void pipelinesSubshellsGroupsAndNegation() {
        ShellScript s = ShellParser.parse("(cd /src && make) | tee log; { a; b; } 2>&1; ! grep -q x f |& wc -l & sleep 1");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("cd", "make", "tee", "a", "b", "grep", "wc", "sleep");
        SimpleCommand cd = s.commands().get(0);
        assertThat(cd.inSubshell()).isTrue();
        assertThat(cd.inPipeline()).isTrue();
        assertThat(s.commands().get(2).connector()).isEqualTo(Connector.PIPE);
        assertThat(s.commands().get(2).inSubshell()).isFalse();
        assertThat(s.commands().get(5).negated()).isTrue();
        assertThat(s.commands().get(5).background()).isTrue();
        assertThat(s.commands().get(6).connector()).isEqualTo(Connector.PIPE);
        assertThat(s.commands().get(7).connector()).isEqualTo(Connector.BACKGROUND);
        assertThat(s.inSameAndChain(cd, s.commands().get(1))).isTrue();
    }

    @Test
    void substitutionsRunBeforeTheirCommand() {
        ShellScript s = ShellParser.parse("sh -c \"$(curl -fsSL https://x/install.sh | sh)\" && echo `date +%s`");
        assertThat(names(s)).containsExactly("curl", "sh", "sh", "date", "echo");
        assertThat(s.commands().get(0).inSubstitution()).isTrue();
        assertThat(s.commands().get(0).inPipeline()).isTrue();
        assertThat(s.commands().get(1).inSubstitution()).isTrue();
        assertThat(s.commands().get(2).inSubstitution()).isFalse();
        SimpleCommand date = s.commands().get(3);
        assertThat(date.inSubstitution()).isTrue();
        assertThat(s.text().substring(date.start(), date.end())).isEqualTo("date +%s");
        ShellScript s2 = ShellParser.parse("VERSION=$(cat v.txt) && wget \"https://x/$(uname -m)/a\"");
        assertThat(s2.errors()).isEmpty();
        assertThat(names(s2)).containsExactly("cat", "", "uname", "wget");
    }

    @Test
    void assignmentsAndRedirects() {
        SimpleCommand c = ShellParser.parse("DEBIAN_FRONTEND=noninteractive A+=x apt-get install -y x >/dev/null 2>&1")
                .commands().get(0);
        assertThat(c.assignments()).extracting(Assignment::name).containsExactly("DEBIAN_FRONTEND", "A");
        assertThat(c.assignments().get(1).append()).isTrue();
        assertThat(c.nameValue()).isEqualTo("apt-get");
        assertThat(c.redirects()).hasSize(2);
        assertThat(c.redirects().get(0).operator()).isEqualTo(">");
        assertThat(c.redirects().get(0).target().value()).isEqualTo("/dev/null");
        assertThat(c.redirects().get(1).fd()).isEqualTo(2);
        assertThat(c.redirects().get(1).operator()).isEqualTo(">&");
        assertThat(c.redirects().get(1).target().value()).isEqualTo("1");
        SimpleCommand e = ShellParser.parse("echo x=y &>> log <<< \"$v\"").commands().get(0);
        assertThat(e.assignments()).isEmpty();
        assertThat(values(e.args())).containsExactly("x=y");
        assertThat(e.redirects()).extracting(Redirect::operator).containsExactly("&>>", "<<<");
    }

    @Test
    void literalNewlines() {
        ShellScript s = ShellParser.parse("set -e\n\napt-get update\napt-get install -y x\n");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("set", "apt-get", "apt-get");
        assertThat(s.commands().get(2).connector()).isEqualTo(Connector.SEQUENCE);
    }

    @Test
    void heredocInsideScript() {
        String src = "cat <<EOF > /etc/f\nline $x && not a command\nEOF\nmake && cat <<-'END' | sh\n\tapt-get install y\n\tEND\necho ok";
        ShellScript s = ShellParser.parse(src);
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("cat", "make", "cat", "sh", "echo");
        Redirect h = s.commands().get(0).redirects().get(0);
        assertThat(h.isHeredoc()).isTrue();
        assertThat(h.target().value()).isEqualTo("EOF");
        assertThat(h.heredocBody()).isEqualTo("line $x && not a command\n");
        assertThat(h.heredocQuoted()).isFalse();
        assertThat(s.commands().get(0).redirects().get(1).target().value()).isEqualTo("/etc/f");
        Redirect h2 = s.commands().get(2).redirects().get(0);
        assertThat(h2.operator()).isEqualTo("<<-");
        assertThat(h2.heredocQuoted()).isTrue();
        assertThat(h2.heredocBody()).isEqualTo("\tapt-get install y\n");
    }

    @Test
    void shellFedAHeredocIsParsed() {
        String src = "bash <<EOF\napt-get update && apt-get install -y x\nEOF\n";
        ShellScript s = ShellParser.parse(src);
        assertThat(s.errors()).isEmpty();
        assertThat(s.effectiveCommands()).extracting(SimpleCommand::subcommand).containsExactly("update", "install");
        SimpleCommand install = s.effectiveCommands().get(1);
        assertThat(install.inNestedShell()).isTrue();
        assertThat(src.substring(install.start(), install.end())).isEqualTo("apt-get install -y x");
    }

    @Test
    void unbalancedQuotesGivePartialResult() {
        ShellScript s = ShellParser.parse("apt-get install -y curl && echo \"unterminated");
        assertThat(s.hasErrors()).isTrue();
        assertThat(names(s)).startsWith("apt-get");
        ShellScript s2 = ShellParser.parse("make && echo 'oops");
        assertThat(s2.hasErrors()).isTrue();
        assertThat(s2.errors().get(0).message()).contains("unterminated single quote");
        assertThat(s2.errors().get(0).start()).isEqualTo(13);
        assertThat(names(s2)).contains("make");
        ShellScript s3 = ShellParser.parse("a && && b; if x; then");
        assertThat(s3.hasErrors()).isTrue();
        assertThat(names(s3)).contains("a");
    }

    @Test
    void emptyAndCommentOnly() {
        assertThat(ShellParser.parse("").commands()).isEmpty();
        assertThat(ShellParser.parse("").errors()).isEmpty();
        assertThat(ShellParser.parse(null).isEmpty()).isTrue();
        ShellScript s = ShellParser.parse("  # just a comment\n\n");
        assertThat(s.errors()).isEmpty();
        assertThat(s.commands()).isEmpty();
    }

    @Test
    void wrappersAreUnwrapped() {
        ShellScript s = ShellParser.parse("sudo -u app env -i A=b nice -n 5 nohup apt-get install -y x; "
                + "command -v make; xargs -n1 rm -f < list; gosu app npm ci; timeout 10 curl x");
        List<SimpleCommand> eff = s.effectiveCommands();
        assertThat(eff).extracting(SimpleCommand::nameValue)
                .containsExactly("apt-get", "command", "rm", "npm", "curl");
        SimpleCommand apt = eff.get(0);
        assertThat(apt.subcommand()).isEqualTo("install");
        assertThat(apt.assignments()).extracting(Assignment::name).containsExactly("A");
        assertThat(apt.wrapper()).isPresent();
        assertThat(apt.connector()).isEqualTo(Connector.START);
        assertThat(s.commands().get(0).effective()).isSameAs(apt);
        assertThat(s.commands().get(1).effective()).isSameAs(s.commands().get(1));
    }

    @Test
    void shDashCIsParsedRecursively() {
        String src = "apt-get update && /bin/sh -c 'apt-get install -y \"x y\" && rm -rf /var/lib/apt/lists/*' && bash -lc \"make install\"";
        ShellScript s = ShellParser.parse(src);
        assertThat(s.errors()).isEmpty();
        assertThat(s.commands()).hasSize(3);
        SimpleCommand sh = s.commands().get(1);
        assertThat(sh.effective()).isSameAs(sh);
        assertThat(sh.nestedScript()).isPresent();
        List<SimpleCommand> eff = s.effectiveCommands();
        assertThat(eff).extracting(SimpleCommand::nameValue).containsExactly("apt-get", "apt-get", "rm", "make");
        SimpleCommand install = eff.get(1);
        assertThat(install.inNestedShell()).isTrue();
        assertThat(install.inSubshell()).isTrue();
        Word xy = install.args().get(2);
        assertThat(xy.value()).isEqualTo("x y");
        assertThat(src.substring(xy.start(), xy.end())).isEqualTo("\"x y\"");
        assertThat(src.substring(install.start(), install.end())).isEqualTo("apt-get install -y \"x y\"");
        SimpleCommand rm = eff.get(2);
        assertThat(s.inSameAndChain(eff.get(0), rm)).isTrue();
        assertThat(s.runsAfter(eff.get(0), rm)).isTrue();
        assertThat(s.runsAfter(rm, eff.get(3))).isTrue();
        assertThat(s.commandsAfter(install)).containsExactly(rm, eff.get(3));
        assertThat(eff.get(3).subcommand()).isEqualTo("install");
        // sudo sh -c, su -c, eval
        ShellScript s2 = ShellParser.parse("sudo sh -c 'cd /x && make'; su app -c 'npm ci'; eval \"go build\"");
        assertThat(s2.effectiveCommands()).extracting(SimpleCommand::nameValue)
                .containsExactly("cd", "make", "npm", "go");
    }

    @Test
    void sameChainAcrossGroupsButNotAcrossSemicolons() {
        ShellScript s = ShellParser.parse("a && (b; c) && d || e; f");
        List<SimpleCommand> c = s.commands();
        assertThat(s.inSameAndChain(c.get(0), c.get(1))).isTrue();
        assertThat(s.inSameAndChain(c.get(1), c.get(2))).isFalse();
        assertThat(s.inSameAndChain(c.get(0), c.get(3))).isTrue();
        assertThat(s.inSameAndChain(c.get(0), c.get(4))).isFalse();
        assertThat(s.inSameAndChain(c.get(4), c.get(5))).isFalse();
        assertThat(c.get(4).connector()).isEqualTo(Connector.OR);
    }

    @Test
    void reservedWordsAreArgumentsAfterTheName() {
        ShellScript s = ShellParser.parse("echo if then fi { } ! in; [ ! -f x ] || echo done");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("echo", "[", "echo");
        assertThat(values(s.commands().get(0).args())).containsExactly("if", "then", "fi", "{", "}", "!", "in");
    }

    @Test
    void findExecAndBraces() {
        ShellScript s = ShellParser.parse("find / -name '*.pyc' -exec rm -f {} \\; && echo ${X}{a,b}");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("find", "echo");
        assertThat(s.commands().get(0).hasFlag("-exec")).isTrue();
        assertThat(s.commands().get(0).args().get(7).value()).isEqualTo(";");
    }

    @Test
    void arithmeticAndParamExpansion() {
        ShellScript s = ShellParser.parse("echo $((1 + (2*3))) ${A:-${B}} \"${C/x/y}\" && make -j$(nproc)");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("echo", "nproc", "make");
        assertThat(values(s.commands().get(0).args())).containsExactly("$((1 + (2*3)))", "${A:-${B}}", "${C/x/y}");
    }

    @Test
    void nestedQuotesInSubstitutionInsideDoubleQuotes() {
        ShellScript s = ShellParser.parse("echo \"a $(echo \"b c\" | tr b d) e\" f");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("echo", "tr", "echo");
        assertThat(values(s.commands().get(2).args())).containsExactly("a $(echo \"b c\" | tr b d) e", "f");
    }

    @Test
    void caseInsideSubstitutionInsideQuotes() {
        ShellScript s = ShellParser.parse("echo \"$(case $x in a) echo 1;; esac)\" && b");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("echo", "echo", "b");
        assertThat(s.commands().get(0).inSubstitution()).isTrue();
        assertThat(s.commands().get(0).inBranch()).isTrue();
    }

    @Test
    void arithmeticAndTestCommands() {
        ShellScript s = ShellParser.parse("((i++)) && [[ -f a && -n \"$(cat x)\" ]] && make -j$(( $(nproc) + 1 ));"
                + " for ((i=0; i<3; i++)); do go build; done");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("cat", "[[", "nproc", "make", "go");
        assertThat(values(s.commands().get(1).args())).containsExactly("-f", "a", "&&", "-n", "$(cat x)", "]]");
        assertThat(s.commands().get(4).inLoop()).isTrue();
        // a nested subshell that merely starts with (( is still a subshell
        assertThat(names(ShellParser.parse("((cd x && make) )"))).containsExactly("cd", "make");
    }

    @Test
    void bashArrays() {
        ShellScript s = ShellParser.parse("declare -A M=(\n [a]=\"x\"\n [b]=y\n); L=(1 $(seq 2) 3) && echo ${L[@]}");
        assertThat(s.errors()).isEmpty();
        assertThat(names(s)).containsExactly("declare", "seq", "", "echo");
        assertThat(s.commands().get(2).assignments().get(0).name()).isEqualTo("L");
        assertThat(s.commands().get(2).assignments().get(0).value()).isEqualTo("(1 $(seq 2) 3)");
    }

    @Test
    void pathologicalInputNeverThrows() {
        String deep = "echo " + "$(".repeat(3000) + "x" + ")".repeat(3000);
        for (String junk : List.of(deep, "(((", ")))", "'", "\"", "`", "$(", "${", "<<", "<<EOF", "&&", "|", ";;", "}", "fi",
                "if", "case x in", "for", "\\", "a=(", "[[", "((", "\u0000\uD83D", "\r\n\r\n")) {
            ShellScript j = ShellParser.parse(junk);
            assertThat(j.text()).isEqualTo(junk);
            for (ShellError e : j.errors()) {
                assertThat(e.start()).isBetween(0, junk.length());
                assertThat(e.end()).isBetween(e.start(), junk.length());
            }
        }
    }

    @Test
    void parsesConcurrently() throws Exception {
        List<String> scripts = List.of(
                "apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*",
                "sh -c 'npm ci --omit=dev' && echo \"$(date)\"",
                "for f in *; do case $f in *.c) cc $f;; esac; done",
                "cat <<EOF | bash\nmake install\nEOF\n");
        List<String> expected = scripts.stream().map(x -> ShellParser.parse(x).effectiveCommands().toString()).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int k = i % scripts.size();
                results.add(pool.submit(() ->
                        ShellParser.parse(scripts.get(k)).effectiveCommands().toString().equals(expected.get(k))));
            }
            for (java.util.concurrent.Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void errorOffsetsPointIntoTheScript() {
        String src = "make && )";
        ShellScript s = ShellParser.parse(src);
        assertThat(s.errors()).isNotEmpty();
        assertThat(src.substring(s.errors().get(0).start(), s.errors().get(0).end())).isEqualTo(")");
        assertThat(names(s)).containsExactly("make");
    }
}
