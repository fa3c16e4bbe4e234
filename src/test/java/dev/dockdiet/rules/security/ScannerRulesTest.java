package dev.dockdiet.rules.security;

import static dev.dockdiet.rules.RuleTester.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rules.RuleTester;
import dev.dockdiet.syntax.Dockerfile;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import org.junit.jupiter.api.Test;

/** The rules that bring the security scanners' Dockerfile checks (Trivy, Checkov, Semgrep) to dockdiet. */
class ScannerRulesTest {

    @Test
    void missingUser() {
        RuleTester.of(new MissingUser())
                .valid("FROM alpine:3.20\nRUN adduser -D app\nUSER app\n",
                        // a USER in a stage the final stage is built on
                        "FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nCMD [\"sh\"]\n",
                        // USER root is DD301's
                        "FROM alpine:3.20\nUSER root\n",
                        // bases that run unprivileged, or decide for themselves
                        "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n",
                        "FROM bitnami/nginx:1.27\nCOPY site /app\n",
                        "FROM nginxinc/nginx-unprivileged:1.27\nCOPY site /usr/share/nginx/html\n",
                        "FROM quay.io/jupyter/base-notebook\nRUN mamba install -y dask\n",
                        "FROM registry.access.redhat.com/ubi9/nodejs-20\nCOPY . .\n",
                        "ARG BASE\nFROM $BASE\nCOPY . .\n",
                        "FROM sonarqube:10-community\n",
                        // a template placeholder is no image
                        "FROM REPLACE-ME\nRUN echo hi\n",
                        // official image whose kept entrypoint drops privileges
                        "FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\n",
                        // privileges dropped by the entrypoint (Checkov's success_gosu)
                        "FROM base\n\nLABEL foo=\"bar baz\"\nENTRYPOINT [\"gosu\", \"me\", \"tini\", \"--\", \"/bin/sh\"]\n",
                        "FROM debian:12-slim\nRUN apt-get update && apt-get install -y gosu\nCOPY entrypoint.sh /\n"
                                + "ENTRYPOINT [\"/entrypoint.sh\"]\n",
                        "FROM alpine:3.20\nCOPY --from=tianon/gosu /gosu /usr/local/bin/\nENTRYPOINT [\"/e.sh\"]\n",
                        // Checkov's and Trivy's passing examples
                        "FROM base\n\nLABEL foo=\"bar baz\"\nUSER  me\n",
                        "FROM debian:9\nRUN apt-get update && apt-get -y install vim && apt-get clean\nUSER foo\n",
                        // scratch holds only what was copied in, and has no user database (KICS skips it too)
                        "FROM python:2.7\nRUN useradd -ms /bin/bash patrick\nUSER patrick\nCMD [\"python\", \"app.py\"]\n\n"
                                + "FROM scratch\nCOPY --chown=patrick:patrick app /app\nCMD [\"python\", \"app.py\"]\n",
                        "FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n",
                        // KICS's negative example with USER after CMD
                        "FROM golang:1.16 AS builder\nRUN go build -o app .\nFROM alpine:latest\nCOPY --from=builder /a ./\n"
                                + "CMD [\"./app\"]\nRUN useradd -ms /bin/bash patrick\n\nUSER patrick\n")
                // Trivy's bad example
                .invalid("FROM debian:9\nRUN apt-get update && apt-get -y install vim && apt-get clean\n",
                        at(1, 6, "No USER in the final stage"))
                // Checkov's failing examples
                .invalid("FROM base\n\nLABEL foo=\"bar baz\"\n", at(1, 6))
                .invalid("FROM base\n\nLABEL foo=\"bar baz\"\nCMD [\"gosu\"]\n", at(1, 6))
                .invalid("FROM base\n\nLABEL foo=\"bar baz\"\nENTRYPOINT [\"gosu\"]\n", at(1, 6))
                // a USER in a build stage only does not cover the final stage
                .invalid("FROM node:22 AS build\nUSER node\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\n",
                        at(4, 6, "No USER"))
                .invalid("FROM alpine:3.20 AS base\nRUN apk add --no-cache curl\nFROM base\nCMD [\"sh\"]\n",
                        at(3, 6, "or the stages it is built on"))
                // KICS's positive examples (lower-case instructions too)
                .invalid("FROM python:2.7\nRUN pip install Flask==0.11.1\nRUN useradd -ms /bin/bash patrick\n"
                        + "COPY --chown=patrick:patrick app /app\nWORKDIR /app\nCMD [\"python\", \"app.py\"]\n", at(1, 6))
                .invalid("from python:2.7\nrun useradd -ms /bin/bash patrick\nworkdir /app\ncmd [\"python\", \"app.py\"]\n",
                        at(1, 6))
                .invalid("FROM golang:1.16 AS builder\nRUN go build -o app .\n\nFROM alpine:latest  \n"
                        + "RUN apk --no-cache add ca-certificates\nCOPY --from=builder /go/app ./\nCMD [\"./app\"] \n", at(4, 6))
                .invalid("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out /app\n", at(1, 6))
                .invalid("FROM postgres:16\nENTRYPOINT [\"/my-entrypoint.sh\"]\n", at(1, 6))
                .invalid("FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nCOPY app /app\n", at(1, 6))
                .test();
    }

