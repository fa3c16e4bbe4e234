package dev.dockdiet.rules.build;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/**
 * yum, dnf and zypper switches and pins, go pins and the /bin/sh symlink (DD223–DD231). Cases
 * marked "hadolint" are the examples of hadolint's own test suite for the aliased rule; like
 * hadolint, a fragment without FROM and an ONBUILD RUN are checked too.
 */
class RpmAndGoRulesTest {

    @Test
    void yumMissingYes() {
        RuleTester.of(new YumMissingYes())
                // hadolint
                .valid("RUN yum install -y httpd-2.4.24 && yum clean all\n",
                        "RUN bash -c `# not even a yum command`\n",
                        "FROM centos:7\nONBUILD RUN yum install -y httpd-2.4.24 && yum clean all\n",
                        // more
                        "FROM centos:7\nRUN yum --assumeyes install httpd\n",
                        "FROM centos:7\nRUN yum -qy groupinstall 'Development Tools'\n",
                        "FROM centos:7\nRUN yum clean all\n",
                        "FROM centos:7\nRUN yum update -y && yum remove httpd\n",
                        "FROM centos:7\nRUN echo assumeyes=1 >> /etc/yum.conf\nRUN yum install httpd\n",
                        "FROM centos:7\nRUN echo yum install httpd\n")
                .invalid("RUN yum install httpd-2.4.24 && yum clean all\n", at(1, 9, "yum install -y"))
                .fix("FROM centos:7\nONBUILD RUN yum install httpd-2.4.24 && yum clean all\n", Applicability.SAFE,
                        "FROM centos:7\nONBUILD RUN yum install -y httpd-2.4.24 && yum clean all\n", at(2, 17))
                .fix("FROM centos:7\nRUN sudo yum --enablerepo epel localinstall \\\n    ./x.rpm\n", Applicability.SAFE,
                        "FROM centos:7\nRUN sudo yum --enablerepo epel localinstall -y \\\n    ./x.rpm\n",
                        at(2, 32, "localinstall"))
                .invalid("FROM centos:7\nRUN [\"yum\", \"install\", \"httpd\"]\n", at(2, 13))
                .test();
    }

    @Test
    void dnfMissingYes() {
        RuleTester.of(new DnfMissingYes())
                // hadolint
                .valid("RUN dnf install -y httpd-2.4.24 && dnf clean all\n",
                        "FROM fedora:40\nONBUILD RUN microdnf install -y httpd-2.4.24 && microdnf clean all\n",
                        "RUN microdnf install -y httpd-2.4.24 && microdnf clean all\n",
                        "RUN notdnf install httpd\n",
                        "FROM fedora:40\nONBUILD RUN dnf install -y httpd-2.4.24 && dnf clean all\n",
                        // more
                        "FROM fedora:40\nRUN dnf --assumeyes install httpd\n",
                        "FROM fedora:40\nRUN dnf -y module install nodejs:20\n",
                        "FROM fedora:40\nRUN dnf upgrade --refresh\n")
                .invalid("RUN dnf install httpd-2.4.24 && dnf clean all\n", at(1, 9, "dnf install -y"))
                .fix("FROM fedora:40\nRUN microdnf install httpd-2.4.24 && microdnf clean all\n", Applicability.SAFE,
                        "FROM fedora:40\nRUN microdnf install -y httpd-2.4.24 && microdnf clean all\n",
                        at(2, 14, "microdnf install -y"))
                .fix("FROM fedora:40\nONBUILD RUN dnf groupinstall 'Development Tools'\n", Applicability.SAFE,
                        "FROM fedora:40\nONBUILD RUN dnf groupinstall -y 'Development Tools'\n", at(2, 17))
                .test();
    }

    @Test
    void zypperNonInteractive() {
        RuleTester.of(new ZypperMissingYes())
                // hadolint
                .valid("RUN zypper install -y httpd=2.4.24 && zypper clean\n",
                        "RUN zypper install --no-confirm httpd=2.4.24 && zypper clean\n",
                        "RUN zypper install -n httpd=2.4.24 && zypper clean\n",
                        "RUN zypper install --non-interactive httpd=2.4.24 && zypper clean\n",
                        "FROM opensuse/leap:15.6\nONBUILD RUN zypper install -y httpd=2.4.24 && zypper clean\n",
                        // more
                        "FROM opensuse/leap:15.6\nRUN zypper -n in curl\n",
                        "FROM opensuse/leap:15.6\nRUN zypper --non-interactive remove curl\n",
                        "FROM opensuse/leap:15.6\nRUN zypper refresh && zypper clean\n")
                .invalid("RUN zypper install httpd=2.4.24 && zypper clean\n", at(1, 12, "zypper -n install"))
                .fix("FROM opensuse/leap:15.6\nRUN zypper rm curl && zypper si vim\n", Applicability.SAFE,
                        "FROM opensuse/leap:15.6\nRUN zypper -n rm curl && zypper -n si vim\n", at(2, 12), at(2, 30))
                .fix("FROM opensuse/leap:15.6\nONBUILD RUN zypper patch\n", Applicability.SAFE,
                        "FROM opensuse/leap:15.6\nONBUILD RUN zypper -n patch\n", at(2, 20, "patch"))
                .test();
    }

