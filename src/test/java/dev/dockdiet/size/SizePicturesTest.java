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
    void everythingKnownAndOfOneKindGivesTheEstimate() {
        ImageMatch base = match("node:22-bookworm");
        Alternative slim = KnowledgeBase.get().alternatives(base).get(0);
        Savings saving = KnowledgeBase.get().saving(base, slim).orElseThrow();
        SizePicture p = SizePictures.build("node:22-bookworm", base, List.of(
                new SizePictures.Item("DD101", "node:22-bookworm -> node:22-bookworm-slim", saving)));
        assertThat(p.finalBase()).isEqualTo("node:22-bookworm");
        assertThat(p.baseBytes()).isEqualTo(408_200_000L);
        assertThat(p.kind()).isEqualTo(SizeKind.COMPRESSED);
        assertThat(p.source()).contains("22-bookworm.md");
        assertThat(p.asOf()).isEqualTo("2026-04");
        assertThat(p.suggestions()).extracting(SizePicture.Suggestion::savedBytes).containsExactly(328_400_000L);
        assertThat(p.estimatedAfter()).isEqualTo(79_800_000L);
    }

    @Test
    void anUnknownSavingLeavesTheEstimateUnknown() {
        SizePicture p = SizePictures.build("node:22", match("node:22"), List.of(
                new SizePictures.Item("DD101", "slim", compressed(300_000_000L)),
                new SizePictures.Item("DD105", "apt lists", null)));
        assertThat(p.suggestions()).extracting(SizePicture.Suggestion::savedBytes).containsExactly(300_000_000L, null);
        assertThat(p.estimatedAfter()).isNull();
        assertThat(p.baseBytes()).isEqualTo(408_499_334L);
    }

    @Test
    void aSavingOfAnotherKindIsShownAsUnknownNeverConverted() {
        SizePicture p = SizePictures.build("node:22", match("node:22"), List.of(
                new SizePictures.Item("DD101", "slim", uncompressed(300_000_000L))));
        assertThat(p.kind()).isEqualTo(SizeKind.COMPRESSED);
        assertThat(p.suggestions().get(0).savedBytes()).isNull();
        assertThat(p.estimatedAfter()).isNull();
    }

    @Test
    void aBaseWithBothKindsFollowsTheSavingsKind() {
        ImageMatch go = match("golang:1");
        SizePicture p = SizePictures.build("golang:1", go, List.of(
                new SizePictures.Item("DD102", "multi-stage onto distroless static", uncompressed(831_030_000L))));
        assertThat(p.kind()).isEqualTo(SizeKind.UNCOMPRESSED);
        assertThat(p.baseBytes()).isEqualTo(833_460_000L);
        assertThat(p.estimatedAfter()).isEqualTo(2_430_000L);
    }

    @Test
    void anUnknownBaseHasNoBaseSizeAndNoEstimate() {
        SizePicture p = SizePictures.build("mycorp/app:1", Optional.empty(), List.of(
                new SizePictures.Item("DD103", "npm cache", compressed(12_000_000L)),
                new SizePictures.Item("DD104", "pip cache", uncompressed(5_000_000L))));
        assertThat(p.baseBytes()).isNull();
        assertThat(p.source()).isNull();
        assertThat(p.asOf()).isNull();
        assertThat(p.kind()).isEqualTo(SizeKind.COMPRESSED);
        assertThat(p.suggestions()).extracting(SizePicture.Suggestion::savedBytes).containsExactly(12_000_000L, null);
        assertThat(p.estimatedAfter()).isNull();

        SizePicture empty = SizePictures.build("mycorp/app:1", (ImageMatch) null, List.of());
        assertThat(empty.kind()).isNull();
        assertThat(empty.suggestions()).isEmpty();
    }

    @Test
    void savingsLargerThanTheBaseGiveNoEstimate() {
        SizePicture p = SizePictures.build("debian:bookworm", match("debian:bookworm"), List.of(
                new SizePictures.Item("DD101", "a", compressed(40_000_000L)),
                new SizePictures.Item("DD106", "b", compressed(40_000_000L))));
        assertThat(p.estimatedAfter()).isNull();
    }
}
