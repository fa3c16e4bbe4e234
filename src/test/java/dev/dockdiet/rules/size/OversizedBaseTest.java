package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rules.RuleTester;
import dev.dockdiet.size.KnowledgeBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class OversizedBaseTest {

    private static RuleTester tester() {
        return RuleTester.of(new OversizedBase()).services(t -> t == KnowledgeBase.class ? KnowledgeBase.get() : null);
    }

    @Test
    void cases() {
        tester()
                .valid(
                        "FROM node:18-slim\nCMD [\"node\", \"app.js\"]\n",
                        "FROM node:22-alpine\n",
                        "FROM gcr.io/distroless/nodejs22-debian13\n",
                        "FROM scratch\nCOPY app /app\n",
                        "FROM python:3.12-slim\n",
                        "FROM eclipse-temurin:21-jre\n",
                        // a correct multi-stage build: the full image only builds
                        "FROM node:18 AS build\nRUN npm ci && npm run build\nFROM node:18-slim\nCOPY --from=build /app/dist /app\n",
                        // build toolchains in the final stage are DD102's business
                        "FROM golang:1.22\nRUN go build -o /app .\n",
                        "FROM maven:3-eclipse-temurin-21\n",
                        // a JDK that compiles in the final image is needed there (DD103 speaks)
                        "FROM eclipse-temurin:21-jdk\nRUN javac Main.java\n",
                        // unknown images: nothing is guessed
                        "FROM mycorp/base:1\n",
                        "FROM ${BASE}\n")
                .fix("FROM node:18\nCMD [\"node\", \"app.js\"]\n", Applicability.SUGGESTED,
                        "FROM node:18-slim\nCMD [\"node\", \"app.js\"]\n",
                        at(1, 6, "node:18, a full image, 370 MB (compressed, linux/amd64, measured on node:18, docker-library/repo-info 2023-01-11); node:18-slim is 80 MB"))
                .fix("FROM python:3\n", Applicability.SUGGESTED, "FROM python:3-slim\n",
                        at(1, 6, "python:3, a full image, 415 MB (compressed, linux/amd64, measured on python:3, "
                                + "docker-library/repo-info 2026-08-25); python:3-slim is 45 MB (compressed, linux/amd64, "
                                + "measured on python:3-slim-bookworm, docker-library/repo-info 2026-08-24): saves ~370 MB"))
                .fix("FROM eclipse-temurin:21-jdk\nCOPY app.jar /app.jar\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n",
                        Applicability.SUGGESTED,
                        "FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n",
                        at(1, 6, "eclipse-temurin:21-jdk, a JDK, 230 MB (compressed, linux/amd64, measured on eclipse-temurin:21-jdk"))
                .fix("FROM debian:bookworm\n", Applicability.SUGGESTED, "FROM debian:bookworm-slim\n",
                        at(1, 6, "debian:bookworm-slim is 28 MB"))
                // through a FROM <stage> chain, the root image is rewritten
                .fix("FROM node:20 AS base\nWORKDIR /app\nFROM base\nCMD [\"node\"]\n", Applicability.SUGGESTED,
                        "FROM node:20-slim AS base\nWORKDIR /app\nFROM base\nCMD [\"node\"]\n",
                        at(1, 6, "The final stage (through stage 'base') starts from node:20"))
                // the base is shared with a build stage: no rewrite, the build may need the full image
                .invalid("FROM node:20 AS base\nFROM base AS build\nRUN npm run build\nFROM base\nCOPY --from=build /d /d\n",
                        at(1, 6, "node:20"))
                // ARG-built and digest-pinned images are reported, never rewritten
                .invalid("ARG V=18\nFROM node:${V}\n", at(2, 6, "node:18"))
                .invalid("FROM node:20@sha256:0123456789abcdef\n", at(1, 6, "node:20@sha256"))
                .test();
    }

    @Test
    void savingsOnlyWhenLookedUp() {
        List<Finding> known = tester().findings("FROM node:22\n");
        assertThat(known).singleElement().satisfies(f -> {
            assertThat(f.savings()).isNotNull();
            assertThat(f.savings().bytes()).isEqualTo(408_499_334L - 79_893_445L);
            assertThat(f.savings().source()).contains("repo-info");
        });
        // an unmeasured line: the saving is the range of both variants' measured lines
        assertThat(tester().findings("FROM node:21\n")).singleElement().satisfies(f -> assertThat(f.savings().isRange()).isTrue());
        // without a knowledge-base service: still the advice, never a figure
        List<Finding> none = RuleTester.of(new OversizedBase()).findings("FROM node:22\n");
        assertThat(none).singleElement().satisfies(f -> {
            assertThat(f.savings()).isNull();
            assertThat(f.message()).contains("size unknown").doesNotContain("MB");
        });
    }

    @Test
    void devContainersAreLeftAlone() {
        var ctx = new dev.dockdiet.rule.RuleContext(dev.dockdiet.syntax.Dockerfile.parse("FROM node:22\n"),
                java.nio.file.Path.of("repo", ".devcontainer", "Dockerfile"), dev.dockdiet.rule.RuleSettings.defaults(),
                new java.util.IdentityHashMap<>(), t -> KnowledgeBase.get());
        new OversizedBase().check(ctx);
        assertThat(ctx.findings()).isEmpty();
    }
}
