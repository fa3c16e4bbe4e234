package dev.dockdiet.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.syntax.Dockerfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Agreement with the scanners on their own examples (Trivy's rego tests and example files,
 * Checkov's test Dockerfiles, KICS's positive/negative samples): each case is a whole file and the
 * scanner's verdict (does the check fire?). The rules that answer a check must agree on at least
 * 90% of its cases; the known, documented disagreements are listed with each case.
 */
class ScannerParityTest {

    private record Case(String source, String dockerfile, boolean fires) {
    }

    private static Case c(String source, boolean fires, String dockerfile) {
        return new Case(source, dockerfile, fires);
    }

    private static double agreement(String check, List<Case> cases, Rule... rules) {
        int agree = 0;
        List<String> differ = new ArrayList<>();
        for (Case k : cases) {
            boolean fired = false;
            for (Rule r : rules) {
                RuleContext ctx = RuleContext.of(Dockerfile.parse(k.dockerfile()));
                r.check(ctx);
                fired |= !ctx.findings().isEmpty();
            }
            if (fired == k.fires()) {
                agree++;
            } else {
                differ.add(k.source());
            }
        }
        double a = (double) agree / cases.size();
        System.out.printf(Locale.ROOT, "parity %-28s %2d/%2d = %5.1f%%  differ: %s%n", check, agree, cases.size(), 100 * a,
                differ);
        return a;
    }

