package dev.dockdiet.size;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Savings.SizeKind;
import dev.dockdiet.size.SizeFigure.Fit;
import dev.dockdiet.syntax.ImageRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeBaseMatchTest {

    private static final KnowledgeBase KB = KnowledgeBase.get();

    static ImageMatch match(String image) {
        ImageRef ref = ImageRef.parse(image);
        assertThat(ref).as(image).isNotNull();
        return KB.match(ref).orElseThrow(() -> new AssertionError("no match for " + image));
    }

    @Test
    void versionedTagWithOsReleaseOfAnotherMajorHasNoFigure() {
        ImageMatch m = match("node:20.11-bookworm");
        assertThat(m.family()).isEqualTo("node");
        assertThat(m.variant()).isEqualTo("full");
        assertThat(m.version()).isEqualTo("20.11");
        assertThat(m.os()).isEqualTo("bookworm");
        assertThat(m.runtime()).isEqualTo(ImageRuntime.NODE);
        assertThat(m.toolchain()).isTrue();
        assertThat(m.figures()).as("the only full-node figure is for node 22").isEmpty();
    }

    @Test
    void aFigureStandsForItsWholeVersionLineOnTheSameOs() {
        ImageMatch m = match("node:22.11-bookworm");
        SizeFigure f = m.figure().orElseThrow();
        assertThat(f.kind()).isEqualTo(SizeKind.COMPRESSED);
        assertThat(f.bytes()).isEqualTo(408_200_000L);
        assertThat(f.basis()).isEqualTo("node:22-bookworm");
        assertThat(f.fit()).isEqualTo(Fit.EXACT);
        assertThat(f.platform()).isEqualTo("linux/amd64");
        assertThat(f.asOf()).isEqualTo("2026-04");
        assertThat(f.source()).startsWith("https://github.com/docker-library/repo-info/");
    }

    @Test
    void aTagWithoutOsReleaseGetsTheFigureLabelledAsMeasuredOnAnExplicitRelease() {
        SizeFigure f = match("rust:1").figure().orElseThrow();
        assertThat(f.bytes()).isEqualTo(562_500_000L);
        assertThat(f.fit()).isEqualTo(Fit.DEFAULT_OS);
        assertThat(f.basis()).isEqualTo("rust:1-bookworm");
        // node:22 itself was measured: the exact tag wins over node:22-bookworm
        SizeFigure node = match("node:22").figure().orElseThrow();
        assertThat(node.basis()).isEqualTo("node:22");
        assertThat(node.fit()).isEqualTo(Fit.EXACT);
        assertThat(node.asOf()).isEqualTo("2026-09-19");
    }

    @Test
    void anotherOsReleaseThanTheMeasuredOneHasNoFigure() {
        assertThat(match("node:22-trixie").figures()).isEmpty();
        assertThat(match("node:22-alpine3.19").figures()).isEmpty();
        assertThat(match("node:22-alpine3.24").figure().orElseThrow().bytes()).isEqualTo(60_700_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"node:22", "docker.io/library/node:22", "index.docker.io/library/node:22",
            "docker.io/node:22", "registry-1.docker.io/library/node:22"})
    void registriesAndOfficialPrefixesAreNormalised(String image) {
        ImageMatch m = match(image);
        assertThat(m.family()).isEqualTo("node");
        assertThat(m.figure().orElseThrow().bytes()).isEqualTo(408_499_334L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"amd64/node:22", "mcr.microsoft.com/mirror/docker/library/node:22",
            "public.ecr.aws/docker/library/node:22", "library/node:22"})
    void architectureRepositoriesAndMirrorsAreTheOfficialImage(String image) {
        ImageMatch m = match(image);
        assertThat(m.family()).isEqualTo("node");
        assertThat(m.figure().orElseThrow().bytes()).isEqualTo(408_499_334L);
        assertThat(m.platform()).isNull();
    }

    @Test
    void anotherArchitectureSaysTheFigureIsAmd64() {
        ImageMatch m = match("arm64v8/alpine:3.24");
        assertThat(m.family()).isEqualTo("alpine");
        assertThat(m.platform()).isEqualTo("linux/arm64/v8");
        assertThat(m.figure().orElseThrow().platform()).isEqualTo("linux/amd64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bitnami/node:22", "ghcr.io/library/node:22", "mycorp/app:1", "node-app:1",
            "quay.io/prometheus/node-exporter:v1.8.0", "localhost:5000/node:22", "gcr.io/distroless/unknownthing"})
    void unknownImagesAreNotMatched(String image) {
        assertThat(KB.match(ImageRef.parse(image))).as(image).isEmpty();
    }

    @Test
    void nullRefIsNotMatched() {
        assertThat(KB.match(null)).isEmpty();
    }

    @Test
    void otherMajorVersionsHaveTheirOwnFigureOrARange() {
        ImageMatch m = match("node:18");
        assertThat(m.variant()).isEqualTo("full");
        assertThat(m.version()).isEqualTo("18");
        assertThat(m.figure().orElseThrow().asOf()).isEqualTo("2023-01-11");
        ImageMatch unmeasured = match("node:21");
        assertThat(unmeasured.sizeKnown()).isFalse();
        SizeRange r = unmeasured.range();
        assertThat(r).isNotNull();
        assertThat(r.minBytes()).isLessThan(r.maxBytes());
        assertThat(r.describe()).startsWith("node full images: ").contains("compressed, lines 14–26, 2023-01…2026-");
    }

    @Test
    void aPatchVersionIsServedByItsLineAndAnExactTagByItself() {
        assertThat(match("golang:1.24.3").figures()).isEmpty();
        assertThat(match("golang:1.24.3").range().describe()).startsWith("golang full images: ");
        assertThat(match("golang:1.26.3").figure().orElseThrow().basis()).isEqualTo("golang:1.26");
        assertThat(match("golang:1.26.6").figure().orElseThrow().basis()).isEqualTo("golang:1.26.6");
        assertThat(match("python:3.11").figure().orElseThrow().basis()).isEqualTo("python:3.11");
    }

    @Test
    void keywordVersionsAndVariantsAreParsed() {
        ImageMatch m = match("node:lts-alpine");
        assertThat(m.version()).isEqualTo("lts");
        assertThat(m.variant()).isEqualTo("alpine");
        assertThat(m.toolchain()).isFalse();
        assertThat(m.traps()).extracting(Trap::id).contains("musl-node");
        assertThat(m.figure().orElseThrow().basis()).isEqualTo("node:lts-alpine");
    }

    @Test
    void latestAndNoTagAreTheFullVariantWithoutVersionAndUnsized() {
        for (String image : new String[] {"node", "node:latest"}) {
            ImageMatch m = match(image);
            assertThat(m.variant()).isEqualTo("full");
            assertThat(m.version()).isNull();
            assertThat(m.figure().orElseThrow().basis()).as("measured on node:latest itself").isEqualTo("node:latest");
        }
        assertThat(match("node:slim").variant()).isEqualTo("slim");
    }

    @Test
    void digestOnlyKnowsTheFamilyButNotTheVariantOrSize() {
        ImageMatch m = match("node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        assertThat(m.family()).isEqualTo("node");
        assertThat(m.variant()).isNull();
        assertThat(m.version()).isNull();
        assertThat(m.figures()).isEmpty();
    }

    @Test
    void tagAndDigestAreMatchedByTheTag() {
        ImageMatch m = match("node:22-bookworm@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        assertThat(m.figure().orElseThrow().bytes()).isEqualTo(408_200_000L);
    }

    @Test
    void unknownTagComponentsGiveNoVariant() {
        ImageMatch m = match("node:22-bookworm-custom");
        assertThat(m.family()).isEqualTo("node");
        assertThat(m.variant()).isNull();
        assertThat(m.figures()).isEmpty();
    }

    @Test
    void pythonSlimWithOsReleaseOnAnUnmeasuredMinor() {
        ImageMatch m = match("python:3.12-slim-bookworm");
        assertThat(m.variant()).isEqualTo("slim");
        assertThat(m.version()).isEqualTo("3.12");
        assertThat(m.os()).isEqualTo("bookworm");
        assertThat(m.figure().orElseThrow().basis()).isEqualTo("python:3.12-slim-bookworm");
        assertThat(match("python:3.13-slim-bookworm").figures()).isEmpty();
        assertThat(match("python:3.13-slim-bookworm").range()).isNotNull();
    }

    @Test
    void pythonFiguresCoverTheFloatingTagAndTheMeasuredMinorOnly() {
        ImageMatch floating = match("python:3-slim-bookworm");
        assertThat(floating.figure(SizeKind.COMPRESSED).orElseThrow().bytes()).isEqualTo(44_800_000L);
        assertThat(floating.figure(SizeKind.UNCOMPRESSED).orElseThrow().bytes()).isEqualTo(122_340_000L);
        ImageMatch minor = match("python:3.14.7-slim");
        assertThat(minor.figure(SizeKind.COMPRESSED).orElseThrow().basis()).isEqualTo("python:3.14-slim");
        assertThat(minor.figure(SizeKind.UNCOMPRESSED).orElseThrow().fit()).isEqualTo(Fit.DEFAULT_OS);
        assertThat(match("python:3.13").figure().orElseThrow().basis()).isEqualTo("python:3.13");
    }

    @Test
    void temurinJdkAndJre() {
        ImageMatch jdk = match("eclipse-temurin:21-jdk");
        assertThat(jdk.family()).isEqualTo("eclipse-temurin");
        assertThat(jdk.variant()).isEqualTo("jdk");
        assertThat(jdk.toolchain()).isTrue();
        assertThat(jdk.runtime()).isEqualTo(ImageRuntime.JVM);
        assertThat(jdk.figure().orElseThrow().bytes()).isEqualTo(230_080_573L);
        assertThat(match("eclipse-temurin:21").variant()).as("jdk is the default").isEqualTo("jdk");
        assertThat(match("eclipse-temurin:21.0.2_13-jdk").figure().orElseThrow().bytes()).isEqualTo(230_080_573L);

        ImageMatch jre = match("eclipse-temurin:21-jre");
        assertThat(jre.toolchain()).isFalse();
        assertThat(jre.figure(SizeKind.COMPRESSED).orElseThrow().bytes()).isEqualTo(121_136_054L);
        assertThat(jre.figure(SizeKind.UNCOMPRESSED).orElseThrow().bytes()).isEqualTo(318_140_000L);
        ImageMatch noble = match("eclipse-temurin:21-jre-noble");
        assertThat(noble.figure(SizeKind.COMPRESSED)).isPresent();
        assertThat(noble.figure(SizeKind.UNCOMPRESSED)).as("measured on resolute").isEmpty();
    }

    @Test
    void dotnetImagesOnMcr() {
        ImageMatch sdk8 = match("mcr.microsoft.com/dotnet/sdk:8.0");
        assertThat(sdk8.family()).isEqualTo("dotnet/sdk");
        assertThat(sdk8.toolchain()).isTrue();
        assertThat(sdk8.runtime()).isEqualTo(ImageRuntime.DOTNET);
        SizeFigure f = sdk8.figure().orElseThrow();
        assertThat(f.kind()).isEqualTo(SizeKind.UNCOMPRESSED);
        assertThat(f.bytes()).isEqualTo(823_500_000L);
        assertThat(f.asOf()).isEqualTo("2025-04");

        assertThat(match("mcr.microsoft.com/dotnet/sdk:9.0").figures())
                .as("9.0 was measured on bookworm-slim and noble with different sizes: ambiguous").isEmpty();
        assertThat(match("mcr.microsoft.com/dotnet/sdk:9.0-bookworm-slim").figure().orElseThrow().bytes()).isEqualTo(896_400_000L);
        assertThat(match("mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled").figure().orElseThrow().bytes()).isEqualTo(110_600_000L);
        assertThat(match("mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled-extra").figure().orElseThrow().bytes()).isEqualTo(148_100_000L);
        assertThat(match("mcr.microsoft.com/dotnet/aspnet:9.0").toolchain()).isFalse();
        assertThat(match("mcr.microsoft.com/dotnet/core/sdk:3.1").family()).isEqualTo("dotnet/sdk");
    }

    @Test
    void distrolessNamesCarryVersionAndOs() {
        ImageMatch s12 = match("gcr.io/distroless/static-debian12:nonroot");
        assertThat(s12.family()).isEqualTo("distroless/static");
        assertThat(s12.variant()).isEqualTo("default");
        assertThat(s12.os()).isEqualTo("debian12");
        assertThat(s12.runtime()).isEqualTo(ImageRuntime.GO_STATIC);
        assertThat(s12.traps()).extracting(Trap::id).contains("static-binary", "no-shell");
        assertThat(s12.figures()).as("the only figure was measured on the unsuffixed name in 2023").isEmpty();

        assertThat(match("gcr.io/distroless/static:nonroot").figure().orElseThrow().bytes()).isEqualTo(2_430_000L);
        assertThat(match("gcr.io/distroless/static").figure().orElseThrow().bytes()).isEqualTo(2_430_000L);
        assertThat(match("gcr.io/distroless/static:debug").variant()).isEqualTo("debug");

        ImageMatch node = match("gcr.io/distroless/nodejs20-debian12");
        assertThat(node.version()).isEqualTo("20");
        assertThat(node.runtime()).isEqualTo(ImageRuntime.NODE);
        assertThat(node.figure().orElseThrow().bytes()).isEqualTo(181_000_000L);
        assertThat(match("gcr.io/distroless/nodejs22-debian13").figures()).isEmpty();

        ImageMatch java = match("gcr.io/distroless/java25-debian13:nonroot");
        assertThat(java.figure(SizeKind.COMPRESSED).orElseThrow().bytes()).isEqualTo(72_700_000L);
        assertThat(java.figure(SizeKind.UNCOMPRESSED).orElseThrow().bytes()).isEqualTo(228_000_000L);
    }

    @Test
    void osImagesUseCodenamesAndNumbersAlike() {
        assertThat(match("debian:bookworm").figure().orElseThrow().bytes()).isEqualTo(48_497_091L);
        assertThat(match("debian:12").figure().orElseThrow().bytes()).isEqualTo(48_497_091L);
        assertThat(match("debian:12.5").figure().orElseThrow().bytes()).isEqualTo(48_497_091L);
        assertThat(match("debian:bookworm-slim").figure().orElseThrow().bytes()).isEqualTo(28_232_590L);
        assertThat(match("debian:bullseye").figure().orElseThrow().bytes()).isEqualTo(53_777_019L);
        assertThat(match("debian:stable").figure().orElseThrow().basis()).isEqualTo("debian:stable");
        assertThat(match("ubuntu:24.04").figure().orElseThrow().bytes()).isEqualTo(29_800_000L);
        assertThat(match("ubuntu:noble").figure().orElseThrow().bytes()).isEqualTo(29_800_000L);
        assertThat(match("ubuntu:22.04").figure().orElseThrow().basis()).isEqualTo("ubuntu:jammy");
        assertThat(match("alpine:3.24").figure(SizeKind.COMPRESSED).orElseThrow().bytes()).isEqualTo(3_849_738L);
        assertThat(match("alpine:3.24.2").figure(SizeKind.UNCOMPRESSED).orElseThrow().bytes()).isEqualTo(8_420_000L);
        assertThat(match("alpine:3.19").figures()).isEmpty();
        assertThat(match("alpine:3.19").range().describe()).startsWith("alpine default images: ");
        assertThat(match("alpine").figure().orElseThrow().basis()).as("measured on alpine:latest").isEqualTo("alpine:latest");
    }

    @Test
    void scratchIsEmpty() {
        ImageMatch m = match("scratch");
        assertThat(m.figure(SizeKind.COMPRESSED).orElseThrow().bytes()).isZero();
        assertThat(m.figure(SizeKind.UNCOMPRESSED).orElseThrow().bytes()).isZero();
        assertThat(m.traps()).extracting(Trap::id).contains("scratch-ca-certs", "scratch-tzdata", "no-shell");
    }

    @Test
    void buildImagesAreToolchains() {
        for (String image : new String[] {"golang:1.22", "golang:1.22-alpine", "rust:1.75", "rust:1-slim-bookworm",
                "maven:3.9-eclipse-temurin-17", "gradle:8.5-jdk21", "gcc:13", "buildpack-deps:bookworm",
                "openjdk:17", "amazoncorretto:21", "mcr.microsoft.com/dotnet/sdk:8.0", "eclipse-temurin:17-jdk-alpine"}) {
            assertThat(match(image).toolchain()).as(image).isTrue();
        }
        for (String image : new String[] {"node:22-slim", "python:3.12", "eclipse-temurin:17-jre", "openjdk:8-jre-alpine",
                "debian:bookworm", "nginx:stable", "php:8.3-fpm", "ruby:3.3", "gcr.io/distroless/cc-debian12"}) {
            assertThat(match(image).toolchain()).as(image).isFalse();
        }
    }

    @Test
    void goFiguresKeepTheirLines() {
        assertThat(match("golang:1.22").figures()).isEmpty();
        ImageMatch one = match("golang:1");
        assertThat(one.figures()).hasSize(2).allMatch(f -> f.fit() == Fit.DEFAULT_OS);
        ImageMatch minor = match("golang:1.26.6-bookworm");
        assertThat(minor.figure(SizeKind.UNCOMPRESSED).orElseThrow().bytes()).isEqualTo(833_460_000L);
        assertThat(minor.figure(SizeKind.COMPRESSED).orElseThrow().basis()).isEqualTo("golang:1.26.6-bookworm");
    }

    @Test
    void mavenAndGradleBindTheJdkVersion() {
        assertThat(match("maven:3-eclipse-temurin-21").figure().orElseThrow().bytes()).isEqualTo(242_713_952L);
        ImageMatch m17 = match("maven:3-eclipse-temurin-17");
        assertThat(m17.variant()).isEqualTo("eclipse-temurin");
        assertThat(m17.figure().orElseThrow().bytes()).as("its own figure, not JDK 21's").isEqualTo(230_444_090L);
        assertThat(match("gradle:jdk21").figure().orElseThrow().bytes()).isEqualTo(445_300_000L);
        assertThat(match("gradle:8.5-jdk21").figures()).isEmpty();
        assertThat(match("gradle:jdk17").figure().orElseThrow().bytes()).isEqualTo(431_757_850L);
    }

    @Test
    void openjdkIsDeprecatedAndUnsized() {
        ImageMatch m = match("openjdk:17-jdk-slim");
        assertThat(m.deprecated()).isTrue();
        assertThat(m.variant()).isEqualTo("jdk-slim");
        assertThat(m.figures()).isEmpty();
        assertThat(m.note()).contains("deprecated");
    }

    @Test
    void phpAndRubyAndNginx() {
        assertThat(match("php:8").variant()).isEqualTo("cli");
        assertThat(match("php:8-cli").figure().orElseThrow().bytes()).isEqualTo(189_200_000L);
        assertThat(match("php:8.3-cli").figure().orElseThrow().basis()).isEqualTo("php:8.3");
        assertThat(match("php:8-fpm-alpine").figure().orElseThrow().bytes()).isEqualTo(38_700_000L);
        assertThat(match("ruby:3-slim-bookworm").figure().orElseThrow().bytes()).isEqualTo(73_200_000L);
        assertThat(match("nginx:stable").figure().orElseThrow().bytes()).isEqualTo(66_084_169L);
        assertThat(match("nginx:stable-alpine").figure().orElseThrow().bytes()).isEqualTo(28_532_058L);
        assertThat(match("nginx:1.27-alpine-slim").variant()).isEqualTo("alpine-slim");
        assertThat(match("nginx").figure().orElseThrow().basis()).isEqualTo("nginx:latest");
    }
}