    @Test
    void missingUserSkipsDevContainers() {
        var ctx = new RuleContext(Dockerfile.parse("FROM debian:12\n"), Path.of("p/.devcontainer/Dockerfile"),
                RuleSettings.defaults(), new IdentityHashMap<>(), t -> null);
        new MissingUser().check(ctx);
        assertThat(ctx.findings()).isEmpty();
    }

    @Test
    void hardcodedSecret() {
        RuleTester.of(new HardcodedSecret())
                .valid("FROM alpine:3.20\nARG NPM_TOKEN\nRUN --mount=type=secret,id=t,env=NPM_TOKEN npm ci\n",
                        "FROM alpine:3.20\nENV API_TOKEN=$API_TOKEN\n",
                        "FROM alpine:3.20\nENV DB_PASSWORD=changeme123456789\n",
                        "FROM alpine:3.20\nENV SECRET_KEY_FILE=/run/secrets/key\n",
                        // AWS's documented example key
                        "FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n",
                        // public key fingerprints and checksums under names that are not secret
                        "FROM python:3.12\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305\n",
                        "FROM node:22\nENV NODE_VERSION=22.11.0 YARN_VERSION=1.22.22\n",
                        "FROM alpine:3.20\nENV AUTH_TOKEN=your-token-here-0123456789\n",
                        "FROM alpine:3.20\nENV API_KEY=short1\n",
                        "FROM alpine:3.20\nRUN mysql --password=root -e 'select 1'\n",
                        "FROM alpine:3.20\nENV DATABASE_URL=postgres://postgres:postgres@db:5432/app\n",
                        "FROM alpine:3.20\nRUN git clone https://${GITHUB_TOKEN}@github.com/org/repo.git\n",
                        "FROM alpine:3.20\nENV SESSION_TIMEOUT=3600 TOKEN_TTL=1h\n",
                        "FROM alpine:3.20\nRUN grep -q 'BEGIN RSA PRIVATE KEY' /tmp/key\n")
                .invalid("FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIA2OGYBAH6QZ5KJ7NX\n",
                        at(2, 23, "AWS access key id (AKIA****, 20 characters)"))
                .invalid("FROM alpine:3.20\nRUN git clone https://ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8@github.com/o/r.git\n",
                        at(2, 23, "GitHub token (ghp_****"))
                .invalid("FROM alpine:3.20\nRUN curl -X POST https://hooks.slack.com/services/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\n",
                        at(2, 18, "Slack webhook URL (https://hooks.slack.com/services/****"))
                .invalid("FROM alpine:3.20\nENV SLACK_BOT=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx\n",
                        at(2, 15, "Slack token (xoxb-****"))
                .invalid("FROM alpine:3.20\nRUN echo \"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\\n-----END OPENSSH PRIVATE KEY-----\" > /root/.ssh/id_ed25519\n",
                        at(2, 11, "private key"))
                .invalid("FROM alpine:3.20\nENV API_TOKEN=9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c\n",
                        at(2, 5, "ENV API_TOKEN (****, 32 characters)"))
                .invalid("FROM alpine:3.20\nARG DB_PASSWORD=Xk9#mQ2vL8pR4wZ7nB3t\n", at(2, 5, "ARG DB_PASSWORD"))
                .invalid("FROM alpine:3.20\nRUN export API_TOKEN=9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c && ./deploy.sh\n",
                        at(2, 12, "RUN API_TOKEN"))
                .invalid("FROM alpine:3.20\nRUN SECRET_KEY=Zx81Kq0LmWn3Vb7Rt5Yu9Io2 ./run.sh\n", at(2, 5, "RUN SECRET_KEY"))
                .invalid("FROM alpine:3.20\nRUN ./cli login --token 8Hj2Kl9Qw3Er5Ty7Ui1O\n", at(2, 25, "after --token"))
                .invalid("FROM python:3.12\nRUN pip install --index-url https://deploy:Gq7Rt2Zx9Lp4Wm8N@pypi.corp.example/simple app\n",
                        at(2, 44, "password in a URL"))
                // the value never appears in the message
                .invalid("FROM alpine:3.20\nENV LICENSE_KEY lgNvGyhnUKpa5PJi\n", at(2, 5, "LICENSE_KEY"))
                .test();
        var findings = RuleTester.of(new HardcodedSecret())
                .findings("FROM a:1\nENV GH=ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8 API_TOKEN=9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c\n");
        assertThat(findings).hasSize(2);
        for (Finding f : findings) {
            assertThat(f.message()).doesNotContain("a1B2c3D4").doesNotContain("9f8e7d6c");
        }
    }

