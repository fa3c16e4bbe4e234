package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class AptNoInstallRecommendsTest {

    @Test
    void rule() {
        RuleTester.of(new AptNoInstallRecommends())
                .valid(
                        "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n",
                        "FROM debian:12\nRUN apt-get --no-install-recommends install -y curl\n",
                        "FROM debian:12\nRUN apt-get install -y curl --no-install-recommends\n",
                        "FROM debian:12\nRUN apt-get -qqy --no-install-recommends install curl\n",
                        "FROM debian:12\nRUN apt install --no-install-recommends curl\n",
                        "FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n",
                        "FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=0 curl\n",
                        "FROM debian:12\nRUN apt-get install -y -oAPT::Install-Recommends=false curl\n",
                        "FROM debian:12\nRUN apt-get install -y --option=APT::Install-Recommends=no curl\n",
                        "FROM debian:12\nRUN bash -c 'apt-get update && apt-get install -y --no-install-recommends curl'\n",
                        "FROM debian:12\nRUN sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl\n",
                        // configured for the whole stage first
                        "FROM debian:12\nRUN echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/99norecommends\n"
                                + "RUN apt-get install -y curl\n",
                        "FROM debian:12\nRUN echo 'APT::Install-Recommends \"false\";' | tee /etc/apt/apt.conf.d/99x"
                                + " && apt-get install -y curl\n",
                        "FROM debian:12 AS base\nRUN echo 'APT::Install-Recommends \"0\";' >> /etc/apt/apt.conf\n"
                                + "FROM base\nRUN apt-get install -y curl\n",
                        // a build stage whose packages do not ship
                        "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nRUN gcc -o /app main.c\n"
                                + "FROM debian:12-slim\nCOPY --from=build /app /app\n",
                        // not an install
                        "FROM debian:12\nRUN apt-get remove -y curl\n",
                        "FROM debian:12\nRUN echo apt-get install curl\n")
                .invalid("FROM debian:12\nRUN apt-get -qqy install curl\n", at(2, 18, "--no-install-recommends"))
                .invalid("FROM debian:12\nRUN apt install curl\n", at(2, 9, "`apt install`"))
                .invalid("FROM debian:12\nRUN apt-get -o APT::Install-Recommends=true install -y curl\n", at(2, 45))
                .invalid("FROM debian:12\nRUN apt-get install -y --install-suggests curl\n", at(2, 13))
                // configuration written after the install does not help it
                .invalid("FROM debian:12\nRUN apt-get install -y curl\n"
                        + "RUN echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/99norecommends\n", at(2, 13))
                // exec form: reported, not fixed
                .invalid("FROM debian:12\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n", at(2, 17))
                // two installs, two findings
                .invalid("FROM debian:12\nRUN apt-get install -y curl && apt-get install -y git\n", at(2, 13), at(2, 40))
                .fix("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", Applicability.SUGGESTED,
                        "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n", at(2, 31))
                .fix("FROM debian:12\nRUN bash -c \"apt-get install -y curl\"\n", Applicability.SUGGESTED,
                        "FROM debian:12\nRUN bash -c \"apt-get install --no-install-recommends -y curl\"\n", at(2, 22))
                .fix("FROM debian:12\nRUN apt-get update \\\n    && apt-get install \\\n        curl\n", Applicability.SUGGESTED,
                        "FROM debian:12\nRUN apt-get update \\\n    && apt-get install --no-install-recommends \\\n        curl\n",
                        at(3, 16))
                .fix("FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n", Applicability.SUGGESTED,
                        "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install --no-install-recommends -y curl\nEOF\n",
                        at(4, 9))
                .test();
    }

    @Test
    void theFixIsOnlySuggested() {
        org.assertj.core.api.Assertions.assertThat(RuleTester.of(new AptNoInstallRecommends())
                .findings("FROM debian:12\nRUN apt-get install -y curl\n").get(0).fix().applicability())
                .isEqualTo(Applicability.SUGGESTED);
    }
}
