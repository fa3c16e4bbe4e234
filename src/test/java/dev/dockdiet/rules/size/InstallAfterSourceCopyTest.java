package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rules.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DD130 install-after-source-copy. */
class InstallAfterSourceCopyTest {

    private static RuleTester rule() {
        return RuleTester.of(new InstallAfterSourceCopy());
    }

    @Test
    void valid() {
        rule().valid(
                "FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n",
                "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n",
                // the project itself needs its sources
                "FROM python:3.12-slim\nCOPY . .\nRUN pip install .\n",
                "FROM python:3.12-slim\nCOPY . .\nRUN pip install -e .\n",
                // explicit packages, not the project's manifest
                "FROM node:20\nCOPY . .\nRUN npm install -g pm2\n",
                "FROM node:20\nCOPY . .\nRUN npm install left-pad\n",
                // another directory than the one the context went to
                "FROM node:20\nCOPY . /src\nRUN cd /opt/tool && npm install\n",
                "FROM node:20\nWORKDIR /app\nCOPY . /src\nRUN npm ci\n",
                // not from the context
                "FROM node:20\nCOPY --from=build /app .\nRUN npm ci\n",
                // vendored, offline
                "FROM golang:1.22\nCOPY . .\nRUN go build -mod=vendor ./...\n",
                "FROM maven:3-eclipse-temurin-21\nCOPY . .\nRUN mvn -o package\n",
                // the install before the copy is already layered; a second pass after it is intended
                "FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n",
                "FROM golang:1.22 AS deps\nCOPY go.* ./\nRUN go mod download\nFROM deps\nCOPY . .\nRUN go build .\n",
                // remote tools
                "FROM golang:1.22\nCOPY . .\nRUN go install golang.org/x/tools/cmd/goimports@latest\n",
                "FROM rust:1.79\nCOPY . .\nRUN cargo install ripgrep\n",
                // the dependency cache is a BuildKit cache mount: nothing is downloaded again
                "FROM rust:1.80\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/usr/local/cargo/registry cargo build --release\n",
                "FROM gradle:jdk21\nWORKDIR /home/gradle/project\nCOPY . .\nRUN --mount=type=cache,target=/home/gradle/.gradle gradle bootJar\n",
                "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.npm npm ci\n")
                .test();
    }

    @Test
    void npmMovesTheInstallBeforeTheCopy() {
        rule().fix("FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n",
                        Applicability.SUGGESTED,
                        "FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD [\"node\", \"index.js\"]\n",
                        at(4, 1, "`npm ci` runs after `COPY .` (line 3) copied the whole build context, so every source"
                                + " change re-runs it and downloads every dependency again. Copy package.json,"
                                + " package-lock.json first, install, then copy the rest"))
                .test();
    }

    @Test
    void aCacheMountOfAnotherDirectoryDoesNotExcuseIt() {
        rule().invalid("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/var/cache/apt npm ci\n",
                        at(4, 1, "`npm ci` runs after `COPY .` (line 3)"))
                .test();
    }

    @Test
    void keepsTheCopysOwnerAndDestination() {
        rule().fix("FROM node:20-slim\nWORKDIR /app\nCOPY --chown=node:node . /app\n# deps\nRUN npm install --omit=dev\n",
                        Applicability.SUGGESTED,
                        "FROM node:20-slim\nWORKDIR /app\nCOPY --chown=node:node package*.json /app/\n# deps\n"
                                + "RUN npm install --omit=dev\nCOPY --chown=node:node . /app\n",
                        at(5, 1, "`npm install --omit=dev`"))
                .test();
    }

    @Test
    void pipGoBundlerAndYarn() {
        rule().fix("FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n"
                                + "CMD [\"python\", \"app.py\"]\n", Applicability.SUGGESTED,
                        "FROM python:3.12-slim\nWORKDIR /srv\nCOPY requirements.txt ./\n"
                                + "RUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD [\"python\", \"app.py\"]\n",
                        at(4, 1, "Copy requirements.txt first"))
                .fix("FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\n",
                        Applicability.SUGGESTED,
                        "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n"
                                + "RUN go build -o /app .\n",
                        at(4, 1, "Copy go.mod, go.sum first"))
                .fix("FROM ruby:3.3\nWORKDIR /app\nCOPY . .\nRUN bundle install\n", Applicability.SUGGESTED,
                        "FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nCOPY . .\n",
                        at(4, 1, "Gemfile, Gemfile.lock"))
                .fix("FROM node:20\nCOPY . .\nRUN yarn install --frozen-lockfile && yarn cache clean\n", Applicability.SUGGESTED,
                        "FROM node:20\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n"
                                + "COPY . .\n",
                        at(3, 1, "`yarn install --frozen-lockfile`"))
                .test();
    }

    @Test
    void reportedWithoutAFixWhereTheReorderIsNotMechanical() {
        List<String> noFix = List.of(
                // go build compiles the sources too
                "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n",
                // something between the copy and the install
                "FROM node:20\nCOPY . .\nENV NODE_ENV=production\nRUN npm ci\n",
                // the RUN does more than install
                "FROM node:20\nCOPY . .\nRUN npm ci && npm run build\n",
                "FROM maven:3-eclipse-temurin-21\nWORKDIR /b\nCOPY . .\nRUN mvn -B package -DskipTests\n",
                "FROM gradle:8-jdk21\nCOPY . .\nRUN gradle build\n",
                "FROM rust:1.79\nCOPY . .\nRUN cargo build --release\n",
                "FROM composer:2\nCOPY . .\nRUN composer install\n",
                "FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt .\n");
        for (String code : noFix) {
            List<Finding> f = rule().findings(code);
            assertThat(f).as(code).hasSize(1);
            assertThat(f.get(0).fix()).as(code).isNull();
        }
        assertThat(rule().findings(noFix.get(0)).get(0).message()).contains("`RUN go mod download` after copying go.mod");
        assertThat(rule().findings(noFix.get(5)).get(0).message()).contains("Cargo.toml, Cargo.lock").contains("cargo chef");
    }

    @Test
    void theContextDecidesTheFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"x\"}");
        Files.writeString(dir.resolve("yarn.lock"), "");
        RuleTester known = rule().settings(RuleSettings.defaults().withContextDir(dir));
        known.fix("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\n", Applicability.SUGGESTED,
                        "FROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY . .\n",
                        at(4, 1, "Copy package.json first"))
                .test();
        // a workspace: copying the root manifest is not enough
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"x\",\"workspaces\":[\"packages/*\"]}");
        List<Finding> f = known.findings("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN yarn install\n");
        assertThat(f).singleElement().satisfies(x -> assertThat(x.fix()).isNull());
        // no go.mod in the context: a GOPATH-era build downloads nothing it could layer
        rule().settings(RuleSettings.defaults().withContextDir(dir))
                .valid("FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\n").test();
        // requirements that install the project itself
        Files.writeString(dir.resolve("requirements.txt"), "flask==3.0.0\n-e .\n");
        rule().settings(RuleSettings.defaults().withContextDir(dir))
                .valid("FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n").test();
    }
}