    @Test
    void literalUserPassword() {
        RuleTester.of(new LiteralUserPassword())
                .valid("FROM debian:12\nRUN --mount=type=secret,id=pw chpasswd < /run/secrets/pw\n",
                        "FROM debian:12\nRUN echo \"app:$APP_PASSWORD\" | chpasswd\n",
                        "FROM debian:12\nRUN useradd -m app && passwd -l app\n",
                        "FROM debian:12\nRUN useradd -m -p '*' app\n",
                        "FROM debian:12\nRUN echo chpasswd\n",
                        "FROM debian:12\nRUN cat /etc/passwd | grep root\n")
                // the corpus' cases
                .invalid("FROM fedora:40\nRUN useradd jenkins\nRUN echo \"jenkins:jenkins\" | chpasswd\n",
                        at(3, 30, "chpasswd sets a password written in the Dockerfile"))
                .invalid("FROM ubuntu:24.04\nRUN echo 'root:salt-master' | chpasswd\n", at(2, 31))
                .invalid("FROM ubuntu:24.04\nRUN chpasswd <<< 'root:toor'\n", at(2, 5))
                .invalid("FROM ubuntu:24.04\nRUN chpasswd -e <<'EOF'\nroot:$6$abc$def\nEOF\n", at(2, 5, "as a hash"))
                .invalid("FROM centos:7\nRUN echo 'p4ss' | passwd --stdin app\n", at(2, 19))
                .invalid("FROM ubuntu:24.04\nRUN useradd -m -p '$6$salt$hash' app\n", at(2, 19, "password hash"))
                .invalid("FROM alpine:3.20\nRUN passwd -d root\n", at(2, 5, "removes the password"))
                .test();
    }

    @Test
    void dockerSocketMount() {
        RuleTester.of(new DockerSocketMount())
                .valid("FROM docker:27-cli\nVOLUME /var/lib/docker\n",
                        "FROM docker:27-cli\nENV DOCKER_HOST=unix:///var/run/docker.sock\n",
                        "FROM alpine:3.20\nCMD [\"--docker_socket=/var/run/docker.sock\"]\n",
                        "FROM alpine:3.20\nRUN ./setup.sh /var/run/docker-host.sock /var/run/docker.sock\n")
                .invalid("FROM docker:27-cli\nVOLUME /var/run/docker.sock\n", at(2, 8, "VOLUME /var/run/docker.sock"))
                .invalid("FROM docker:27-cli\nVOLUME [\"/data\", \"/run/docker.sock\"]\n", at(2, 18))
                .invalid("FROM alpine:3.20\nLABEL RUN='docker run -d -v /var/run/docker.sock:/var/run/docker.sock ${IMAGE}'\n",
                        at(2, 29, "Mounting /var/run/docker.sock"))
                .invalid("FROM alpine:3.20\nCMD docker run --mount type=bind,source=/run/docker.sock,target=/s img\n",
                        at(2, 41))
                .test();
    }

