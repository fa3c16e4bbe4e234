package dev.dockdiet.size;

import static dev.dockdiet.size.KnowledgeBaseMatchTest.match;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Savings.SizeKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SizePicturesTest {

    private static Savings compressed(long bytes) {
        return new Savings(bytes, SizeKind.COMPRESSED, "https://example.org/c", "2026-04");
    }

    private static Savings uncompressed(long bytes) {
        return new Savings(bytes, SizeKind.UNCOMPRESSED, "https://example.org/u", "2026-04");
    }

    @Test
    void aBaseChangeGivesTheSizeOfTheNewBaseNotASubtraction() {
        ImageMatch base = match("node:22-bookworm");
        Alternative slim = KnowledgeBase.get().alternatives(base).get(0);
        Savings saving = KnowledgeBase.get().saving(base, slim).orElseThrow();
        assertThat(saving.change()).isEqualTo("base node:22-bookworm -> node:22-bookworm-slim");
        SizePicture p = SizePictures.build("node:22-bookworm", base, List.of(
                new SizePictures.Item("DD101", "use node:22-bookworm-slim", saving)));
        assertThat(p.baseBytes()).isEqualTo(408_200_000L);
        assertThat(p.kind()).isEqualTo(SizeKind.COMPRESSED);
        assertThat(p.basis()).isEqualTo("node:22-bookworm, linux/amd64");
        assertThat(p.afterImage()).isEqualTo("node:22-bookworm-slim");
        assertThat(p.estimatedAfter()).isEqualTo(match("node:22-bookworm-slim").figure().orElseThrow().bytes());
        assertThat(p.layerSavings()).isNull();
    }

    @Test
    void layerSavingsAreReportedBesideTheBaseAndAnUnknownOneLeavesThemUnknown() {
        SizePicture p = SizePictures.build("node:22", match("node:22"), List.of(
                new SizePictures.Item("DD111", "apt lists", compressed(15_000_000L)),
                new SizePictures.Item("DD119", "npm cache", compressed(1_000_000L))));
        assertThat(p.estimatedAfter()).isEqualTo(408_499_334L);
        assertThat(p.layerSavings()).isEqualTo(16_000_000L);
        SizePicture q = SizePictures.build("node:22", match("node:22"), List.of(
                new SizePictures.Item("DD111", "apt lists", compressed(15_000_000L)),
                new SizePictures.Item("DD112", "recommends", null)));
        assertThat(q.layerSavings()).isNull();
        assertThat(q.suggestions()).extracting(SizePicture.Suggestion::savedBytes).containsExactly(15_000_000L, null);
    }

    @Test
    void aSavingOfAnotherKindKeepsItsFigureAndKindButIsNotAdded() {
        SizePicture p = SizePictures.build("node:22", match("node:22"), List.of(
                new SizePictures.Item("DD121", "context", uncompressed(26_000L))));
        assertThat(p.kind()).isEqualTo(SizeKind.COMPRESSED);
        assertThat(p.suggestions().get(0).savedBytes()).isEqualTo(26_000L);
        assertThat(p.suggestions().get(0).kind()).isEqualTo(SizeKind.UNCOMPRESSED);
        assertThat(p.layerSavings()).isNull();
    }

    @Test
    void theSameRuleAndChangeIsOneLine() {
        SizePicture p = SizePictures.build("node:22", match("node:22"), List.of(
                new SizePictures.Item("DD112", "add --no-install-recommends", null),
                new SizePictures.Item("DD112", "add --no-install-recommends", null),
                new SizePictures.Item("DD111", "apt lists", compressed(1_000L)),
                new SizePictures.Item("DD111", "apt lists", compressed(2_000L))));
        assertThat(p.suggestions()).hasSize(2);
        assertThat(p.suggestions().get(0).count()).isEqualTo(2);
        assertThat(p.suggestions().get(1).savedBytes()).isEqualTo(3_000L);
    }

    @Test
    void aSharedSavingIsShownButCountedOnce() {
        ImageMatch jdk = match("eclipse-temurin:21-jdk");
        Savings s = KnowledgeBase.get().saving(jdk, match("eclipse-temurin:21-jre")).orElseThrow();
        SizePicture p = SizePictures.build("eclipse-temurin:21-jdk", jdk, List.of(
                new SizePictures.Item("DD101", "use eclipse-temurin:21-jre", s),
                new SizePictures.Item("DD102", "toolchain", s.sharedWith("DD101"))));
        assertThat(p.suggestions().get(1).sharedWith()).isEqualTo("DD101");
        assertThat(p.afterImage()).isEqualTo("eclipse-temurin:21-jre");
        assertThat(p.estimatedAfter()).isEqualTo(121_136_054L);
        assertThat(p.layerSavings()).isNull();
    }

    @Test
    void aRangeBaseGivesRangesAllTheWay() {
        ImageMatch go = match("golang:1.21");
        assertThat(go.figures()).isEmpty();
        Savings s = KnowledgeBase.get().saving(go, match("gcr.io/distroless/static-debian12:nonroot")).orElseThrow();
        assertThat(s.isRange()).isTrue();
        assertThat(s.bytes()).isEqualTo(go.range().minBytes() - 2_430_000L);
        assertThat(s.upTo()).isEqualTo(go.range().maxBytes());
        SizePicture p = SizePictures.build("golang:1.21", go, List.of(new SizePictures.Item("DD102", "rewrite", s)));
        assertThat(p.baseBytes()).isEqualTo(go.range().minBytes());
        assertThat(p.baseBytesMax()).isEqualTo(go.range().maxBytes());
        assertThat(p.basis()).startsWith("golang full images: ");
        assertThat(p.estimatedAfter()).isZero();
        assertThat(p.estimatedAfterMax()).as("the on-disk size bounds the pull size").isEqualTo(2_430_000L);
    }

    @Test
    void anUnknownBaseHasNoBaseSizeAndNoEstimate() {
        SizePicture p = SizePictures.build("mycorp/app:1", Optional.empty(), List.of(
                new SizePictures.Item("DD111", "apt lists", compressed(15_000_000L))));
        assertThat(p.baseBytes()).isNull();
        assertThat(p.estimatedAfter()).isNull();
        assertThat(p.kind()).isEqualTo(SizeKind.COMPRESSED);
        SizePicture empty = SizePictures.build("mycorp/app:1", (ImageMatch) null, List.of());
        assertThat(empty.kind()).isNull();
        assertThat(empty.hasSuggestions()).isFalse();
    }
}
