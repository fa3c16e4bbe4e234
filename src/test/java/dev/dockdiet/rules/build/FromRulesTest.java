package dev.dockdiet.rules.build;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** FROM lines: tags, platforms and ARGs (DD201, DD202, DD219–DD222). */
class FromRulesTest {

    @Test
    void untaggedBaseImage() {
        RuleTester.of(new UntaggedBaseImage())
                .valid("FROM node:20-slim\n",
                        "FROM scratch\nCOPY a /a\n",
                        "FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
                        "FROM golang:1.22 AS build\nFROM build\n",
                        "ARG BASE=node\nFROM $BASE\n",
                        "FROM localhost:5000/app:1\n")
                .invalid("FROM node\n", at(1, 6, "'node' has no tag"))
                .invalid("FROM golang:1.22 AS build\nFROM gcr.io/distroless/static AS run\n",
                        at(2, 6, "gcr.io/distroless/static"))
                .invalid("FROM localhost:5000/app\n", at(1, 6))
                .test();
    }

    @Test
    void latestBaseImage() {
        RuleTester.of(new LatestBaseImage())
                .valid("FROM node:20\n",
                        "FROM node\n",
                        "FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
                        "ARG TAG=latest\nFROM node:$TAG\n")
                .invalid("FROM alpine:latest AS base\n", at(1, 6, "'latest' tag"))
                .invalid("FROM node:20 AS b\nFROM   nginx:latest\n", at(2, 8))
                .test();
    }

    @Test
    void constantPlatform() {
        RuleTester.of(new ConstantPlatform())
                .valid("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n",
                        "FROM alpine:3.19\n",
                        "FROM --platform=linux/amd64 alpine:3.19 AS build-amd64\n",
                        "FROM --platform=linux/arm64 alpine:3.19 AS linux-tools\n")
                .invalid("FROM --platform=linux/amd64 alpine:3.19\n", at(1, 6, "constant value \"linux/amd64\""))
                .invalid("FROM --platform=linux/arm64 alpine:3.19 AS build\n", at(1, 6))
                .test();
    }

    @Test
    void redundantTargetPlatform() {
        RuleTester.of(new RedundantTargetPlatform())
                .valid("FROM --platform=$BUILDPLATFORM golang:1.22\n", "FROM alpine:3.19\n")
                .fix("FROM --platform=$TARGETPLATFORM alpine:3.19\n", Applicability.SAFE, "FROM alpine:3.19\n",
                        at(1, 6, "redundant"))
                .fix("FROM --platform=${TARGETPLATFORM}   alpine:3.19 AS x\nRUN true\n", Applicability.SAFE,
                        "FROM alpine:3.19 AS x\nRUN true\n", at(1, 6, "${TARGETPLATFORM}"))
                .test();
    }

    @Test
    void undefinedArgInFrom() {
        RuleTester.of(new UndefinedArgInFrom())
                .valid("ARG VERSION=3.19\nFROM alpine:$VERSION\n",
                        "ARG VERSION\nFROM alpine:${VERSION:-3.19}\n",
                        "FROM --platform=$BUILDPLATFORM golang:1.22\n",
                        "FROM alpine:3.19\nARG LATER\n",
                        "FROM alpine:3.19\n")
                .invalid("FROM alpine:$VERSION\n", at(1, 6, "'VERSION' is not declared"))
                .invalid("FROM --platform=$BULIDPLATFORM golang:1.22\n", at(1, 6, "did you mean BUILDPLATFORM?"))
                .invalid("FROM alpine:3.19 AS a\nARG TAG=1\nFROM node:$TAG\n", at(3, 6, "'TAG'"))
                .test();
    }

    @Test
    void invalidDefaultArgInFrom() {
        RuleTester.of(new InvalidDefaultArgInFrom())
                .valid("ARG TAG=3.19\nFROM alpine:$TAG\n",
                        "ARG TAG\nFROM alpine:${TAG:-3.19}\n",
                        "FROM alpine:3.19\n",
                        "ARG BASE=builder\nFROM alpine:3.19 AS builder\nFROM $BASE\n",
                        "FROM alpine:$UNDECLARED\n",
                        "FROM --platform=$BUILDPLATFORM golang:1.22-$TARGETOS\n")
                .invalid("ARG TAG\nFROM busybox:$TAG\n", at(2, 6, "invalid base image name 'busybox:'"))
                .invalid("ARG IMAGE\nFROM $IMAGE\n", at(2, 6, "empty base image name"))
                .invalid("ARG NAME=MyImage\nFROM $NAME:1\n", at(2, 6, "'MyImage:1'"))
                .test();
    }
}