    @Test
    void systemDirectoryTarget() {
        RuleTester.of(new SystemDirectoryTarget())
                .valid("FROM alpine:3.20\nWORKDIR /app\nCOPY . .\n",
                        "FROM alpine:3.20\nWORKDIR /process\nCOPY x /device/\nCOPY y /system/\n",
                        "FROM alpine:3.20\nCOPY a /dev/null\n",
                        "FROM alpine:3.20\nWORKDIR proc\n")
                // Trivy's DS030 cases, and the directories themselves
                .invalid("FROM alpine:3.20\nWORKDIR /proc/self/fd/1\n", at(2, 9, "under /proc"))
                .invalid("FROM alpine:3.20\nWORKDIR /dev/\n", at(2, 9))
                .invalid("FROM alpine:3.20\nWORKDIR \"/boot/app\"\n", at(2, 9, "/boot"))
                .invalid("FROM alpine:3.20\nWORKDIR /sys\n", at(2, 9))
                .invalid("FROM alpine:3.20\nCOPY conf /sys/kernel/conf\n", at(2, 11, "COPY into /sys/kernel/conf"))
                .invalid("FROM alpine:3.20\nADD rootfs.tar /proc/\n", at(2, 16, "ADD into"))
                .test();
    }

    @Test
    void updateWithoutInstall() {
        RuleTester.of(new UpdateWithoutInstall())
                // Trivy's and Checkov's passing examples
                .valid("FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y --no-install-recommends mysql-client"
                                + " && rm -rf /var/lib/apt/lists/*\nRUN apk update && apk add --no-cache git ca-certificates\n"
                                + "RUN apk --update add easy-rsa\nRUN /bin/sh /scripts/someScript.sh update\n"
                                + "RUN apt-get install -y nginx\nENTRYPOINT mysql\n",
                        "FROM ubuntu:18.04\nRUN apt-get update -y ; apt-get install -y curl\n",
                        "FROM ubuntu:18.04\nRUN apt-get update -y && apt-get upgrade -y && apt-get install -y curl\n",
                        "FROM ubuntu:18.04\nRUN test && apt-get update && apt upgrade --yes\n",
                        "FROM maven:alpine\nCOPY build.sbt version.sbt ./\nRUN sbt update \n",
                        "FROM centos:8\nRUN dnf update && dnf install -y dnf-plugins-core\n",
                        "FROM opensuse/tumbleweed\nRUN zypper up -y  && zypper install -y curl wget zip unzip tar git\n",
                        "FROM centos:7\nRUN yum update -y && yum -y install java-11-openjdk\n",
                        "FROM debian:trixie\nRUN <<EOF\napt-get update\napt-get install --no-install-recommends -y gettext\nEOF\n",
                        "FROM base\n\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends foo \\\n && echo gooo\n\n"
                                + "RUN apk update \\\n && apk add --no-cache suuu looo\n\nRUN apk --update add moo\n",
                        // the index is removed again, or a script may install from it
                        "FROM debian:12\nRUN apt-get update && apt-get purge -y x && rm -rf /var/lib/apt/lists/*\n",
                        "FROM centos:7\nRUN yum -y update; yum clean all\n",
                        "FROM debian:12\nRUN apt-get update && bash /tmp/library-scripts/common-debian.sh true\n",
                        "FROM centos:7\nRUN yum update -y openssl\n",
                        // KICS's negative examples
                        "FROM alpine:latest\nRUN apk update && apk add nginx\nRUN apk --update-cache add vim\nRUN apk -U add nano\n",
                        "FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y netcat \\\n    apt-get update && apt-get install -y supervisor\n",
                        "FROM archlinux:latest\nRUN pacman -Syu && pacman -S nginx\n")
                // Trivy's failing examples
                .invalid("FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends "
                        + "mysql-client && rm -rf /var/lib/apt/lists/*\nENTRYPOINT mysql\n", at(2, 5, "`apt-get update`"))
                .invalid("FROM ubuntu:18.04\nRUN [\"apt-get\", \"update\"]\nENTRYPOINT mysql\n", at(2, 6))
                .invalid("FROM ubuntu:18.04\nRUN apt-get update && adduser mike\n", at(2, 5))
                .invalid("FROM centos:8\nRUN dnf update -y\n", at(2, 5, "`dnf update`"))
                .invalid("FROM opensuse/tumbleweed\nRUN zypper up -y\n", at(2, 5, "`zypper up`"))
                .invalid("FROM centos:latest\nRUN yum update -y\n", at(2, 5))
                // Checkov's failing example
                .invalid("FROM base\n\nRUN apk update\n", at(3, 5, "apk add --no-cache"))
                .invalid("FROM debian:12\nONBUILD RUN apt-get update\n", at(2, 13))
                // KICS's positive examples
                .invalid("FROM opensuse:latest\nRUN zypper refresh\nRUN zypper install nginx\n", at(2, 5, "`zypper refresh`"))
                .invalid("FROM debian:latest\nRUN apt update\nRUN apt install nginx\n", at(2, 5))
                .invalid("FROM centos:latest\nRUN yum update\nRUN yum install nginx\n", at(2, 5))
                .invalid("FROM fedora:latest\nRUN dnf update\nRUN dnf install nginx\n", at(2, 5))
                .invalid("FROM archlinux:latest\nRUN pacman -Syu\nRUN pacman -S nginx\n", at(2, 5, "`pacman -Syu`"))
                .invalid("from alpine:latest\nrun apk update\nrun apk add nginx\n", at(2, 5))
                .test();
    }

