package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizesCommandTest {

    @Test
    void aMeasuredImageShowsItsFigureAlternativesAndMeasuredTags() {
        CliRunner.Run r = CliRunner.run("sizes", "eclipse-temurin:21-jdk");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("family eclipse-temurin, variant jdk")
                .contains("size: 230 MB compressed, measured on eclipse-temurin:21-jdk (linux/amd64, 2026-09-09), "
                        + "https://github.com/docker-library/repo-info/blob/")
                .contains("eclipse-temurin:21-jre  121 MB compressed (measured on eclipse-temurin:21-jre, 2026-09-09): saves ~109 MB compressed")
                .contains("measured tags of eclipse-temurin:")
                // the older figure of the same tag stays visible
                .contains("earlier eclipse-temurin:21-jdk 224 MB 2026");
    }

    @Test
    void anUnmeasuredTagShowsTheRangeOfItsVariantAndAMirrorIsTheOfficialImage() {
        CliRunner.Run r = CliRunner.run("sizes", "mcr.microsoft.com/mirror/docker/library/golang:1.21", "mycorp/app:1");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("(the official image golang:1.21)")
                .contains("size: not measured itself; golang full images: 290–361 MB compressed, lines 1.18–1.27, 2023-01…2026-09")
                .contains("mycorp/app:1\n  not in the knowledge base: size unknown");
        assertThat(CliRunner.run("sizes", "mycorp/app:1").code()).isEqualTo(1);
    }
}
