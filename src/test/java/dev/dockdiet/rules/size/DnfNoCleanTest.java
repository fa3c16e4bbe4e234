package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class DnfNoCleanTest {

    @Test
    void rule() {
        RuleTester.of(new DnfNoClean())
                .valid(
                        "FROM fedora:40\nRUN dnf install -y gcc && dnf clean all\n",
                        "FROM fedora:40\nRUN dnf -y install gcc && dnf -y clean all\n",
                        "FROM fedora:40\nRUN dnf install -y gcc && rm -rf /var/cache/dnf\n",
                        "FROM fedora:41\nRUN dnf5 install -y gcc && rm -rf /var/cache/libdnf5/*\n",
                        "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y nginx && microdnf clean all\n",
                        "FROM fedora:40\nRUN sh -c 'dnf install -y gcc' && dnf clean all\n",
                        "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y gcc\n",
                        "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y gcc\n",
                        "FROM fedora:40 AS build\nRUN dnf install -y gcc\nRUN gcc -o /app main.c\n"
                                + "FROM scratch\nCOPY --from=build /app /app\n",
                        "FROM fedora:40\nRUN dnf remove -y vim\n")
                .invalid("FROM fedora:40\nRUN dnf -y upgrade\n", at(2, 12, "/var/cache/dnf"))
                .invalid("FROM fedora:41\nRUN dnf5 in -y gcc\n", at(2, 10, "`dnf5 in`"))
                .invalid("FROM fedora:40\nRUN dnf clean all && dnf install -y gcc\n", at(2, 26, "cache mount"))
                .fix("FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y nginx\n", Applicability.SAFE,
                        "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y nginx && microdnf clean all\n",
                        at(2, 14, "`microdnf clean all`"))
                .fix("FROM fedora:40\nRUN dnf install -y gcc\n", Applicability.SAFE,
                        "FROM fedora:40\nRUN dnf install -y gcc && dnf clean all\n", at(2, 9))
                .test();
    }
}
