package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rules.RuleTester;
import dev.dockdiet.rules.Rules;
import org.junit.jupiter.api.Test;

class AptGetUpgradeTest {

    @Test
    void cases() {
        RuleTester.of(new AptGetUpgrade())
                .valid(
                        "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
                        // upgrading named packages is deliberate
                        "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --only-upgrade openssl\n",
                        "FROM centos:7\nRUN yum update -y openssl\n",
                        "FROM alpine:3.20\nRUN apk upgrade --no-cache libssl3\n",
                        // a builder's upgrade does not ship
                        "FROM debian:bookworm AS build\nRUN apt-get upgrade -y\nFROM debian:bookworm-slim\nCOPY --from=build /x /x\n",
                        "FROM debian:bookworm-slim\nRUN echo apt-get upgrade\n")
                .invalid("FROM debian:bookworm-slim\nRUN apt-get update && apt-get -y upgrade\n",
                        at(2, 23, "`apt-get upgrade` in the final stage upgrades the whole system"))
                .invalid("FROM debian:bookworm-slim\nRUN apt-get -o Dpkg::Options::=--force-confnew dist-upgrade -y\n",
                        at(2, 5, "`apt-get dist-upgrade`"))
                .invalid("FROM alpine:3.20\nRUN apk upgrade --no-cache\n", at(2, 5, "`apk upgrade`"))
                .invalid("FROM centos:7\nRUN yum -y update && yum clean all\n", at(2, 5, "`yum update`"))
                .invalid("FROM fedora:40\nRUN dnf upgrade -y\n", at(2, 5, "`dnf upgrade`"))
                .invalid("FROM opensuse/leap\nRUN zypper --non-interactive dup\n", at(2, 5, "`zypper dup`"))
                .test();
    }

    @Test
    void hadolintCodesResolve() {
        assertThat(Rules.resolve("DL3005")).contains("DD123");
        assertThat(Rules.resolve("DL3017")).contains("DD123");
    }
}
