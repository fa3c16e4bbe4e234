package dev.dockdiet.rules.syntax;

import static dev.dockdiet.rules.RuleTester.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** DD005 (DL3061), DD006 (DL1001), DD007 (DL3043), with the cases of hadolint's own specs. */
class HadolintSyntaxRulesTest {

    @Test
    void instructionBeforeFrom() {
        RuleTester.of(new InstructionBeforeFrom())
                .valid("FROM foo\nLABEL foo=bar\n",
                        "ARG A=B\nFROM foo\nLABEL foo=bar\n",
                        "# syntax = docker/dockerfile:1.0-experimental\nFROM node:16-alpine3.13\n",
                        "FROM foo\nARG A=B\nRUN echo bla\n",
                        "# a comment\n\nARG V=1\nFROM alpine:$V\n")
                .invalid("LABEL foo=bar\nFROM foo\n", at(1, 1, "Invalid instruction order"))
                .invalid("RUN apt-get update\nRUN echo\n", at(1, 1), at(2, 1))
                .invalid("ARG V=1\nENV A=1\nFROM alpine:$V\n", at(2, 1, "ENV must come after a FROM"))
                .test();
    }

    @Test
    void syntaxErrorLeavesInstructionOrderAndOnbuildTriggersToTheirRules() {
        for (String code : new String[] {"LABEL foo=bar\nFROM foo\n", "FROM a\nONBUILD ONBUILD RUN x\n",
                "FROM a\nONBUILD FROM debian:buster\n"}) {
            assertThat(RuleTester.of(new SyntaxError()).findings(code)).as(code).isEmpty();
        }
        // other problems are still DD001's
        assertThat(RuleTester.of(new SyntaxError()).findings("FROM a\nONBUILD\n")).hasSize(1);
        assertThat(RuleTester.of(new SyntaxError()).findings("FROM a\nFOO bar\n")).hasSize(1);
    }

    @Test
    void invalidOnbuildTrigger() {
        RuleTester.of(new InvalidOnbuildTrigger())
                .valid("ONBUILD ADD anything anywhere\n", "ONBUILD USER anything\n", "ONBUILD LABEL bla=\"blubb\"\n",
                        "ONBUILD STOPSIGNAL anything\n", "ONBUILD COPY anything anywhere\n", "ONBUILD RUN anything\n",
                        "ONBUILD CMD anything\n", "ONBUILD WORKDIR anything\n", "ONBUILD EXPOSE 69\n",
                        "ONBUILD VOLUME anything\n", "ONBUILD ENTRYPOINT anything\n", "ONBUILD ENV MYVAR=\"bla\"\n",
                        "ONBUILD ARG anything\n", "ONBUILD HEALTHCHECK NONE\n", "FROM debian:buster\n",
                        "MAINTAINER \"Some Guy\"\n")
                .invalid("ONBUILD ONBUILD RUN anything\n", at(1, 9, "Chaining ONBUILD"))
                .invalid("FROM a\nONBUILD FROM debian:buster\n", at(2, 9, "FROM isn't allowed as an ONBUILD trigger"))
                .invalid("ONBUILD MAINTAINER \"BoJack Horseman\"\n", at(1, 9, "MAINTAINER"))
                .test();
    }

    @Test
    void inlineIgnorePragma() {
        RuleTester.of(new InlineIgnorePragma())
                .valid("# hadolint shell=powershell\nRUN foo bar\n", "# foobar\nRUN foo bar\n", "FROM debian\nRUN foo bar\n",
                        // global and stage ignores are not inline
                        "# hadolint global ignore=DL3003\nFROM debian\n",
                        "# hadolint stage ignore=DL3003\nFROM debian\n",
                        "# dockdiet global ignore=DD101\nFROM debian\n",
                        // not a valid hadolint pragma (lower-case code): hadolint ignores it, so do we
                        "# hadolint ignore=crazy,DL3002\nFROM debian\n")
                .invalid("# hadolint ignore=DL3003\nRUN foo bar\n", at(1, 1, "inline ignore"))
                .invalid("FROM debian\n# hadolint ignore=DL3003, SC2086 # cd is needed\nRUN cd /x\n", at(2, 1))
                .invalid("FROM debian\n# dockdiet ignore=DD101\nRUN x\n", at(2, 1))
                .test();
        assertThat(InlineIgnorePragma.META.enabledByDefault()).isFalse();
    }
}
