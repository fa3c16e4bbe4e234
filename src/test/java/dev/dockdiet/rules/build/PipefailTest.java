package dev.dockdiet.rules.build;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** DD218 pipe-without-pipefail. */
class PipefailTest {

    @Test
    void pipefail() {
        RuleTester.of(new PipeWithoutPipefail())
                .valid("FROM debian:12\nRUN curl -fsSL https://x | tar xz\n".replace("RUN", "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN"),
                        "FROM alpine:3.19\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN wget -O- https://x | tar xz\n",
                        "FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nFROM base\nRUN curl https://x | sh\n",
                        "FROM debian:12\nRUN set -o pipefail && curl https://x | sh\n",
                        "FROM debian:12\nRUN set -euxo pipefail; curl https://x | sh\n",
                        "FROM debian:12\nRUN echo 'deb http://x stable main' | tee /etc/apt/sources.list.d/x.list\n",
                        "FROM debian:12\nRUN yes | apt-get install curl\n",
                        "FROM debian:12\nRUN [\"sh\", \"-c\", \"curl x | sh\"]\n",
                        "FROM debian:12\nRUN if curl -s https://x | grep -q ok; then echo up; fi\n",
                        "FROM debian:12\nRUN V=$(curl -s https://x | jq .v) && echo $V\n",
                        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN Get-Item x | Remove-Item\n",
                        "FROM python:3.12\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1 | 2)\nEOF\n")
                .invalid("FROM debian:12\nRUN curl -fsSL https://x | tar xz\n", at(2, 26, "'curl'"))
                .invalid("FROM debian:12\nRUN apt-get update \\\n && wget -qO- https://x \\\n  | apt-key add -\n",
                        at(4, 3, "'wget'"))
                .invalid("FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
                        + "FROM debian:12\nRUN curl https://x | sh\n", at(4, 20))
                .invalid("FROM debian:12\nRUN (set -o pipefail); curl https://x | sh\n", at(2, 39))
                .invalid("FROM debian:12\nRUN <<EOF\n#!/bin/bash\ncurl https://x | sh\nEOF\n", at(4, 16))
                .test();
    }
}
