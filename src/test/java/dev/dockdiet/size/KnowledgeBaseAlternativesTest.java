package dev.dockdiet.size;

import static dev.dockdiet.size.KnowledgeBaseMatchTest.match;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Savings.SizeKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeBaseAlternativesTest {

    private static final KnowledgeBase KB = KnowledgeBase.get();

    private static List<Alternative> alternatives(String image) {
        return KB.alternatives(match(image));
    }

    private static List<String> images(String image) {
        return alternatives(image).stream().map(Alternative::image).toList();
    }

    @Test
    void nodeKeepsThePinnedMajorAndOffersDistrolessOnlyWhereItExists() {
        assertThat(images("node:18")).containsExactly("node:18-slim", "node:18-alpine");
        assertThat(images("node:20")).containsExactly("node:20-slim", "node:20-alpine", "gcr.io/distroless/nodejs20-debian12");
        assertThat(images("node:22.11.0")).containsExactly("node:22.11.0-slim", "node:22.11.0-alpine",
                "gcr.io/distroless/nodejs22-debian13");
        assertThat(images("node:20.11-bookworm")).startsWith("node:20.11-bookworm-slim", "node:20.11-alpine");
        assertThat(images("node:lts")).containsExactly("node:lts-slim", "node:lts-alpine");
        assertThat(images("node")).containsExactly("node:slim", "node:alpine");
        assertThat(images("node:22-slim")).containsExactly("node:22-alpine", "gcr.io/distroless/nodejs22-debian13");
        assertThat(images("node:22-alpine")).isEmpty();
    }

    @Test
    void unknownFiguresGiveNullFigureAndSaving() {
        for (Alternative a : alternatives("node:21")) {
            assertThat(a.figure()).as(a.image()).isNull();
            assertThat(a.savingBytes()).as(a.image()).isNull();
            // both ends of the variants' measured ranges: a range, never a point
            KB.saving(match("node:21"), a).ifPresent(sv -> assertThat(sv.isRange()).as(a.image()).isTrue());
        }
        assertThat(KB.saving(match("node:21"), alternatives("node:21").get(0))).isPresent();
    }

    @Test
    void knownFiguresOfOneKindGiveTheSaving() {
        ImageMatch base = match("node:22-bookworm");
        List<Alternative> alts = KB.alternatives(base);
        Alternative slim = alts.get(0);
        assertThat(slim.image()).isEqualTo("node:22-bookworm-slim");
        assertThat(slim.figure().kind()).isEqualTo(SizeKind.COMPRESSED);
        assertThat(slim.figure().bytes()).isEqualTo(79_800_000L);
        assertThat(slim.savingBytes()).isEqualTo(408_200_000L - 79_800_000L);
        assertThat(slim.traps()).extracting(Trap::id).contains("slim-no-build-tools");

        Savings s = KB.saving(base, slim).orElseThrow();
        assertThat(s.bytes()).isEqualTo(328_400_000L);
        assertThat(s.kind()).isEqualTo(SizeKind.COMPRESSED);
        assertThat(s.asOf()).isEqualTo("2026-04/2026-09-18");
        assertThat(s.source()).contains("22-bookworm.md").contains("22-bookworm-slim.md");

        Alternative alpine = alts.get(1);
        assertThat(alpine.image()).isEqualTo("node:22-alpine");
        assertThat(alpine.savingBytes()).isEqualTo(408_200_000L - 60_700_000L);
        assertThat(alpine.traps()).extracting(Trap::id).contains("musl-node");

        Alternative distroless = alts.get(2);
        assertThat(distroless.image()).isEqualTo("gcr.io/distroless/nodejs22-debian13");
        assertThat(distroless.traps()).extracting(Trap::id).contains("no-shell", "distroless-node-entrypoint");
        assertThat(distroless.figure()).isNull();
        assertThat(distroless.savingBytes()).isNull();
    }

    @Test
    void kindsAreNeverMixed() {
        // node:20-slim has no figure; node:20-alpine only an uncompressed one; distroless nodejs20 an uncompressed one
        ImageMatch base = match("node:22-bookworm-slim"); // compressed and uncompressed
        for (Alternative a : KB.alternatives(base)) {
            if (a.figure() != null && a.savingBytes() != null) {
                SizeFigure b = base.figure(a.figure().kind()).orElseThrow();
                assertThat(a.savingBytes()).isEqualTo(b.bytes() - a.figure().bytes());
            }
        }
        // golang:1 has both kinds; distroless static only uncompressed: the comparison uses uncompressed
        ImageMatch go = match("golang:1");
        Alternative scratch = KB.alternatives(go).stream().filter(a -> a.image().equals("scratch")).findFirst().orElseThrow();
        assertThat(scratch.figure().kind()).isEqualTo(SizeKind.COMPRESSED);
        assertThat(scratch.savingBytes()).isEqualTo(296_800_000L);
        // a compressed-only base against an uncompressed-only alternative: no figure, no saving
        ImageMatch slim = match("node:22-bookworm");
        ImageMatch distroless20 = match("gcr.io/distroless/nodejs20-debian12");
        assertThat(slim.figure(SizeKind.UNCOMPRESSED)).isEmpty();
        assertThat(distroless20.figure(SizeKind.COMPRESSED)).isEmpty();
    }

    @Test
    void aBiggerAlternativeHasANegativeDifferenceAndNoSaving() {
        ImageMatch base = match("node:20-alpine"); // 135 MB uncompressed, measured on alpine3.19
        assertThat(base.figure(SizeKind.UNCOMPRESSED).orElseThrow().fit()).isEqualTo(SizeFigure.Fit.DEFAULT_OS);
        assertThat(KB.alternatives(base)).isEmpty();
        ImageMatch slim = match("node:20-slim");
        Alternative d = KB.alternatives(slim).stream()
                .filter(a -> a.image().startsWith("gcr.io/distroless")).findFirst().orElseThrow();
        assertThat(d.figure()).as("node:20-slim has no figure, so distroless shows its own").isNotNull();
        assertThat(d.savingBytes()).isNull();
    }

    @Test
    void pythonKeepsItsMinorAndOnlyOffersDistrolessFor311() {
        assertThat(images("python:3.11")).containsExactly("python:3.11-slim", "python:3.11-alpine",
                "gcr.io/distroless/python3-debian12");
        assertThat(images("python:3.12")).containsExactly("python:3.12-slim", "python:3.12-alpine");
        assertThat(images("python:3.12-bookworm")).startsWith("python:3.12-slim-bookworm");
        assertThat(images("python:3.12-slim-bookworm")).containsExactly("python:3.12-alpine");
        Alternative distroless = alternatives("python:3.11").get(2);
        assertThat(distroless.traps()).extracting(Trap::id).contains("distroless-python-version", "no-shell");
        assertThat(alternatives("python:3.11").get(1).traps()).extracting(Trap::id).contains("musl-python");
    }

    @Test
    void debianGoesSlimInTheSameStyle() {
        List<Alternative> alts = alternatives("debian:bookworm");
        assertThat(alts).extracting(Alternative::image).containsExactly("debian:bookworm-slim");
        assertThat(alts.get(0).savingBytes()).isEqualTo(48_497_091L - 28_232_590L);
        assertThat(images("debian:12")).containsExactly("debian:12-slim");
        assertThat(images("debian:latest")).as("there is no debian:slim tag").isEmpty();
        assertThat(images("ubuntu:24.04")).isEmpty();
    }

    @Test
    void jdkGoesToJreOfTheSameVersion() {
        List<Alternative> alts = alternatives("eclipse-temurin:21-jdk");
        assertThat(alts).extracting(Alternative::image).containsExactly("eclipse-temurin:21-jre",
                "eclipse-temurin:21-jre-alpine", "gcr.io/distroless/java21-debian13");
        assertThat(alts.get(0).savingBytes()).isEqualTo(230_080_573L - 121_136_054L);
        assertThat(alts.get(0).traps()).extracting(Trap::id).contains("jre-no-jdk-tools");
        assertThat(alts.get(1).traps()).extracting(Trap::id).contains("musl-jvm");
        assertThat(images("eclipse-temurin:17-jdk-jammy")).startsWith("eclipse-temurin:17-jre-jammy");
        assertThat(images("eclipse-temurin:11")).containsExactly("eclipse-temurin:11-jre", "eclipse-temurin:11-jre-alpine");
        assertThat(images("eclipse-temurin:21-jdk-alpine")).containsExactly("eclipse-temurin:21-jre-alpine");
    }

    @Test
    void openjdkGoesToTemurinJreWithATrap() {
        List<Alternative> alts = alternatives("openjdk:17");
        assertThat(alts.get(0).image()).isEqualTo("eclipse-temurin:17-jre");
        assertThat(alts.get(0).traps()).extracting(Trap::id).contains("openjdk-deprecated", "jre-no-jdk-tools");
        assertThat(images("openjdk:17-jdk-slim")).containsExactly("eclipse-temurin:17-jre");
        assertThat(images("openjdk:8-jre-alpine")).containsExactly("eclipse-temurin:8-jre-alpine");
        assertThat(images("openjdk:19")).as("no temurin 19 images are offered").isEmpty();
    }

    @Test
    void buildImagesPointToRuntimeImagesOfTheSameVersion() {
        assertThat(images("maven:3.9-eclipse-temurin-17")).containsExactly("eclipse-temurin:17-jre",
                "eclipse-temurin:17-jre-alpine", "gcr.io/distroless/java17-debian13");
        assertThat(images("gradle:8.5-jdk21-alpine")).containsExactly("eclipse-temurin:21-jre-alpine");
        assertThat(images("gradle:jdk11")).containsExactly("eclipse-temurin:11-jre", "eclipse-temurin:11-jre-alpine");

        List<Alternative> go = alternatives("golang:1.22");
        assertThat(go).extracting(Alternative::image).containsExactly("gcr.io/distroless/static-debian12:nonroot",
                "scratch", "gcr.io/distroless/base-debian12:nonroot");
        assertThat(go.get(1).traps()).extracting(Trap::id)
                .contains("static-binary", "scratch-ca-certs", "scratch-tzdata", "scratch-passwd");
        assertThat(go.get(2).note()).contains("CGO");

        assertThat(images("rust:1.75")).containsExactly("gcr.io/distroless/cc-debian12", "debian:bookworm-slim");
        assertThat(images("buildpack-deps:bookworm")).containsExactly("debian:bookworm-slim");
        assertThat(images("buildpack-deps:noble")).isEmpty();
    }

    @Test
    void dotnetSdkGoesToAspnetAndRuntimeOfTheSameChannelAndOs() {
        assertThat(images("mcr.microsoft.com/dotnet/sdk:8.0")).containsExactly(
                "mcr.microsoft.com/dotnet/aspnet:8.0", "mcr.microsoft.com/dotnet/runtime:8.0");
        assertThat(images("mcr.microsoft.com/dotnet/sdk:8.0.404-bookworm-slim")).containsExactly(
                "mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim", "mcr.microsoft.com/dotnet/runtime:8.0-bookworm-slim");
        List<Alternative> alpine = alternatives("mcr.microsoft.com/dotnet/sdk:9.0-alpine");
        assertThat(alpine.get(0).image()).isEqualTo("mcr.microsoft.com/dotnet/aspnet:9.0-alpine");
        assertThat(alpine.get(0).figure().kind()).isEqualTo(SizeKind.UNCOMPRESSED);
        assertThat(alpine.get(0).savingBytes()).isEqualTo(720_100_000L - 108_000_000L);
        assertThat(alpine.get(1).traps()).extracting(Trap::id).contains("dotnet-runtime-no-aspnet");
        assertThat(images("mcr.microsoft.com/dotnet/aspnet:9.0")).containsExactly(
                "mcr.microsoft.com/dotnet/aspnet:9.0-alpine", "mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled");
        assertThat(alternatives("mcr.microsoft.com/dotnet/aspnet:9.0").get(1).traps()).extracting(Trap::id)
                .contains("dotnet-chiseled");
    }

    @Test
    void phpRubyNginx() {
        assertThat(images("php:8.3-apache")).containsExactly("php:8.3-fpm-alpine");
        assertThat(alternatives("php:8.3-apache").get(0).traps()).extracting(Trap::id).contains("php-fpm-needs-web-server");
        assertThat(images("php:8.3")).containsExactly("php:8.3-cli-alpine");
        List<Alternative> apache = alternatives("php:8-apache");
        assertThat(apache.get(0).savingBytes()).isEqualTo(184_663_224L - 38_700_000L);
        assertThat(images("ruby:3.3-bookworm")).containsExactly("ruby:3.3-slim-bookworm", "ruby:3.3-alpine");
        assertThat(alternatives("ruby:3-bookworm").get(0).savingBytes()).isEqualTo(390_200_000L - 73_200_000L);
        assertThat(images("nginx:stable")).containsExactly("nginx:stable-alpine", "nginx:stable-alpine-slim");
        assertThat(alternatives("nginx:stable").get(0).savingBytes()).isEqualTo(66_084_169L - 28_532_058L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"node:18", "node:18.19.1-bookworm", "python:3.9", "eclipse-temurin:17", "openjdk:11",
            "debian:11", "mcr.microsoft.com/dotnet/sdk:6.0", "ruby:3.1", "php:7.4-apache"})
    void alternativesNeverChangeThePinnedVersion(String image) {
        ImageMatch base = match(image);
        String major = base.version().split("[.-]")[0];
        for (Alternative a : KB.alternatives(base)) {
            assertThat(a.image()).as(image + " -> " + a.image()).contains(major);
            ImageMatch m = KB.match(a.ref()).orElseThrow();
            if (m.version() != null) {
                assertThat(m.version()).as(a.image()).startsWith(major);
            }
        }
        assertThat(KB.alternatives(base)).as(image).isNotEmpty();
    }

    @Test
    void unknownVariantsOrDigestsHaveNoAlternatives() {
        assertThat(images("node:22-bookworm-custom")).isEmpty();
        assertThat(images("node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")).isEmpty();
    }
}
