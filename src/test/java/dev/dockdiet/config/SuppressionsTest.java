package dev.dockdiet.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.fix.Fixer;
import dev.dockdiet.lint.SafeFixer;
import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleMeta;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionsTest {

    private static final Suppressions SUPPRESSIONS = new Suppressions(TestRules::resolve);

    private static Finding at(MiniDockerfile d, RuleMeta rule, String needle) {
        return new Finding(rule, rule.name(), d.at(needle));
    }

    private static Suppressions.Result run(Suppressions s, MiniDockerfile d, Finding... findings) {
        return s.apply(d.text, d.comments, d.instructions, List.of(findings));
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(f -> f.rule().id() + "@" + f.range().startLine() + ":" + f.range().startColumn())
                .toList();
    }

    @Test
    void suppressionAppliesToTheNextInstructionOnly() {
        MiniDockerfile d = new MiniDockerfile("""
                # dockdiet ignore=DD101
                FROM node:20
                FROM node:22
                """);
        Suppressions.Result r = run(SUPPRESSIONS, d, at(d, TestRules.OVERSIZED_BASE, "node:20"),
                at(d, TestRules.OVERSIZED_BASE, "node:22"));
        assertThat(ids(r.suppressed())).containsExactly("DD101@2:6");
        assertThat(ids(r.kept())).containsExactly("DD101@3:6");
        assertThat(r.added()).isEmpty();
    }

    @Test
    void otherCommentsMaySitBetweenButNotABlankLine() {
        MiniDockerfile d = new MiniDockerfile("""
                # dockdiet ignore=DD101
                # the base is pinned by the platform team
                FROM node:20

                # dockdiet ignore=DD101

                FROM node:22
                """);
        Suppressions.Result r = run(SUPPRESSIONS, d, at(d, TestRules.OVERSIZED_BASE, "node:20"),
                at(d, TestRules.OVERSIZED_BASE, "node:22"));
        assertThat(ids(r.suppressed())).containsExactly("DD101@3:6");
        assertThat(ids(r.kept())).containsExactly("DD101@7:6");
        assertThat(r.added()).hasSize(1);
        Finding unused = r.added().get(0);
        assertThat(unused.rule()).isEqualTo(Suppressions.UNUSED);
        assertThat(unused.message()).isEqualTo("this suppression suppresses nothing: it is not directly above an instruction");
        assertThat(unused.range().startLine()).isEqualTo(5);
    }

    @Test
    void globalSuppressionAppliesAnywhere() {
        MiniDockerfile d = new MiniDockerfile("""
                FROM node:20
                CMD node server.js
                # dockdiet global ignore=DD214
                """);
        Suppressions.Result r = run(SUPPRESSIONS, d, at(d, TestRules.JSON_ARGS, "CMD"),
                at(d, TestRules.OVERSIZED_BASE, "node:20"));
        assertThat(ids(r.suppressed())).containsExactly("DD214@2:1");
        assertThat(ids(r.kept())).containsExactly("DD101@1:6");
        assertThat(r.added()).isEmpty();
    }

    @Test
    void hadolintPragmasWorkThroughAliases() {
        MiniDockerfile d = new MiniDockerfile("""
                # hadolint global ignore=JSONArgsRecommended
                FROM debian:12
                # hadolint ignore=DL3008,DL3015
                RUN apt-get update && apt-get install -y curl
                RUN apt-get install -y git
                CMD run
                """);
        Suppressions.Result r = run(SUPPRESSIONS, d, at(d, TestRules.APT_PIN, "apt-get install -y curl"),
                at(d, TestRules.APT_RECOMMENDS, "apt-get update"), at(d, TestRules.APT_PIN, "apt-get install -y git"),
                at(d, TestRules.JSON_ARGS, "CMD"));
        assertThat(ids(r.suppressed())).containsExactly("DD204@4:23", "DD112@4:5", "DD214@6:1");
        assertThat(ids(r.kept())).containsExactly("DD204@5:5");
    }

    @Test
    void namesCaseAndBlanksAreTolerated() {
        MiniDockerfile d = new MiniDockerfile("#\tDockDiet   ignore = oversized-base ,  dl3008   # base pinned upstream\n"
                + "FROM node:20 AS x\n");
        Suppressions.Result r = run(SUPPRESSIONS, d, at(d, TestRules.OVERSIZED_BASE, "node"),
                at(d, TestRules.APT_PIN, "AS x"));
        assertThat(r.kept()).isEmpty();
        assertThat(r.added()).isEmpty();
        assertThat(r.suppressions()).hasSize(1);
        assertThat(r.suppressions().get(0).tokens()).extracting(Suppressions.Token::ruleId).containsExactly("DD101", "DD204");
    }

    @Test
    void commentInsideAContinuedInstructionAppliesToIt() {
        MiniDockerfile d = new MiniDockerfile("""
                FROM debian:12
                RUN apt-get update && \\
                # dockdiet ignore=DD204
                    apt-get install -y curl
                """);
        Suppressions.Result r = run(SUPPRESSIONS, d, at(d, TestRules.APT_PIN, "apt-get install"));
        assertThat(r.kept()).isEmpty();
        assertThat(r.added()).isEmpty();
    }

    @Test
    void partlyUnusedSuppressionGetsAFixRemovingTheId() {
        String text = "# dockdiet ignore=DD101, DD204,DD112\nFROM node:20\n";
        MiniDockerfile d = new MiniDockerfile(text);
        Suppressions.Result r = run(SUPPRESSIONS, d, at(d, TestRules.APT_RECOMMENDS, "node:20"));
        assertThat(r.kept()).isEmpty();
        assertThat(r.added()).extracting(Finding::message).containsExactly(
                "'DD101' suppresses nothing: no finding of it on the next instruction",
                "'DD204' suppresses nothing: no finding of it on the next instruction");
        assertThat(r.added().get(0).range().startColumn()).isEqualTo(19);
        assertThat(r.added().get(1).range().startColumn()).isEqualTo(26);
        // the two fixes overlap (", " between them): one pass takes one, a second pass the other
        SafeFixer.Result fixed = SafeFixer.fix(text, t -> {
            MiniDockerfile m = new MiniDockerfile(t);
            return run(SUPPRESSIONS, m, at(m, TestRules.APT_RECOMMENDS, "node:20")).added();
        }, Applicability.SAFE, 5);
        assertThat(fixed.converged()).isTrue();
        assertThat(fixed.text()).isEqualTo("# dockdiet ignore=DD112\nFROM node:20\n");
        assertThat(fixed.passes()).isEqualTo(2);
    }

    @Test
    void idsAfterTheFirstAreRemovedWithTheirComma() {
        String text = "# dockdiet ignore=DD112,DD101\nFROM node:20\n";
        MiniDockerfile d = new MiniDockerfile(text);
        Suppressions.Result r = run(SUPPRESSIONS, d, at(d, TestRules.APT_RECOMMENDS, "node:20"));
        assertThat(Fixer.applyOnce(text, r.added(), Applicability.SAFE).text())
                .isEqualTo("# dockdiet ignore=DD112\nFROM node:20\n");
    }

    @Test
    void wholyUnusedSuppressionIsDeletedWithItsLine() {
        String text = "FROM node:20\r\n# dockdiet ignore=DD101,DD204\r\nRUN true\r\n";
        MiniDockerfile d = new MiniDockerfile(text);
        Suppressions.Result r = run(SUPPRESSIONS, d, at(d, TestRules.OVERSIZED_BASE, "node:20"));
        assertThat(r.added()).hasSize(1);
        assertThat(r.added().get(0).message())
                .isEqualTo("this suppression suppresses nothing: no finding of DD101 or DD204 on the next instruction");
        assertThat(r.added().get(0).fix().applicability()).isEqualTo(Applicability.SAFE);
        assertThat(Fixer.applyOnce(text, r.added(), Applicability.SAFE).text()).isEqualTo("FROM node:20\r\nRUN true\r\n");
    }

    @Test
    void unusedGlobalSuppression() {
        MiniDockerfile d = new MiniDockerfile("# dockdiet global ignore=DD214\nFROM scratch\n");
        Suppressions.Result r = run(SUPPRESSIONS, d);
        assertThat(r.added()).extracting(Finding::message)
                .containsExactly("this global suppression suppresses nothing: no finding of DD214 in this file");
    }

    @Test
    void unknownRulesAreReported() {
        String text = "# dockdiet ignore=DD101,DD999 because reasons\nFROM node:20\n";
        MiniDockerfile d = new MiniDockerfile(text);
        Suppressions.Result r = run(SUPPRESSIONS, d, at(d, TestRules.OVERSIZED_BASE, "node"));
        assertThat(r.kept()).isEmpty();
        assertThat(r.added()).extracting(f -> f.rule().id() + " " + f.message()).containsExactly(
                "DD003 unknown rule 'DD999' in suppression", "DD003 unknown rule 'because' in suppression",
                "DD003 unknown rule 'reasons' in suppression");
        assertThat(r.added().get(0).range().startColumn()).isEqualTo(25);
    }

    @Test
    void onlyUnknownRulesDeleteTheWholeComment() {
        String text = "# dockdiet ignore=DD999\nFROM node:20\n";
        MiniDockerfile d = new MiniDockerfile(text);
        Suppressions.Result r = run(SUPPRESSIONS, d);
        assertThat(ids(r.added())).containsExactly("DD003@1:19");
        assertThat(Fixer.applyOnce(text, r.added(), Applicability.SAFE).text()).isEqualTo("FROM node:20\n");
    }

    @Test
    void emptyListIsReported() {
        MiniDockerfile d = new MiniDockerfile("# dockdiet ignore=  # nothing\nFROM node:20\n");
        assertThat(run(SUPPRESSIONS, d).added()).extracting(Finding::message)
                .containsExactly("suppression lists no rule after 'ignore='");
    }

    @Test
    void hadolintPragmasAreNotCheckedUnlessAsked() {
        MiniDockerfile d = new MiniDockerfile("# hadolint ignore=DL3008,SC2086\nFROM node:20\n");
        assertThat(run(SUPPRESSIONS, d).added()).isEmpty();
        Suppressions strict = new Suppressions(TestRules::resolve, id -> true, true);
        assertThat(run(strict, d).added()).extracting(f -> f.rule().id()).containsExactly("DD002", "DD003");
    }

    @Test
    void rulesThatDidNotRunAreNeverUnused() {
        MiniDockerfile d = new MiniDockerfile("# dockdiet ignore=DD101\nFROM node:20\n");
        Suppressions onlySome = new Suppressions(TestRules::resolve, id -> !id.equals("DD101"), false);
        assertThat(run(onlySome, d).added()).isEmpty();
    }

    @Test
    void globalIgnoreOfDd002SilencesUnusedReports() {
        MiniDockerfile d = new MiniDockerfile("# dockdiet global ignore=DD002\n# dockdiet ignore=DD101\nFROM node:20\n");
        Suppressions.Result r = run(SUPPRESSIONS, d);
        assertThat(r.added()).isEmpty();
        assertThat(ids(r.suppressed())).containsExactly("DD002@2:1");
    }

    @Test
    void ordinaryCommentsAndOtherDirectivesAreNotSuppressions() {
        MiniDockerfile d = new MiniDockerfile("""
                # syntax=docker/dockerfile:1
                # check=skip=JSONArgsRecommended
                # dockdiet is great
                # hadolint shell=powershell
                # hadolint stage ignore=DL3008
                FROM node:20
                """);
        Suppressions.Result r = run(SUPPRESSIONS, d, at(d, TestRules.OVERSIZED_BASE, "node"));
        assertThat(r.suppressions()).isEmpty();
        assertThat(r.kept()).hasSize(1);
    }

    @Test
    void metaIsInTheSyntaxRange() {
        assertThat(Suppressions.UNUSED.id()).isEqualTo("DD002");
        assertThat(Suppressions.UNUSED.name()).isEqualTo("unused-suppression");
        assertThat(Suppressions.UNKNOWN_RULE.id()).isEqualTo("DD003");
        assertThat(Suppressions.UNKNOWN_RULE.name()).isEqualTo("unknown-rule-in-suppression");
        assertThat(Suppressions.UNUSED.severity()).isEqualTo(dev.dockdiet.rule.Severity.WARNING);
        assertThat(Suppressions.UNKNOWN_RULE.severity()).isEqualTo(dev.dockdiet.rule.Severity.WARNING);
        assertThat(Suppressions.UNUSED.category()).isEqualTo(dev.dockdiet.rule.Category.SYNTAX);
    }

    @Test
    void commentTextWithoutHashIsLocatedInTheSource() {
        String text = "# dockdiet ignore=DD204\nFROM node:20\n";
        MiniDockerfile d = new MiniDockerfile(text);
        List<Suppressions.Comment> bare = new ArrayList<>();
        for (Suppressions.Comment c : d.comments) {
            bare.add(new Suppressions.Comment(c.text().substring(1).trim(), c.range()));
        }
        Suppressions.Result r = SUPPRESSIONS.apply(text, bare, d.instructions, List.of());
        assertThat(ids(r.added())).containsExactly("DD002@1:1");
        assertThat(r.suppressions().get(0).tokens().get(0).range().startColumn()).isEqualTo(19);
    }
}
