package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class AptListsNotRemovedTest {

    @Test
    void rule() {
        RuleTester.of(new AptListsNotRemoved())
                .valid(
                        // cleanup in the same layer, in any spelling
                        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
                        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists\n",
                        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -fr /var/lib/apt/lists/ /tmp/*\n",
                        "FROM debian:12\nRUN apt-get update; apt-get install -y curl; rm -Rf /var/lib/apt/lists/*\n",
                        "FROM debian:12\nRUN apt-get -qq update \\\n && apt-get -qqy install curl \\\n && apt-get clean \\\n && rm -rf /var/lib/apt/lists/*\n",
                        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get distclean\n",
                        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && find /var/lib/apt/lists -type f -delete\n",
                        "FROM ubuntu:24.04\nRUN apt update && apt install -y curl && rm -rf /var/lib/apt/lists/*\n",
                        "FROM debian:12\nRUN sudo apt-get update && sudo apt-get install -y curl && sudo rm -rf /var/lib/apt/lists/*\n",
                        // inside bash -c, and the cleanup outside it
                        "FROM debian:12\nRUN bash -c 'apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'\n",
                        "FROM debian:12\nRUN bash -c \"apt-get update && apt-get install -y curl\" && rm -rf /var/lib/apt/lists/*\n",
                        // cache mounts holding the lists
                        "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked"
                                + " --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\n",
                        "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n",
                        "FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n",
                        // a build stage whose files do not ship
                        "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nRUN gcc -o /app main.c\n"
                                + "FROM gcr.io/distroless/cc\nCOPY --from=build /app /app\n",
                        // install alone reuses lists of an earlier layer: nothing to remove here
                        "FROM debian:12\nRUN apt-get install -y curl\n",
                        "FROM debian:12\nRUN echo apt-get update\n")
                // the removal must come after the update
                .invalid("FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl\n",
                        at(2, 44, "cache mount"))
                // removing something else
                .invalid("FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/partial\n",
                        at(2, 13))
                // a cache mount on /var/cache/apt alone does not hold the lists
                .invalid("FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl"
                        + " && rm -rf /var/cache/apt/archives\n", at(2, 54))
                // the stage is the base of the final stage
                .invalid("FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD [\"curl\"]\n",
                        at(2, 13))
                // the final stage copies the whole filesystem of the stage
                .invalid("FROM debian:12 AS build\nRUN apt-get update && apt-get install -y curl\n"
                        + "FROM scratch\nCOPY --from=build / /\n", at(2, 13))
                // exec form: reported, not fixed
                .invalid("FROM debian:12\nRUN [\"apt-get\", \"update\"]\n", at(2, 17))
                // heredoc: reported, not fixed
                .invalid("FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n", at(3, 9))
                // script ending in a compound command: no minimal fix
                .invalid("FROM debian:12\nRUN if true; then apt-get update && apt-get install -y curl; fi\n", at(2, 27))
                .fix("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", Applicability.SAFE,
                        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
                        at(2, 13, "`apt-get update` leaves the package lists (/var/lib/apt/lists)"))
                // continuation formatting kept
                .fix("FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n        curl \\\n        git\n",
                        Applicability.SAFE,
                        "FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n        curl \\\n"
                                + "        git && rm -rf /var/lib/apt/lists/*\n", at(2, 13))
                // trailing ; and comment
                .fix("FROM debian:12\nRUN apt-get update; apt-get install -y curl;  # tools\n", Applicability.SAFE,
                        "FROM debian:12\nRUN apt-get update; apt-get install -y curl && rm -rf /var/lib/apt/lists/*;  # tools\n",
                        at(2, 13))
                // inside bash -c: appended after the bash command
                .fix("FROM debian:12\nRUN bash -c 'apt-get update && apt-get install -y curl'\n", Applicability.SAFE,
                        "FROM debian:12\nRUN bash -c 'apt-get update && apt-get install -y curl' && rm -rf /var/lib/apt/lists/*\n",
                        at(2, 22))
                // run with sudo: so is the cleanup
                .fix("FROM eclipse/stack-base:debian\nRUN sudo apt-get update && sudo apt-get install -y curl\n", Applicability.SAFE,
                        "FROM eclipse/stack-base:debian\nRUN sudo apt-get update && sudo apt-get install -y curl"
                                + " && sudo rm -rf /var/lib/apt/lists/*\n", at(2, 18))
                // run as another user: no fix (an appended command would run as someone else)
                .invalid("FROM debian:12\nRUN su root -c 'apt-get update && apt-get install -y curl'\n", at(2, 25))
                // a later RUN installs without updating: removing the lists would break it, so no fix
                .invalid("FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\n",
                        at(2, 13, "(no automatic fix: the RUN on line 3 uses it; merge that RUN into this one and clean up at its end)"))
                // … also in a stage built FROM this one
                .invalid("FROM debian:12 AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y git\n",
                        at(2, 13, "(no automatic fix: the RUN on line 4, in a later stage, uses it)"))
                // … or when a later RUN reads the lists
                .invalid("FROM debian:12\nRUN apt-get update\nRUN ls /var/lib/apt/lists/ > /lists.txt\n",
                        at(2, 13, "the RUN on line 3 uses it"))
                // a RUN that updates again in between: what comes after uses its lists, not these
                .fix("FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update\nCOPY a /a\n"
                                + "RUN apt-get install -y git\n", Applicability.SAFE,
                        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
                                + "RUN apt-get update\nCOPY a /a\nRUN apt-get install -y git\n", at(2, 13), at(3, 13, "line 5 uses it"))
                // a later RUN that updates first, or only removes the lists, needs nothing from this one
                .fix("FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y git"
                                + " && rm -rf /var/lib/apt/lists/*\n", Applicability.SAFE,
                        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
                                + "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n", at(2, 13))
                .test();
    }

    @Test
    void noFixWhenALaterInstallUsesTheLists() {
        RuleTester t = RuleTester.of(new AptListsNotRemoved());
        org.assertj.core.api.Assertions.assertThat(t.findings(
                "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\n")
                .get(0).fix()).isNull();
        // the install before the update in the later RUN uses this RUN's lists too
        org.assertj.core.api.Assertions.assertThat(t.findings(
                "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y git && apt-get update\n")
                .get(0).fix()).isNull();
        org.assertj.core.api.Assertions.assertThat(t.findings(
                "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y git"
                        + " && rm -rf /var/lib/apt/lists/*\n")
                .get(0).fix().applicability()).isEqualTo(Applicability.SAFE);
    }

    @Test
    void noFixWhereAnAppendedCommandWouldNotBeMinimalOrRight() {
        RuleTester t = RuleTester.of(new AptListsNotRemoved());
        for (String code : java.util.List.of(
                "FROM debian:12\nRUN su root -c 'apt-get update && apt-get install -y curl'\n",
                "FROM debian:12\nRUN sudo -u app sh -c 'apt-get update'\n",
                "FROM debian:12\nRUN [\"apt-get\", \"update\"]\n",
                "FROM debian:12\nRUN <<EOF\napt-get update\nEOF\n",
                "FROM debian:12\nRUN apt-get update && apt-get install -y curl &\n",
                "FROM debian:12\nRUN (apt-get update && apt-get install -y curl)\n")) {
            java.util.List<dev.dockdiet.rule.Finding> f = t.findings(code);
            org.assertj.core.api.Assertions.assertThat(f).as(code).hasSize(1);
            org.assertj.core.api.Assertions.assertThat(f.get(0).fix()).as(code).isNull();
        }
    }
}