    @Test
    void copyFromIndex() {
        RuleTester.of(new CopyFromIndex())
                .valid("FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\n",
                        "FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n",
                        // unknown or later stages are DD210's
                        "FROM alpine:3.20\nCOPY --from=3 /a /a\n",
                        "FROM alpine:3.20\nCOPY --from=0 /a /a\n")
                .fix("FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\n"
                                + "COPY --from=0 /out/app /app\n", Applicability.SAFE,
                        "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\n"
                                + "COPY --from=build /out/app /app\n", at(4, 6, "use its name 'build'"))
                .fix("FROM golang:1.22\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=0 /out/app /app\n",
                        Applicability.SUGGESTED,
                        "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n",
                        at(4, 6, "name the stage"))
                // KICS's positive example (Using Unnamed Build Stages)
                .fix("from golang:1.16\nrun go build -o app .\n\nfrom alpine:latest  \ncopy --from=0 /go/app ./\ncmd [\"./app\"] \n",
                        Applicability.SUGGESTED,
                        "from golang:1.16 AS build\nrun go build -o app .\n\nfrom alpine:latest  \ncopy --from=build /go/app ./\n"
                                + "cmd [\"./app\"] \n", at(5, 6))
                // `build` is taken: the second stage becomes build-1
                .fix("FROM golang:1.22 AS build\nFROM node:22\nFROM alpine:3.20\nCOPY --from=1 /x /x\n",
                        Applicability.SUGGESTED,
                        "FROM golang:1.22 AS build\nFROM node:22 AS build-1\nFROM alpine:3.20\nCOPY --from=build-1 /x /x\n",
                        at(4, 6))
                .test();
    }

    @Test
    void tlsChecksFromCheckov() {
        RuleTester.of(new TlsVerificationDisabled())
                .valid("FROM alpine:3.5\nENV ASDFGIT_SSL_NO_VERIFY=1\nARG GIT_SSL_NO_VERIFYASDF=1\nRUN unset GIT_SSL_NO_VERIFY\n",
                        "FROM alpine:3.5\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\nARG NODE_TLS_REJECT_UNAUTHORIZED=1\n"
                                + "RUN NODE_TLS_REJECT_UNAUTHORIZED='1' python example.py\n",
                        "FROM node:18\nENV NPM_CONFIG_STRICT_SSL=true\nARG npm_config_strict_ssl=true\n"
                                + "RUN NPM_CONFIG_STRICT_SSLLOL=false npm install\n",
                        "FROM python:3\nRUN PIP_TRUSTED_HOSTASDF=test pip install checkov\n"
                                + "RUN echo PIP_TRUSTED_HOST | pip install checkov && echo \"PIP_TRUSTED_HOST\"\n",
                        "FROM alpine:3.5\nENV PYTHONHTTPSVERIFY=1\nARG PYTHONHTTPSVERIFY=1\n",
                        "FROM centos:8\nRUN dnf config-manager --setopt=sslverify=1 --save\n",
                        "FROM golang:1.22\nENV GOPRIVATE=git.example.com/*\n")
                .invalid("FROM alpine:3.5\nARG GIT_SSL_NO_VERIFY=true\n", at(2, 5, "GIT_SSL_NO_VERIFY"))
                .invalid("FROM alpine:3.15\nRUN ABC=123 echo test&&NODE_TLS_REJECT_UNAUTHORIZED=0 python example.py&&DEF=456 echo lol;\n",
                        at(2, 24))
                .invalid("FROM alpine:3.5\nARG PYTHONHTTPSVERIFY=0\n", at(2, 5))
                .invalid("FROM golang:1.14\nRUN export GOINSECURE=something.example.com,*.example.com && go mod tidy\n",
                        at(2, 12, "GOINSECURE"))
                .invalid("FROM golang:1.14\nENV GOINSECURE *.eng.example.com\n", at(2, 5))
                .invalid("FROM centos:8\nRUN dnf config-manager --setopt=\"*.sslverify=false\" --save\n", at(2, 24, "sslverify"))
                .invalid("FROM centos:7\nRUN yum-config-manager --setopt=epel.sslverify=0 --save\n", at(2, 24))
                .invalid("FROM centos:7\nRUN echo 'sslverify=false' >> /etc/yum.conf\n", at(2, 10, "sslverify"))
                .invalid("FROM continuumio/miniconda3\nRUN conda config --set ssl_verify false\n", at(2, 24, "conda"))
                .invalid("FROM node:18\nRUN yarn config set strict-ssl false\n", at(2, 21))
                .test();
    }