    @Test
    void noUser() {
        List<Case> cases = List.of(
                c("trivy yaml bad", true, "FROM debian:9\nRUN apt-get update && apt-get -y install vim && apt-get clean\n"),
                c("trivy yaml good", false, "FROM debian:9\nRUN apt-get update && apt-get -y install vim && apt-get clean\nUSER foo\n"),
                c("trivy test_no_user_cmd_denied", true, "FROM alpine:3.13\nEXPOSE 22\n"),
                c("trivy test_not_root_allowed", false, "FROM alpine:3.13\nUSER user1\n"),
                c("trivy test_last_non_root_allowed", false, "FROM alpine:3.13\nUSER root\nUSER user1\n"),
                c("trivy test_last_root_denied", true, "FROM alpine:3.13\nRUN apt-get update\nUSER user1\n"
                        + "RUN apt-get update\nUSER root\nRUN apt-get update\n"),
                c("trivy test_last_root_case_2", true, "FROM alpine:3.13\nUSER user1\nUSER root\n"),
                c("trivy test_last_root_with_group_denied", true, "FROM alpine:3.13\nUSER user1\nUSER root:root\n"),
                c("trivy test_last_root_as_uid", true, "FROM alpine:3.13\nUSER user1\nUSER 0\n"),
                c("trivy test_last_root_uid_group", true, "FROM alpine:3.13\nUSER user1\nUSER 0:0\n"),
                // differs on purpose: DD301 (hadolint's DL3002) reports a build stage left at USER root
                c("trivy multi_stage_allowed", false, "FROM alpine:3.13\nUSER root\nFROM alpine:3.14\nUSER user1\n"),
                c("trivy multi_stage_denied", true, "FROM alpine:3.13\nUSER root\nFROM alpine:3.14\nCOPY blah.zip /\n"),
                c("checkov failure", true, "FROM base\n\nLABEL foo=\"bar baz\n"),
                c("checkov failure_no_user", true, "FROM base\n\nLABEL foo=\"bar baz\"\n"),
                c("checkov failure_no_gosu_cmd", true, "FROM base\n\nLABEL foo=\"bar baz\"\nCMD [\"gosu\"]\n"),
                c("checkov failure_no_gosu_entrypoint", true, "FROM base\n\nLABEL foo=\"bar baz\"\nENTRYPOINT [\"gosu\"]\n"),
                c("checkov success_user", false, "FROM base\n\nLABEL foo=\"bar baz\"\nUSER  me\n"),
                c("checkov success_gosu", false, "FROM base\n\nLABEL foo=\"bar baz\"\n"
                        + "ENTRYPOINT [\"gosu\", \"me\", \"tini\", \"--\", \"/bin/sh\"]\n"),
                c("kics positive1", true, "FROM python:2.7\nRUN pip install Flask==0.11.1\nRUN useradd -ms /bin/bash patrick\n"
                        + "COPY --chown=patrick:patrick app /app\nWORKDIR /app\nCMD [\"python\", \"app.py\"]\n"),
                c("kics positive2", true, "FROM golang:1.16 AS builder\nWORKDIR /go/src/github.com/foo/href-counter/\n"
                        + "RUN go get -d -v golang.org/x/net/html  \nCOPY app.go    ./\n"
                        + "RUN CGO_ENABLED=0 GOOS=linux go build -a -installsuffix cgo -o app .\n\nFROM alpine:latest  \n"
                        + "RUN apk --no-cache add ca-certificates\nWORKDIR /root/\n"
                        + "COPY --from=builder /go/src/github.com/foo/href-counter/app ./\nCMD [\"./app\"] \n"),
                c("kics positive3", true, "from python:2.7\nrun pip install Flask==0.11.1\nrun useradd -ms /bin/bash patrick\n"
                        + "copy --chown=patrick:patrick app /app\nworkdir /app\ncmd [\"python\", \"app.py\"]\n"),
                c("kics negative", false, "FROM python:2.7\nRUN pip install Flask==0.11.1\nRUN useradd -ms /bin/bash patrick\n"
                        + "COPY --chown=patrick:patrick app /app\nWORKDIR /app\nUSER patrick\nCMD [\"python\", \"app.py\"]\n\n"
                        + "FROM scratch\nRUN pip install Flask==0.11.1\nRUN useradd -ms /bin/bash patrick\n"
                        + "COPY --chown=patrick:patrick app /app\nWORKDIR /app\nCMD [\"python\", \"app.py\"]\n"),
                c("kics negative2", false, "FROM golang:1.16 AS builder\nRUN go build -o app .\n\nFROM alpine:latest  \n"
                        + "RUN apk --no-cache add ca-certificates\nWORKDIR /root/\nCOPY --from=builder /go/app ./\n"
                        + "CMD [\"./app\"]\nRUN useradd -ms /bin/bash patrick\n\nUSER patrick\n"),
                c("kics negative3", false, "FROM python:2.7\nRUN pip install Flask==0.11.1\nRUN useradd -ms /bin/bash patrick\n"
                        + "COPY --chown=patrick:patrick app /app\nWORKDIR /app\nUSER patrick\nCMD [\"python\", \"app.py\"]\n"));
        // DS002/CKV_DOCKER_3/KICS "Missing User" answered by DD314, their "last USER root" half by DD301
        assertThat(agreement("no USER / last USER root", cases, new MissingUser(), new RootUser())).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void lastUserRoot() {
        List<Case> cases = List.of(
                c("checkov RootUser failure", true, "FROM base\n\nUSER root\n"),
                c("checkov RootUser success", false, "FROM base\n\nUSER root\nCOPY test.sh /test.sh\n\nUSER checkov\n"),
                c("trivy test_last_root_case_2", true, "FROM alpine:3.13\nUSER user1\nUSER root\n"),
                c("trivy test_last_non_root_allowed", false, "FROM alpine:3.13\nUSER root\nUSER user1\n"));
        assertThat(agreement("CKV_DOCKER_8", cases, new RootUser())).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void updateAlone() {
        List<Case> cases = List.of(
                c("trivy yaml bad", true, "FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends"
                        + " mysql-client     && rm -rf /var/lib/apt/lists/* && apt-get clean\nUSER mike\nENTRYPOINT mysql\n"),
                c("trivy yaml good 1", false, "FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y --no-install-recommends"
                        + " mysql-client     && rm -rf /var/lib/apt/lists/* && apt-get clean\nUSER mike\nENTRYPOINT mysql\n"),
                c("trivy yaml good 2", false, "FROM debian:trixie\nRUN <<EOF\napt-get update\n"
                        + "apt-get install --no-install-recommends -y gettext\nEOF\n"),
                c("trivy test_denied", true, "FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends"
                        + " mysql-client && rm -rf /var/lib/apt/lists/*\nENTRYPOINT mysql\n"),
                c("trivy test_json_array_denied", true, "FROM ubuntu:18.04\nRUN [\"apt-get\", \"update\"]\nENTRYPOINT mysql\n"),
                c("trivy test_chained_denied", true, "FROM ubuntu:18.04\nRUN apt-get update && adduser mike\n"
                        + "RUN apt-get install -y --no-install-recommends mysql-client && rm -rf /var/lib/apt/lists/*\n"),
                c("trivy test_multiple_package_managers", false, "FROM ubuntu:18.04\n"
                        + "RUN apt-get update -y && apt-get upgrade -y && apt-get install -y curl && apk-update\n"),
                c("trivy test_allowed", false, "FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y --no-install-recommends"
                        + " mysql-client && rm -rf /var/lib/apt/lists/*\nRUN apk update && apk add --no-cache git ca-certificates\n"
                        + "RUN apk --update add easy-rsa\nRUN /bin/sh /scripts/someScript.sh update\nRUN apt-get install -y nginx\n"),
                c("trivy test_allowed_semicolon", false, "FROM ubuntu:18.04\nRUN apt-get update -y ; apt-get install -y curl\n"),
                c("trivy test_allowed_multiple_install", false, "FROM ubuntu:18.04\n"
                        + "RUN apt-get update -y && apt-get upgrade -y && apt-get install -y curl\n"),
                c("trivy test_allow_upgrade", false, "FROM ubuntu:18.04\nRUN test && apt-get update && apt upgrade --yes\n"),
                c("trivy test_without_install_cmd", false, "FROM alpine:latest\nRUN echo \"Test\"\n"),
                c("trivy test_non_package_manager", false, "FROM maven:alpine\nCOPY build.sbt version.sbt ./\nRUN sbt update \n"),
                c("trivy test_dnf_update_denied", true, "FROM centos:8\nRUN dnf update -y\n"),
                c("trivy test_dnf_update_allowed", false, "FROM centos:8\nRUN dnf update && dnf install -y dnf-plugins-core\n"),
                c("trivy test_zypper_update_denied", true, "FROM opensuse/tumbleweed\nRUN zypper up -y\n"),
                c("trivy test_zypper_update_allowed", false, "FROM opensuse/tumbleweed\n"
                        + "RUN zypper up -y  && zypper install -y curl wget zip unzip tar git\n"),
                c("trivy test_yum_update_denied", true, "FROM centos:latest\nRUN yum update -y\n"),
                c("trivy test_yum_update_allowed", false, "FROM centos:latest\nRUN yum update -y && yum -y install java-11-openjdk\n"),
                c("checkov failure", true, "FROM base\n\nRUN apk update\n"),
                c("checkov failure simple", true, "FROM base\n\nRUN apk update"),
                c("checkov success", false, "FROM base\n\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends foo"
                        + " \\\n && echo gooo\n\nRUN apk update \\\n && apk add --no-cache suuu looo\n\nRUN apk --update add moo\n"),
                c("kics positive", true, "FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends"
                        + " mysql-client \\\n    && rm -rf /var/lib/apt/lists/*\nENTRYPOINT [\"mysql\"]\n"),
                c("kics positive2", true, "FROM opensuse:latest\nRUN zypper refresh\nRUN zypper install nginx\n"),
                c("kics positive3", true, "FROM debian:latest\nRUN apt update\nRUN apt install nginx\n"),
                c("kics positive4", true, "FROM centos:latest\nRUN yum update\nRUN yum install nginx\n"),
                c("kics positive5", true, "FROM fedora:latest\nRUN dnf update\nRUN dnf install nginx\n"),
                c("kics positive6", true, "FROM archlinux:latest\nRUN pacman -Syu\nRUN pacman -S nginx\n"),
                c("kics positive7", true, "FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends"
                        + " mysql-client \\\n    && rm -rf /var/lib/apt/lists/*\nRUN apk update\nENTRYPOINT [\"mysql\"]"),
                c("kics positive8", true, "from alpine:latest\nrun apk update\nrun apk add nginx\n"),
                c("kics negative", false, "FROM ubuntu:18.04\nRUN apt-get update \\\n    && apt-get install -y"
                        + " --no-install-recommends mysql-client \\\n    && rm -rf /var/lib/apt/lists/*\nENTRYPOINT [\"mysql\"]\n"),
                c("kics negative10", false, "FROM alpine:latest\nRUN apk update && apk add nginx\nRUN apk --update-cache add vim\n"
                        + "RUN apk -U add nano\n\nCMD [\"nginx\", \"-g\", \"daemon off;\"]"),
                c("kics negative12", false, "from ubuntu:18.04\nrun apt-get update \\\n    && apt-get install -y"
                        + " --no-install-recommends mysql-client \\\n    && rm -rf /var/lib/apt/lists/*\nrun apk update \\\n"
                        + "    && apk add --no-cache git ca-certificates\nrun apk --update add easy-rsa\nentrypoint [\"mysql\"]\n"),
                c("kics negative2", false, "FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y netcat \\\n"
                        + "    apt-get update && apt-get install -y supervisor\nENTRYPOINT [\"mysql\"]\n"),
                c("kics negative4", false, "FROM archlinux:latest\nRUN pacman -Syu && pacman -S nginx\n"),
                // differs on purpose: an `apk update` nothing follows is flagged (as Trivy and Checkov do)
                c("kics negative5", false, "FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y --no-install-recommends"
                        + " mysql-client \\\n    && rm -rf /var/lib/apt/lists/*\nRUN apk update\nENTRYPOINT [\"mysql\"]\n"),
                // differs: `install` here is coreutils' install, not apt
                c("kics negative7", false, "FROM debian:latest\nRUN apt update && install nginx\n"));
        assertThat(agreement("DS017/CKV_DOCKER_5/KICS", cases, new UpdateWithoutInstall())).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void systemDirectories() {
        List<Case> cases = List.of(
                c("trivy test_basic_denied", true, "FROM alpine:3.5\nRUN apk add --update py2-pip\nWORKDIR /proc/self/fd/1\n"),
                c("trivy test_no_work_dir_allowed", false, "FROM alpine:3.3\nRUN apk --no-cache add nginx\n"),
                c("trivy test_non_sys_work_dir_allowed", false, "FROM alpine:3.3\nWORKDIR /path/to/workdir\n"),
                c("trivy test_similar_to_fs_allowed", false, "FROM alpine:3.3\nWORKDIR /development\n"),
                c("trivy test_quotes_allowed", false, "FROM alpine:3.3\nWORKDIR \"/path/to/workdir\"\n"),
                c("trivy test_quotes_sys_dir_denied", true, "FROM alpine:3.3\nWORKDIR \"/proc/self/fd/1\"\n"));
        assertThat(agreement("DS030", cases, new SystemDirectoryTarget())).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void unnamedStages() {
        List<Case> cases = List.of(
                c("kics positive1", true, "FROM golang:1.16\nWORKDIR /go/src/github.com/foo/href-counter/\n"
                        + "RUN CGO_ENABLED=0 GOOS=linux go build -a -installsuffix cgo -o app .\n\nFROM alpine:latest  \n"
                        + "COPY --from=0 /go/src/github.com/foo/href-counter/app ./\nCMD [\"./app\"] \n"),
                c("kics positive2", true, "from golang:1.16\nrun go build -o app .\n\nfrom alpine:latest  \n"
                        + "copy --from=0 /go/src/github.com/foo/href-counter/app ./\ncmd [\"./app\"] \n"),
                c("kics (named) negative", false, "FROM golang:1.16 AS builder\nRUN go build -o app .\nFROM alpine:latest\n"
                        + "COPY --from=builder /go/app ./\n"));
        assertThat(agreement("KICS unnamed build stages", cases, new CopyFromIndex())).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void tlsAndSignatures() {
        List<Case> cases = List.of(
                c("checkov EnvGitSslNoVerify fail wilderness", true, "FROM alpine:3.5\nENV GIT_SSL_NO_VERIFY=1\n"
                        + "ENV GIT_SSL_NO_VERIFY true\nRUN export GIT_SSL_NO_VERIFY=1\nARG GIT_SSL_NO_VERIFY=true\n"
                        + "RUN     GIT_SSL_NO_VERIFY=1 git clone https://github.com/bridgecrewio/checkov.git\n"),
                c("checkov EnvGitSslNoVerify fail ARG", true, "FROM alpine:3.5\nARG GIT_SSL_NO_VERIFY=true\n"),
                c("checkov EnvGitSslNoVerify fail RUN yes", true, "FROM alpine:3.5\nRUN GIT_SSL_NO_VERIFY=yes \\\n"
                        + "    git clone https://github.com/bridgecrewio/checkov.git\n"),
                c("checkov EnvGitSslNoVerify pass", false, "FROM alpine:3.5\nENV ASDFGIT_SSL_NO_VERIFY=1\nENV ASDFGIT_SSL_NO_VERIFY 1\n"
                        + "ARG GIT_SSL_NO_VERIFYASDF=1\nENV LP=Meteora ASDFGIT_SSL_NO_VERIFY=0\nRUN unset GIT_SSL_NO_VERIFY\n"
                        + "RUN git clone https://github.com/bridgecrewio/checkov.git awesome\n"
                        + "RUN ASDFGIT_SSL_NO_VERIFY=1 git clone https://github.com/bridgecrewio/checkov.git awesome\n"
                        + "RUN LP=Meteora GIT_SSL_NO_VERIFYASDF=1 git clone https://github.com/bridgecrewio/checkov.git awesome\n"),
                c("checkov EnvNodeTls pass", false, "FROM alpine:3.5\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n"
                        + "ENV NODE_TLS_REJECT_UNAUTHORIZED 666\nARG NODE_TLS_REJECT_UNAUTHORIZED=1\n"
                        + "ENV LOL=666 ASDFNODE_TLS_REJECT_UNAUTHORIZED=0\nARG NODE_TLS_REJECT_UNAUTHORIZEDLOL=0\n"
                        + "RUN NODE_TLS_REJECT_UNAUTHORIZED=\"1\" python example.py\n"
                        + "RUN NODE_TLS_REJECT_UNAUTHORIZED=\"0\\\"\" python example.py\n"
                        + "RUN NODE_TLS_REJECT_UNAUTHORIZEDLOL=0 python example.py\n"),
                c("checkov EnvNodeTls fail run.shell", true, "FROM alpine:3.15\n\n"
                        + "RUN ABC=123 echo test|| NODE_TLS_REJECT_UNAUTHORIZED=0 python example.py ||DEF=456 echo lol;\n"),
                c("checkov EnvNpmConfigStrictSsl pass", false, "FROM node:18\nENV NPM_CONFIG_STRICT_SSL=true\n"
                        + "ENV NPM_CONFIG_STRICT_SSL Nyota_Uhura\nARG npm_config_strict_ssl=true\n"
                        + "ENV LOL=123 asdfnpm_config_strict_ssl=false\nRUN npm install\n"
                        + "RUN NPM_CONFIG_STRICT_SSL='false\\'' npm install\nRUN npm_config_strict_ssllol=false npm install\n"),
                c("checkov EnvNpmConfigStrictSsl fail", true, "FROM node:18\nENV npm_config_strict_ssl=false\n"),
                c("checkov EnvPipTrustedHost pass", false, "FROM python:3\nRUN pip3 install checkov\n"
                        + "RUN PIP_TRUSTED_HOSTASDF=test pip install checkov\nRUN ASDFPIP_TRUSTED_HOST=test pip install checkov\n"
                        + "RUN echo PIP_TRUSTED_HOST | pip install checkov &&\\\n    echo \"PIP_TRUSTED_HOST\"\n"),
                c("checkov EnvPipTrustedHost fail run", true, "FROM python:3\n"
                        + "RUN TEST_123='456' \\\n    PIP_TRUSTED_HOST=\"pypi.python.org\" \\\n    EXAMPLE='VAR' \\\n"
                        + "    pip install checkov\n"),
                c("checkov EnvPythonHttpsVerify pass", false, "FROM alpine:3.5\nENV PYTHONHTTPSVERIFY=1\nARG PYTHONHTTPSVERIFY 666\n"
                        + "ENV ASDFPYTHONHTTPSVERIFY=0 LOL=666\nRUN PYTHONHTTPSVERIFY='0\\'' python example.py\n"),
                c("checkov EnvPythonHttpsVerify fail", true, "FROM alpine:3.5\nENV PYTHONHTTPSVERIFY 0\n"),
                c("checkov EnvGoInsecure fail", true, "FROM golang:1.14\n"
                        + "RUN export GOINSECURE=something.example.com,*.example.com && go mod tidy\n"),
                c("checkov RunAptGetAllowUnauthenticated pass", false, "FROM debian:bullseye\nRUN apt-get install python3\n"
                        + "RUN apt-get install python3 | grep \"--allow-unauthenticated\"\n"
                        + "RUN apt-get install python3 | grep \"--force-yes\"\nRUN apt-get update && apt-get install \\\n    python3\n"
                        + "RUN apt-get update &&\\\n    echo \"--allow-unauthenticated\"\nRUN apt-get update &&\\\n    echo \"--force-yes\"\n"),
                c("checkov RunAptGetAllowUnauthenticated fail", true, "FROM debian:bullseye\n"
                        + "RUN echo \"prodsec\" && apt-get --force-yes install python3\n"),
                c("checkov RunApkAllowUntrusted pass", false, "FROM alpine:3.5\nRUN apk add a-car\n"
                        + "RUN apk add a-handbag | grep \"--allow-untrusted\"\nRUN apk upgrade --no-cache && apk add \\\n"
                        + "    a-mobile-phone a-dvd\nRUN apk upgrade &&\\\n    echo \"--allow-untrusted\"\n"),
                c("checkov RunApkAllowUntrusted fail", true, "FROM alpine:3.5\nRUN apk add --allow-untrusted a-car\n"));
        assertThat(agreement("CKV2_DOCKER TLS/signatures", cases, new TlsVerificationDisabled(), new UnverifiedPackages()))
                .isGreaterThanOrEqualTo(0.9);
    }
}