    @Test
    void zypperDistUpgrade() {
        RuleTester.of(new ZypperDistUpgrade())
                // hadolint
                .valid("RUN zypper install httpd=2.4.24 && zypper clean\n",
                        // more
                        "FROM opensuse/leap:15.6\nRUN zypper -n update && zypper clean\n",
                        "FROM opensuse/leap:15.6\nRUN echo zypper dup\n")
                .invalid("RUN zypper dist-upgrade\n", at(1, 12, "zypper dist-upgrade"))
                .invalid("RUN zypper dup\n", at(1, 12, "zypper dup"))
                .invalid("FROM opensuse/leap:15.6\nONBUILD RUN zypper -n dup -l\n", at(2, 23))
                .test();
    }

    @Test
    void yumUnpinned() {
        RuleTester.of(new YumUnpinned())
                // hadolint
                .valid("RUN yum install -y tomcat-9.2 && yum clean all\n",
                        "RUN bash -c `# not even a yum command`\n",
                        "RUN yum module install -y tomcat:9 && yum clean all\n",
                        "FROM centos:7\nONBUILD RUN yum install -y tomcat-9.2 && yum clean all\n",
                        // more
                        "FROM centos:7\nRUN yum install -y python3-3.9.16-1.el9 openssl-libs-1:3.0.7\n",
                        "FROM centos:7\nRUN yum install -y /tmp/pkg.rpm https://example.com/x.noarch.rpm\n",
                        "FROM centos:7\nARG PKG=tomcat-9.2\nRUN yum install -y $PKG\n",
                        "FROM centos:7\nENV V=9.2\nRUN yum install -y tomcat-${V}\n",
                        "FROM centos:7\nRUN yum --enablerepo epel install -y jq-1.6\n",
                        "FROM centos:7\nRUN yum remove -y tomcat\n")
                .invalid("RUN yum install -y tomcat && yum clean all\n", at(1, 20, "tomcat"))
                .invalid("RUN yum module install -y tomcat && yum clean all\n", at(1, 27, "tomcat:<stream>"))
                .invalid("FROM centos:7\nONBUILD RUN yum install -y tomcat && yum clean all\n", at(2, 28))
                .invalid("FROM centos:7\nRUN yum install -y python3-pip epel-release\n",
                        at(2, 20, "python3-pip, epel-release"))
                .invalid("FROM centos:7\nRUN yum install -y $UNDECLARED\n", at(2, 20))
                .test();
    }

    @Test
    void dnfUnpinned() {
        RuleTester.of(new DnfUnpinned())
                // hadolint
                .valid("RUN dnf install -y tomcat-9.0.1 && dnf clean all\n",
                        "RUN microdnf install -y tomcat-9.0.1 && microdnf clean all\n",
                        "RUN notdnf install tomcat\n",
                        "RUN dnf module install -y tomcat:9 && dnf clean all\n",
                        "RUN microdnf module install -y tomcat:9 && microdnf clean all\n",
                        "RUN notdnf module install tomcat\n",
                        "FROM fedora:40\nONBUILD RUN dnf install -y tomcat-9.0.1 && dnf clean all\n",
                        // more
                        "FROM fedora:40\nRUN dnf group install -y 'Development Tools'\n",
                        "FROM fedora:40\nRUN dnf install -y ./local.rpm\n")
                .invalid("RUN dnf install -y tomcat && dnf clean all\n", at(1, 20, "dnf install -y <package>-<version>"))
                .invalid("RUN microdnf install -y tomcat && microdnf clean all\n", at(1, 25, "microdnf install"))
                .invalid("RUN dnf module install -y tomcat && dnf clean all\n", at(1, 27, "tomcat:<stream>"))
                .invalid("RUN microdnf module install -y tomcat && microdnf clean all\n", at(1, 32))
                .invalid("FROM fedora:40\nONBUILD RUN dnf install -y tomcat && dnf clean all\n", at(2, 28))
                .test();
    }

