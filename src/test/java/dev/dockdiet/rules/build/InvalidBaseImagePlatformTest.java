package dev.dockdiet.rules.build;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** DD262 invalid-base-image-platform, BuildKit's InvalidBaseImagePlatform for images whose one platform is known. */
class InvalidBaseImagePlatformTest {

    @Test
    void singlePlatformImages() {
        RuleTester.of(new InvalidBaseImagePlatform())
                .valid("FROM --platform=linux/arm64 arm64v8/alpine:3.19\n",
                        "FROM --platform=linux/aarch64 arm64v8/alpine:3.19\n",
                        "FROM --platform=linux/amd64 alpine:3.19\n",
                        "FROM arm64v8/alpine:3.19\n",
                        "FROM --platform=$BUILDPLATFORM arm64v8/alpine:3.19\n",
                        "FROM --platform=linux/arm/v7 arm32v7/debian:12\n",
                        "FROM --platform=windows/amd64 mcr.microsoft.com/windows/servercore:ltsc2022\n",
                        "FROM --platform=linux/amd64 myorg/app:1\n")
                .invalid("FROM --platform=linux/amd64 arm64v8/alpine:3.19 AS build\n",
                        at(1, 1, "Base image arm64v8/alpine:3.19 was pulled with platform \"linux/arm64/v8\", expected"
                                + " \"linux/amd64\" for current build"))
                .invalid("FROM --platform=linux/arm64 amd64/ubuntu:24.04\n", at(1, 1, "\"linux/amd64\""))
                .invalid("FROM --platform=linux/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022\n",
                        at(1, 1, "\"windows/amd64\""))
                .test();
    }
}
