package dev.dockdiet.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockdiet.rule.Savings.SizeKind;
import dev.dockdiet.syntax.ImageRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Private bases from .dockdiet.yaml ({@code images:}) extend and override the embedded data. */
class KnowledgeBaseExtraTest {

    private static final ExtraImage PRIVATE_JDK = new ExtraImage("registry.example.com/platform/java", "21-*",
            412_000_000L, "compressed", "measured: crane manifest 2026-05-02", "2026-05-02", "jvm",
            List.of("registry.example.com/platform/java-jre:21", "eclipse-temurin:21-jre"), true);
    private static final ExtraImage PRIVATE_JRE = new ExtraImage("registry.example.com/platform/java-jre", "*",
            150_000_000L, "compressed", "https://registry.example.com/ui/java-jre", "2026-05-02", "jvm", List.of());

    private final KnowledgeBase kb = KnowledgeBase.get().withExtra(List.of(PRIVATE_JDK, PRIVATE_JRE));

    @Test
    void privateBasesAreMatchedByNameAndTagPattern() {
        ImageMatch m = kb.match(ImageRef.parse("registry.example.com/platform/java:21-jdk")).orElseThrow();
        assertThat(m.userDefined()).isTrue();
        assertThat(m.family()).isEqualTo("registry.example.com/platform/java");
        assertThat(m.version()).isEqualTo("21-jdk");
        assertThat(m.runtime()).isEqualTo(ImageRuntime.JVM);
        assertThat(m.toolchain()).isTrue();
        SizeFigure f = m.figure().orElseThrow();
        assertThat(f.bytes()).isEqualTo(412_000_000L);
        assertThat(f.kind()).isEqualTo(SizeKind.COMPRESSED);
        assertThat(f.source()).isEqualTo("measured: crane manifest 2026-05-02");
        assertThat(f.asOf()).isEqualTo("2026-05-02");
        assertThat(f.confidence()).isEqualTo("user");

        assertThat(kb.match(ImageRef.parse("registry.example.com/platform/java:17-jdk"))).as("tag pattern 21-*").isEmpty();
        assertThat(KnowledgeBase.get().match(ImageRef.parse("registry.example.com/platform/java:21-jdk")))
                .as("the embedded base is not changed").isEmpty();
    }

    @Test
    void builtInsStillWork() {
        assertThat(kb.match(ImageRef.parse("python:3-slim-bookworm")).orElseThrow().figure().orElseThrow().bytes())
                .isEqualTo(44_800_000L);
        assertThat(kb.families()).startsWith("registry.example.com/platform/java", "registry.example.com/platform/java-jre")
                .contains("node");
    }

    @Test
    void privateAlternativesGetTheirSavingsWhenOfTheSameKind() {
        ImageMatch m = kb.match(ImageRef.parse("registry.example.com/platform/java:21-jdk")).orElseThrow();
        List<Alternative> alts = kb.alternatives(m);
        assertThat(alts).extracting(Alternative::image)
                .containsExactly("registry.example.com/platform/java-jre:21", "eclipse-temurin:21-jre");
        assertThat(alts.get(0).savingBytes()).isEqualTo(262_000_000L);
        assertThat(kb.saving(m, alts.get(0)).orElseThrow().bytes()).isEqualTo(262_000_000L);
        assertThat(alts.get(1).figure().bytes()).isEqualTo(121_136_054L);
        assertThat(alts.get(1).traps()).extracting(Trap::id).contains("jre-no-jdk-tools");
    }

    @Test
    void anEntryForAnOfficialImageOverridesIt() {
        KnowledgeBase over = KnowledgeBase.get().withExtra(List.of(new ExtraImage("node", "22", 400_000_000L,
                "uncompressed", "measured: docker image inspect", "2026-06-01", "node", List.of("node:22-slim"))));
        ImageMatch m = over.match(ImageRef.parse("docker.io/library/node:22")).orElseThrow();
        assertThat(m.userDefined()).isTrue();
        assertThat(m.figure().orElseThrow().kind()).isEqualTo(SizeKind.UNCOMPRESSED);
        Alternative slim = over.alternatives(m).get(0);
        assertThat(slim.figure().kind()).as("same kind as the base").isEqualTo(SizeKind.UNCOMPRESSED);
        assertThat(slim.savingBytes()).isEqualTo(400_000_000L - 227_330_000L);
        assertThat(over.match(ImageRef.parse("node:20")).orElseThrow().userDefined()).isFalse();
    }