    @Test
    void zypperUnpinned() {
        RuleTester.of(new ZypperUnpinned())
                // hadolint
                .valid("RUN zypper install -y tomcat=9.0.39 && zypper clean\n",
                        "RUN zypper install -y tomcat\\>=9.0 && zypper clean\n",
                        "RUN zypper install -y tomcat\\>9.0 && zypper clean\n",
                        "RUN zypper install -y tomcat\\<=9.0 && zypper clean\n",
                        "RUN zypper install -y tomcat\\<9.0 && zypper clean\n",
                        "RUN zypper install -y tomcat-9.0.39-1.rpm && zypper clean\n",
                        "FROM opensuse/leap:15.6\nONBUILD RUN zypper install -y tomcat=9.0.39 && zypper clean\n",
                        // more
                        "FROM opensuse/leap:15.6\nRUN zypper -n in -t pattern=x devel_basis=1\n",
                        "FROM opensuse/leap:15.6\nRUN zypper -n remove tomcat\n")
                .invalid("RUN zypper install -y tomcat && zypper clean\n", at(1, 23, "tomcat=<version>"))
                .invalid("FROM opensuse/leap:15.6\nONBUILD RUN zypper in -y 'tomcat' && zypper clean\n", at(2, 26))
                .invalid("FROM opensuse/leap:15.6\nRUN zypper -n in -t pattern devel_basis\n", at(2, 29, "devel_basis"))
                .test();
    }

    @Test
    void goUnpinned() {
        RuleTester.of(new GoUnpinned())
                // hadolint
                .valid("RUN go install example.com/pkg@v1.2.3\n",
                        "RUN go install /go/app/foobar\n",
                        "RUN go install ./app/foobar\n",
                        "RUN go install .\n",
                        "RUN go install tool foobar@v1.2.3\n",
                        "RUN go get example.com/pkg@v1.2.3\n",
                        "RUN go get -tool foobar@v1.2.3\n",
                        "RUN go run example.com/pkg@v1.2.3\n",
                        "RUN go run example.com/pkg@v1.2.3 -f\n",
                        "RUN go run example.com/pkg@v1.2.3 -foobar\n",
                        "RUN go run example.com/pkg@v1.2.3 --foobar\n",
                        "RUN go run example.com/pkg@v1.2.3 foobar\n",
                        "RUN go run example.com/pkg@v1.2.3 --foo bar\n",
                        "RUN go run /go/app/foobar\n",
                        "RUN go run ./app/foobar\n",
                        "RUN go run .\n",
                        "FROM golang:1.22\nONBUILD RUN go install example.com/pkg@v1.2.3\n",
                        // more
                        "FROM golang:1.22\nRUN go run main.go\n",
                        "FROM golang:1.22\nRUN go build -o /app . && go mod download && go get\n",
                        "FROM golang:1.22\nRUN go install -v ./...\n",
                        "FROM golang:1.22\nARG PKG=x.dev/y@v1\nRUN go install $PKG\n",
                        "FROM golang:1.22\nRUN go install -ldflags '-s -w' github.com/x/y@v0.3.1\n",
                        "FROM golang:1.14\nRUN go get github.com/hashicorp/consul || true\n"
                                + "WORKDIR /go/src/github.com/hashicorp/consul\nRUN git checkout \"${CONSUL_VERSION}\"\n")
                .invalid("RUN go install example.com/pkg\n", at(1, 16, "example.com/pkg@<version>"))
                .invalid("RUN go install example.com/pkg@latest\n", at(1, 16, "not @latest"))
                .invalid("RUN go install tool foobar\n", at(1, 21, "foobar"))
                .invalid("RUN go install tool foobar@latest\n", at(1, 21))
                .invalid("RUN go get example.com/pkg\n", at(1, 12, "go get"))
                .invalid("RUN go get example.com/pkg@latest\n", at(1, 12))
                .invalid("RUN go get -tool foobar\n", at(1, 18))
                .invalid("RUN go get -tool foobar@latest\n", at(1, 18))
                .invalid("RUN go run example.com/pkg\n", at(1, 12, "go run"))
                .invalid("RUN go run example.com/pkg@latest\n", at(1, 12))
                .invalid("FROM golang:1.22\nONBUILD RUN go install example.com/pkg\n", at(2, 24))
                .invalid("FROM golang:1.22\nRUN go get -u golang.org/x/a golang.org/x/b@none\n",
                        at(2, 15, "golang.org/x/a, golang.org/x/b@none"))
                .test();
    }

    @Test
    void shellSymlink() {
        RuleTester.of(new ShellSymlink())
                // hadolint
                .valid("RUN ln -sf /bin/true /sbin/initctl\n",
                        "RUN ln -s foo bar && unrelated && something_with /bin/sh\n",
                        // more
                        "FROM debian:12\nRUN ln -s /usr/bin/python3 /usr/bin/python\n",
                        "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo /bin/sh\n")
                .invalid("RUN ln -sfv /bin/bash /bin/sh\n", at(1, 5, "Use SHELL"))
                .invalid("FROM debian:12\nONBUILD RUN ln -sf /bin/bash /bin/sh\n", at(2, 13))
                .invalid("FROM debian:12\nRUN rm /bin/sh && ln -s /bin/bash /bin/sh && ln -sf bash /bin/sh\n", at(2, 19))
                .test();
    }
}
