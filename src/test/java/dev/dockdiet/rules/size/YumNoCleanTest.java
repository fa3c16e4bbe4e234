package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class YumNoCleanTest {

    @Test
    void rule() {
        RuleTester.of(new YumNoClean())
                .valid(
                        "FROM centos:7\nRUN yum install -y httpd && yum clean all\n",
                        "FROM centos:7\nRUN yum -y install httpd; yum -y clean all\n",
                        "FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n",
                        "FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum/*\n",
                        "FROM rockylinux:9\nRUN yum install -y httpd && dnf clean all\n",
                        "FROM centos:7\nRUN bash -c 'yum -q -y install httpd && yum clean all'\n",
                        "FROM centos:7\nRUN yum -y update && yum -y install httpd && yum clean all && rm -rf /var/cache/yum\n",
                        "FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n",
                        "FROM centos:7 AS build\nRUN yum install -y gcc\nRUN gcc -o /app main.c\n"
                                + "FROM centos:7\nCOPY --from=build /app /app\n",
                        "FROM centos:7\nRUN yum list installed\n")
                .invalid("FROM centos:7\nRUN yum -y update && yum -y install httpd\n", at(2, 12, "/var/cache/yum"))
                .invalid("FROM centos:7\nRUN yum clean all && yum install -y httpd\n", at(2, 26, "cache mount"))
                .invalid("FROM centos:7\nRUN yum group install -y \"Development Tools\"\n", at(2, 15, "`yum install`"))
                // yum clean packages leaves the metadata
                .invalid("FROM centos:7\nRUN yum install -y httpd && yum clean packages\n", at(2, 9))
                .fix("FROM centos:7\nRUN yum install -y httpd\n", Applicability.SAFE,
                        "FROM centos:7\nRUN yum install -y httpd && yum clean all\n", at(2, 9))
                .fix("FROM centos:7\nRUN yum install -y \\\n      httpd \\\n      mod_ssl\n", Applicability.SAFE,
                        "FROM centos:7\nRUN yum install -y \\\n      httpd \\\n      mod_ssl && yum clean all\n", at(2, 9))
                .test();
    }
}
