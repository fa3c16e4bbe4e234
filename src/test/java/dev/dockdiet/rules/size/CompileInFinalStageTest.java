package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class CompileInFinalStageTest {

    @Test
    void cases() {
        RuleTester.of(new CompileInFinalStage())
                .valid(
                        // the builder pattern: the build runs in a stage the final one copies from
                        "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n",
                        "FROM maven:3-eclipse-temurin-21 AS build\nRUN mvn -B package\nFROM eclipse-temurin:21-jre\n"
                                + "COPY --from=build /app/target/app.jar /app.jar\n",
                        "FROM node:20 AS build\nRUN npm ci && npm run build\nFROM node:20-slim\nCOPY --from=build /app/dist /app\n",
                        // a builder the final stage is based on but that others copy from is a builder
                        "FROM rust:1 AS build\nRUN cargo build --release\nFROM build AS test\nFROM debian:bookworm-slim\n"
                                + "COPY --from=build /t/app /app\n",
                        // not builds
                        "FROM golang:1.22\nRUN go mod download && go version\n",
                        "FROM gcc:13\nRUN gcc --version\n",
                        "FROM maven:3\nRUN mvn dependency:go-offline\n",
                        "FROM node:20-slim\nRUN npm run start\n",
                        "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n",
                        "FROM alpine:3.20\nRUN echo make gcc go build\n",
                        // built and the build packages or sources removed in the same layer
                        "FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc make && make && make install && apk del .build-deps\n",
                        "FROM debian:bookworm\nRUN cd /usr/src/app && make && make install && cd / && rm -rf /usr/src/app\n")
                .invalid("FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n",
                        at(4, 5, "`go build` builds in the final stage"))
                .invalid("FROM node:20\nRUN npm ci && npm run build\n", at(2, 15, "`npm run build`"))
                .invalid("FROM eclipse-temurin:21-jdk\nRUN ./mvnw -B -DskipTests package\n", at(2, 5, "`./mvnw package`"))
                .invalid("FROM gradle:8\nRUN gradle --no-daemon :app:bootJar\n", at(2, 5, "`gradle :app:bootJar`"))
                .invalid("FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet publish -c Release -o /out\n",
                        at(2, 5, "`dotnet publish`"))
                .invalid("FROM debian:bookworm\nRUN ./configure && make -j4 && make install\n", at(2, 20, "`make`"))
                .invalid("FROM python:3.12\nRUN python setup.py bdist_wheel && pip wheel -r req.txt\n",
                        at(2, 5, "`python setup.py bdist_wheel`, `pip wheel` build in"))
                .invalid("FROM node:20\nRUN npx tsc -p .\n", at(2, 5, "`npx tsc`"))
                .invalid("FROM rust:1\nRUN sudo cargo build --release\n", at(2, 10, "`cargo build`"))
                // the final stage is built on the stage that compiles
                .invalid("FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM build\nCMD [\"/app\"]\n",
                        at(2, 5, "stage 'build' (the final stage is built on it)"))
                // a nested shell is seen through
                .invalid("FROM alpine:3.20\nRUN sh -c 'cmake --build build'\n", at(2, 12, "`cmake --build`"))
                .test();
    }
}
