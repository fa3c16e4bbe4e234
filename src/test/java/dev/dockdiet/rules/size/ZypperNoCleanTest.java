package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class ZypperNoCleanTest {

    @Test
    void rule() {
        RuleTester.of(new ZypperNoClean())
                .valid(
                        "FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean -a\n",
                        "FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl && zypper cc\n",
                        "FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean\n",
                        "FROM opensuse/leap:15.6\nRUN zypper -n in curl && rm -rf /var/cache/zypp/*\n",
                        "FROM opensuse/leap:15.6\nRUN bash -c 'zypper -n in curl; zypper clean --all'\n",
                        "FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl\n",
                        "FROM opensuse/leap:15.6 AS build\nRUN zypper -n in gcc\nRUN gcc -o /app main.c\n"
                                + "FROM opensuse/leap:15.6\nCOPY --from=build /app /app\n",
                        "FROM opensuse/leap:15.6\nRUN zypper -n rm vim\n")
                .invalid("FROM opensuse/leap:15.6\nRUN zypper -n in curl\n", at(2, 15, "/var/cache/zypp"))
                .invalid("FROM opensuse/leap:15.6\nRUN zypper clean -a && zypper -n up\n", at(2, 34, "cache mount"))
                .fix("FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl\n", Applicability.SAFE,
                        "FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl && zypper clean --all\n",
                        at(2, 30))
                .test();
    }
}