    @Test
    void anEntryWithoutSizeIsKnownButUnsized() {
        KnowledgeBase k = KnowledgeBase.get().withExtra(List.of(
                new ExtraImage("ghcr.io/acme/base", null, null, null, null, null, null, List.of())));
        ImageMatch m = k.match(ImageRef.parse("ghcr.io/acme/base@sha256:abc")).orElseThrow();
        assertThat(m.sizeKnown()).isFalse();
        assertThat(m.runtime()).isEqualTo(ImageRuntime.NONE);
        assertThat(k.alternatives(m)).isEmpty();
    }

    @Test
    void badEntriesAreRejectedWithAClearMessage() {
        KnowledgeBase base = KnowledgeBase.get();
        assertThatThrownBy(() -> base.withExtra(List.of(new ExtraImage("acme/base", "*", 10L, null, "x", "2026-01-01", null, List.of()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("images[0] (acme/base): 'kind' must be compressed or uncompressed when 'bytes' is given");
        assertThatThrownBy(() -> base.withExtra(List.of(PRIVATE_JRE, new ExtraImage("acme/base", "*", 10L, "compressed", "x", "last week", null, List.of()))))
                .hasMessageStartingWith("images[1] (acme/base): 'asOf' must be an ISO-8601 date");
        assertThatThrownBy(() -> base.withExtra(List.of(new ExtraImage("acme/base", "*", 10L, "compressed", " ", "2026-01-01", null, List.of()))))
                .hasMessageContaining("'source' is required");
        assertThatThrownBy(() -> base.withExtra(List.of(new ExtraImage("acme/base:1", "*", null, null, null, null, null, List.of()))))
                .hasMessageContaining("without tag or digest");
        assertThatThrownBy(() -> base.withExtra(List.of(new ExtraImage("acme/base", "*", null, null, null, null, "cobol", List.of()))))
                .hasMessageContaining("unknown runtime 'cobol'").hasMessageContaining("go-static");
        assertThatThrownBy(() -> base.withExtra(List.of(new ExtraImage("acme/base", "*", -1L, "compressed", "x", "2026-01-01", null, List.of()))))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> base.withExtra(List.of(new ExtraImage("acme/base", "*", null, null, null, null, null, List.of("bad ref")))))
                .hasMessageContaining("'bad ref' is not an image reference");
        assertThatThrownBy(() -> base.withExtra(List.of(new ExtraImage(null, "*", null, null, null, null, null, null))))
                .hasMessage("images[0]: 'name' is required");
    }

    @Test
    void aPrivateEntryForABuildImageKeepsWhatTheBuiltInBaseKnows() {
        KnowledgeBase k = KnowledgeBase.get().withExtra(List.of(
                new ExtraImage("golang", "1.22*", null, null, null, null, null, List.of())));
        ImageMatch m = k.match(ImageRef.parse("golang:1.22")).orElseThrow();
        assertThat(m.userDefined()).isTrue();
        assertThat(m.family()).isEqualTo("golang");
        assertThat(m.toolchain()).as("still a build image: DD102 keeps flagging it").isTrue();
        assertThat(m.runtime()).isEqualTo(ImageRuntime.GO_STATIC);
        assertThat(k.alternatives(m)).extracting(Alternative::image).contains("gcr.io/distroless/static-debian12:nonroot");
        // what it declares wins
        KnowledgeBase declared = KnowledgeBase.get().withExtra(List.of(
                new ExtraImage("golang", "1.22*", null, null, null, null, "native", List.of(), false)));
        ImageMatch d = declared.match(ImageRef.parse("golang:1.22")).orElseThrow();
        assertThat(d.toolchain()).isFalse();
        assertThat(d.runtime()).isEqualTo(ImageRuntime.NATIVE);
    }
}
