package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class CleanupInLaterLayerTest {

    @Test
    void cases() {
        RuleTester.of(new CleanupInLaterLayer())
                .valid(
                        // cleanup in the same layer
                        "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
                        "FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc && make && apk del .build-deps\n",
                        "FROM debian:bookworm-slim\nRUN curl -fsSLo /tmp/x.tgz https://e.com/x.tgz && tar -xzf /tmp/x.tgz -C /opt && rm /tmp/x.tgz\n",
                        // a cache mount keeps the lists out of the layer
                        "FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n"
                                + "RUN rm -rf /var/lib/apt/lists/*\n",
                        // removing what the base image brought, not an earlier RUN
                        "FROM debian:bookworm\nRUN apt-get purge -y perl\n",
                        "FROM debian:bookworm-slim\nRUN rm -rf /usr/share/doc\n",
                        // cleaned already in the creating layer
                        "FROM debian:bookworm-slim\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/apt/lists/*\n",
                        // apk add --no-cache leaves no cache to clean
                        "FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN rm -rf /var/cache/apk/*\n",
                        // a builder's layers do not ship
                        "FROM debian:bookworm AS build\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n"
                                + "FROM debian:bookworm-slim\nCOPY --from=build /etc/os-release /x\n",
                        // a different stage: the cleanup belongs to another image
                        "FROM debian:bookworm-slim AS base\nRUN apt-get update\nFROM base\nRUN rm -rf /var/lib/apt/lists/*\n",
                        // variables are not followed
                        "FROM debian:bookworm-slim\nRUN curl -o $F https://e.com/f\nRUN rm -f $F\n")
                // the cleanup alone in the later RUN: the RUN goes, the cleanup joins the creating RUN
                .fix("FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\nCMD [\"bash\"]\n",
                        Applicability.SUGGESTED,
                        "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCMD [\"bash\"]\n",
                        at(3, 12, "removes what the RUN on line 2 left behind (apt-get update)"))
                // several commands in the later RUN: only the cleanup moves (after other cleanup commands)
                .fix("FROM debian:bookworm-slim\nRUN apt-get update \\\n && apt-get install -y curl\n"
                                + "RUN apt-get clean \\\n && rm -rf /var/lib/apt/lists/*\n",
                        Applicability.SUGGESTED,
                        "FROM debian:bookworm-slim\nRUN apt-get update \\\n && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
                                + "RUN apt-get clean\n",
                        at(5, 12, "apt-get update"))
                .fix("FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc musl-dev\nRUN apk del .build-deps && echo ok\n",
                        Applicability.SUGGESTED,
                        "FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc musl-dev && apk del .build-deps\nRUN echo ok\n",
                        at(3, 13, "apk add --virtual .build-deps"))
                // something in between may use what is deleted: no fix
                .invalid("FROM debian:bookworm-slim\nRUN curl -fsSL -o /tmp/go.tgz https://go.dev/dl/go.tgz\n"
                                + "RUN tar -C /usr/local -xzf /tmp/go.tgz\nRUN rm /tmp/go.tgz\n",
                        at(4, 8, "RUN on line 2 left behind (curl -o /tmp/go.tgz)"))
                .invalid("FROM debian:bookworm\nRUN apt-get update && apt-get install -y build-essential\n"
                                + "RUN make\nRUN apt-get purge -y build-essential\n",
                        at(4, 22, "apt-get install build-essential"))
                .invalid("FROM python:3.12-slim\nRUN pip install cython numpy\nRUN pip uninstall -y cython\n",
                        at(3, 22, "pip install cython"))
                .invalid("FROM debian:bookworm-slim\nWORKDIR /opt\nRUN wget https://e.com/tool.zip\nRUN rm tool.zip\n",
                        at(4, 8, "wget https://e.com/tool.zip"))
                .invalid("FROM centos:7\nRUN yum install -y httpd\nRUN yum clean all\n", at(3, 9, "yum install"))
                .invalid("FROM node:20-slim\nRUN npm ci\nRUN npm cache clean --force\n", at(3, 15, "npm ci cache"))
                .invalid("FROM debian:bookworm-slim\nRUN git clone https://github.com/a/b.git /src/b\nRUN rm -rf /src\n",
                        at(3, 12, "git clone"))
                .invalid("FROM debian:bookworm-slim\nRUN apt-get update\nUSER app\nRUN sudo rm -rf /var/lib/apt/lists/*\n",
                        at(4, 17, "apt-get update"))
                .test();
    }

    @Test
    void globsAndParents() {
        org.assertj.core.api.Assertions.assertThat(CleanupInLaterLayer.covers("/tmp/*", "/tmp/a.tgz")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CleanupInLaterLayer.covers("/var/lib/apt", "/var/lib/apt/lists/*")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CleanupInLaterLayer.covers("/var/lib/apt/lists/*", "/var/lib/apt/lists/*")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CleanupInLaterLayer.covers("/tmp/a*", "/tmp/b.tgz")).isFalse();
        org.assertj.core.api.Assertions.assertThat(CleanupInLaterLayer.covers("/opt/x/y", "/opt/x")).isFalse();
    }
}
