package dev.dockdiet.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.config.Config;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.size.KnowledgeBase;
import dev.dockdiet.size.SizePicture;
import dev.dockdiet.syntax.ImageRef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One change, one saving: findings that propose the same move share it, and the estimate is of the new base. */
class SavingsCountedOnceTest {

    private static Linter.Result lint(String text) {
        Linter linter = new Linter(dev.dockdiet.rules.Rules.all(), DefaultServices::get);
        return linter.lint(text, Path.of("Dockerfile"), text, Config.defaults(), RuleSettings.defaults(), null);
    }

    private static Finding only(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.rule().id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void jdkToJreIsOneSavingAndTheEstimateIsTheJre() {
        Linter.Result r = lint("FROM eclipse-temurin:21-jdk\nCOPY app.jar /app.jar\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        Finding dd101 = only(r.findings(), "DD101");
        Finding dd102 = only(r.findings(), "DD102");
        assertThat(dd101.savings()).isNotNull();
        assertThat(dd101.savings().sharedWith()).isNull();
        assertThat(dd102.savings().sharedWith()).isEqualTo("DD101");
        assertThat(dd102.savings().change()).isEqualTo(dd101.savings().change());

        SizePicture p = r.size();
        long jre = KnowledgeBase.get().match(ImageRef.parse("eclipse-temurin:21-jre")).orElseThrow().figure().orElseThrow().bytes();
        assertThat(p.afterImage()).isEqualTo("eclipse-temurin:21-jre");
        assertThat(p.estimatedAfter()).isEqualTo(jre).isGreaterThanOrEqualTo(jre);
        assertThat(p.estimatedAfter()).isEqualTo(p.baseBytes() - dd101.savings().bytes());
        assertThat(p.suggestions()).filteredOn(s -> s.sharedWith() == null && s.savedBytes() != null).hasSize(1);
    }

    @Test
    void aGoBuildInTheFinalStageSharesTheToolchainMove() {
        Linter.Result r = lint("FROM golang:1.21\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n");
        Finding dd102 = only(r.findings(), "DD102");
        Finding dd103 = only(r.findings(), "DD103");
        assertThat(dd102.savings()).isNotNull();
        assertThat(dd102.savings().isRange()).as("golang:1.21 was not measured: a range").isTrue();
        assertThat(dd103.savings().sharedWith()).isEqualTo("DD102");
        assertThat(r.size().afterImage()).isEqualTo("gcr.io/distroless/static-debian12:nonroot");
    }
}
