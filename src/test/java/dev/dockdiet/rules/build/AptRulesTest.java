package dev.dockdiet.rules.build;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** apt vs apt-get and the -y switch (DD215, DD216). */
class AptRulesTest {

    @Test
    void aptInsteadOfAptGet() {
        RuleTester.of(new AptInsteadOfAptGet())
                .valid("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
                        "FROM debian:12\nRUN apt-cache policy curl\n",
                        "FROM debian:12\nRUN echo apt install\n")
                .fix("FROM debian:12\nRUN apt update && apt install -y curl\n", Applicability.SAFE,
                        "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
                        at(2, 5, "apt-get update"), at(2, 19, "apt-get install"))
                .fix("FROM debian:12\nRUN apt show curl\n", Applicability.SAFE, "FROM debian:12\nRUN apt-cache show curl\n",
                        at(2, 5, "apt-cache show"))
                .invalid("FROM debian:12\nRUN apt full-upgrade -y\n", at(2, 5, "apt-get or apt-cache"))
                .invalid("FROM debian:12\nRUN [\"apt\", \"install\", \"-y\", \"curl\"]\n", at(2, 6))
                .test();
    }

    @Test
    void aptGetMissingYes() {
        RuleTester.of(new AptGetMissingYes())
                .valid("FROM debian:12\nRUN apt-get install -y curl\n",
                        "FROM debian:12\nRUN apt-get -qy install curl\n",
                        "FROM debian:12\nRUN apt-get install --yes curl\n",
                        "FROM debian:12\nRUN apt-get install --assume-yes curl\n",
                        "FROM debian:12\nRUN apt-get -qq install curl\n",
                        "FROM debian:12\nRUN apt-get -q -q install curl\n",
                        "FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n",
                        "FROM debian:12\nRUN yes | apt-get install curl\n",
                        "FROM debian:12\nRUN echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90yes\n"
                                + "RUN apt-get install curl\n",
                        "FROM debian:12\nRUN apt-get update\n")
                .fix("FROM debian:12\nRUN apt-get update && apt-get install curl\n", Applicability.SAFE,
                        "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", at(2, 31, "-y"))
                .fix("FROM debian:12\nRUN apt-get -q install \\\n    curl\n", Applicability.SAFE,
                        "FROM debian:12\nRUN apt-get -q install -y \\\n    curl\n", at(2, 16))
                .fix("FROM debian:12\nRUN sh -c \"apt-get remove curl\"\n", Applicability.SAFE,
                        "FROM debian:12\nRUN sh -c \"apt-get remove -y curl\"\n", at(2, 20, "remove"))
                .invalid("FROM debian:12\nRUN [\"apt-get\", \"install\", \"curl\"]\n", at(2, 17))
                .test();
    }
}
