package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class DebugToolsInFinalStageTest {

    @Test
    void cases() {
        RuleTester.of(new DebugToolsInFinalStage())
                .valid(
                        "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates\n",
                        // debugging tools in a build stage do not ship
                        "FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y gdb strace\n"
                                + "FROM debian:bookworm-slim\nCOPY --from=build /out /out\n",
                        // removed again in the same layer
                        "FROM debian:bookworm-slim\nRUN apt-get install -y vim && do-something && apt-get purge -y vim\n",
                        "FROM alpine:3.20\nRUN apk add --virtual .dbg strace && run && apk del .dbg\n",
                        "FROM debian:bookworm-slim\nRUN savedAptMark=\"$(apt-mark showmanual)\"; apt-get install -y wget curl;"
                                + " apt-mark auto '.*'; apt-get purge -y --auto-remove\n",
                        // names that merely contain a tool's name
                        "FROM debian:bookworm-slim\nRUN apt-get install -y vim-common-doc libgdbm6 python3-pip\n",
                        "FROM debian:bookworm-slim\nRUN echo apt-get install vim\n")
                .invalid("FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl vim nano procps\n",
                        at(2, 47, "debugging tools: vim, nano, procps"))
                .invalid("FROM alpine:3.20\nRUN apk add --no-cache strace=6.9-r0 tcpdump\n", at(2, 24, "strace, tcpdump"))
                .invalid("FROM centos:7\nRUN yum install -y net-tools bind-utils\n", at(2, 20, "net-tools, bind-utils"))
                .invalid("FROM debian:bookworm-slim\nRUN apt-get install -y curl\nRUN apt-get install -y wget\n",
                        at(3, 24, "curl and wget (one downloader is enough)"))
                .test();
    }
}
