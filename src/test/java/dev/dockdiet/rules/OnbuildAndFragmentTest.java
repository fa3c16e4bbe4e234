package dev.dockdiet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.syntax.Dockerfile;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * hadolint's OB column and its fragments: the RUN-reading rules with a DL alias also check
 * {@code ONBUILD RUN} triggers (where hadolint does) and RUN lines before the first FROM (a file
 * that is a fragment gets DD001 and is still checked), at the right position.
 */
class OnbuildAndFragmentTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // alias, RUN text, ONBUILD checked too (hadolint's OB column)
                Arguments.of("DL3001", "top", true),
                Arguments.of("DL3003", "cd /opt", false),
                Arguments.of("DL3004", "sudo apt-get install -y curl=1", true),
                Arguments.of("DL3008", "apt-get install -y curl", true),
                Arguments.of("DL3009", "apt-get update && apt-get install -y curl=1", true),
                Arguments.of("DL3013", "pip install flask", true),
                Arguments.of("DL3014", "apt-get install curl=1", true),
                Arguments.of("DL3015", "apt-get install -y curl=1", true),
                Arguments.of("DL3016", "npm install express", true),
                Arguments.of("DL3018", "apk add curl", true),
                Arguments.of("DL3019", "apk add curl=8.0", true),
                Arguments.of("DL3027", "apt install -y curl=1", true),
                Arguments.of("DL3028", "gem install rails", true),
                Arguments.of("DL3030", "yum install httpd-2.4", true),
                Arguments.of("DL3032", "yum install -y httpd-2.4", true),
                Arguments.of("DL3033", "yum install -y httpd", true),
                Arguments.of("DL3034", "zypper install curl=8", true),
                Arguments.of("DL3035", "zypper -n dup", true),
                Arguments.of("DL3036", "zypper -n install curl=8", true),
                Arguments.of("DL3037", "zypper -n install curl", true),
                Arguments.of("DL3038", "dnf install httpd-2.4", true),
                Arguments.of("DL3040", "dnf install -y httpd-2.4", true),
                Arguments.of("DL3041", "dnf install -y httpd", true),
                Arguments.of("DL3042", "pip install flask==3", true),
                Arguments.of("DL3046", "useradd -u 123456 app", true),
                Arguments.of("DL3047", "wget https://x/y", true),
                Arguments.of("DL3060", "yarn install", true),
                Arguments.of("DL3062", "go install example.com/pkg", true),
                Arguments.of("DL4001", "curl -o a https://x/a && wget -q https://x/b", true),
                Arguments.of("DL4005", "ln -sf /bin/bash /bin/sh", true),
                Arguments.of("DL4006", "curl -s https://x | sh", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fragmentAndOnbuild(String alias, String run, boolean onbuild) {
        Rule rule = rule(alias);
        assertThat(findings(rule, "RUN " + run + "\n")).as("%s on a fragment", alias)
                .anyMatch(f -> f.range().startLine() == 1);
        assertThat(findings(rule, "FROM debian:12\nRUN " + run + "\n")).as("%s in a stage", alias)
                .anyMatch(f -> f.range().startLine() == 2);
        List<Finding> ob = findings(rule, "FROM debian:12\nONBUILD RUN " + run + "\n");
        if (onbuild) {
            assertThat(ob).as("%s in ONBUILD", alias).anyMatch(f -> f.range().startLine() == 2
                    && f.range().startColumn() > "ONBUILD RUN".length());
        } else {
            assertThat(ob).as("%s is not checked in ONBUILD, as in hadolint", alias).isEmpty();
        }
    }

    private static Rule rule(String alias) {
        String id = Rules.resolve(alias).orElseThrow();
        return Rules.all().stream().filter(r -> r.meta().id().equals(id)).findFirst().orElseThrow();
    }

    private static List<Finding> findings(Rule rule, String code) {
        RuleContext ctx = new RuleContext(Dockerfile.parse(code), null, RuleSettings.defaults(),
                new IdentityHashMap<>(), t -> null);
        rule.check(ctx);
        return ctx.findings();
    }
}
