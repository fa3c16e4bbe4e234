package dev.dockdiet.rules.style;

import static dev.dockdiet.rules.RuleTester.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.config.Config;
import dev.dockdiet.lint.Linter;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rules.RuleTester;
import dev.dockdiet.rules.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DD440 invalid-definition-description, BuildKit's experimental InvalidDefinitionDescription. */
class InvalidDefinitionDescriptionTest {

    private static final String GOOD = """
            # check=experimental=InvalidDefinitionDescription
            # foo this is the foo
            ARG foo=bar

            # base this is the base image
            FROM scratch AS base

            # version this is the version number
            ARG version=latest

            # baz this is the baz
            ARG foo=baz bar=qux baz=quux
            #
            ARG bit=bat

            # comment for something other than ARG or FROM
            COPY Dockerfile .
            """;

    private static final String BAD = """
            # check=experimental=InvalidDefinitionDescription
            # bar this is the bar
            ARG foo=bar
            # BasE this is the BasE image
            FROM scratch AS base
            # definitely a bad comment
            ARG version=latest
            # definitely a bad comment
            ARG baz=quux
            """;

    @Test
    void buildKitCases() {
        RuleTester.of(new InvalidDefinitionDescription())
                .valid(GOOD,
                        "FROM alpine:3.19\nARG foo\n",
                        "# not about the stage\nFROM alpine:3.19\n",
                        "# a comment\n#\nFROM alpine:3.19 AS build\n")
                .invalid(BAD,
                        at(3, 1, "Comment for ARG should follow the format: `# foo <description>`"),
                        at(5, 1, "Comment for FROM should follow the format: `# base <description>`"),
                        at(7, 1, "`# version <description>`"),
                        at(9, 1, "`# baz <description>`"))
                .invalid("FROM alpine:3.19\n# the arguments\nARG a=1 b=2\n", at(3, 1, "`# <arg_key> <description>`"))
                // the directives at the top are comments of the first instruction, as in BuildKit's parser
                .invalid("# syntax=docker/dockerfile:1\nFROM alpine:3.19 AS build\n", at(2, 1, "`# build <description>`"))
                .test();
    }

    private static List<String> ids(String text, Config config) {
        return new Linter(Rules.all(), t -> null).lint(text, null, "Dockerfile", config, RuleSettings.defaults(), null)
                .findings().stream().map(f -> f.rule().id()).toList();
    }

    @Test
    void offByDefaultOnByExperimentalOrConfig() {
        String plain = BAD.replace("# check=experimental=InvalidDefinitionDescription\n", "");
        assertThat(ids(plain, Config.defaults())).doesNotContain("DD440");
        assertThat(ids(BAD, Config.defaults())).filteredOn("DD440"::equals).hasSize(4);
        assertThat(ids("# check=experimental=all\n" + plain, Config.defaults())).contains("DD440");
        // skip= never applies to experimental checks
        assertThat(ids("# check=experimental=all;skip=all\n" + plain, Config.defaults())).contains("DD440");
        // a check= comment above one instruction turns it on for that instruction only
        String local = "FROM alpine:3.19\n# check=experimental=InvalidDefinitionDescription\n# wrong\nARG a=1\n"
                + "# also wrong\nARG b=2\n";
        List<dev.dockdiet.rule.Finding> f = new Linter(Rules.all(), t -> null).lint(local, null, "Dockerfile",
                Config.defaults(), RuleSettings.defaults(), null).findings().stream()
                .filter(x -> x.rule().id().equals("DD440")).toList();
        assertThat(f).singleElement().satisfies(x -> assertThat(x.range().startLine()).isEqualTo(4));
        // selecting it in the configuration (or --select) turns it on too
        assertThat(ids(plain, Config.defaults().withRules(List.of(), List.of("DD440")))).contains("DD440");
        // and the configuration can keep it off whatever the directive says
        assertThat(ids(BAD, Config.defaults().withRules(List.of("DD440"), List.of()))).doesNotContain("DD440");
    }
}