    @Test
    void signatureChecksFromCheckov() {
        RuleTester.of(new UnverifiedPackages())
                .valid("FROM debian:bullseye\nRUN apt-get install python3 | grep \"--allow-unauthenticated\"\n"
                                + "RUN apt-get update &&\\\n    echo \"--force-yes\"\n",
                        "FROM alpine:3.5\nRUN apk add a-handbag | grep \"--allow-untrusted\"\n",
                        "FROM centos:8\nRUN dnf install -y --setopt=gpgcheck=1 x\n")
                .invalid("FROM debian:bullseye\nRUN apt-get \\\n    install python3 \\\n    --force-yes\n", at(4, 5))
                .invalid("FROM fedora:40\nRUN rpm -ivh --noverify pkg.rpm\n", at(2, 14, "--noverify"))
                .invalid("FROM fedora:40\nRUN rpm -i --nofiledigest pkg.rpm\n", at(2, 12))
                .invalid("FROM centos:8\nRUN dnf install -y --setopt=gpgcheck=0 x\n", at(2, 20, "gpgcheck=0"))
                .test();
    }

    @Test
    void imageNotPinnedByDigest() {
        RuleTester.of(new ImageNotPinnedByDigest())
                .valid("FROM node:22-slim@sha256:3cb9b6e02bab2b8bd0f9f4a7a8bfa15d1b5f4a4a3c5a0d5a9f0e6b1b0d5c2c1a\n",
                        "FROM scratch\nCOPY app /app\n",
                        "FROM golang:1.22@sha256:aaaa AS build\nFROM build\nCOPY --from=build /a /a\n",
                        "ARG BASE\nFROM $BASE\n",
                        "FROM alpine@sha256:bbbb\nCOPY --from=nginx@sha256:cccc /etc/nginx /etc/nginx\n")
                .invalid("FROM node:22-slim\n", at(1, 6, "FROM node:22-slim is pulled by tag"))
                .invalid("ARG V=22\nFROM node:${V}-slim\n", at(2, 6, "(node:22-slim)"))
                .invalid("FROM golang:1.22 AS build\nFROM gcr.io/distroless/static@sha256:dddd\n"
                        + "COPY --from=build /a /a\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n",
                        at(1, 6), at(4, 6, "COPY --from=nginx:1.27"))
                .test();
    }

    @Test
    void imageNotPinnedByDigestIsOffUntilConfigured() {
        dev.dockdiet.lint.Linter linter = new dev.dockdiet.lint.Linter(dev.dockdiet.rules.Rules.all(), t -> null);
        String text = "FROM node:22-slim\nUSER node\n";
        var off = linter.lint(text, null, "Dockerfile", dev.dockdiet.config.Config.defaults(), RuleSettings.defaults(), null);
        assertThat(off.findings()).noneMatch(f -> f.rule().id().equals("DD321"));
        var config = new dev.dockdiet.config.ConfigLoader(dev.dockdiet.rules.Rules::resolve)
                .parse("severity:\n  DD321: warning\n", ".dockdiet.yaml", java.nio.file.Path.of(".dockdiet.yaml"), false);
        var on = linter.lint(text, null, "Dockerfile", config, RuleSettings.defaults(), null);
        assertThat(on.findings()).anyMatch(f -> f.rule().id().equals("DD321"));
    }
}
