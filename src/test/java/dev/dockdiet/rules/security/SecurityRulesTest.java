package dev.dockdiet.rules.security;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rules.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityRulesTest {

    @Test
    void rootUser() {
        RuleTester.of(new RootUser())
                .valid("FROM alpine:3.20\nRUN adduser -D app\nUSER app\n",
                        // a stage that switches back before it ends (hadolint's "does not warn when switching")
                        "FROM debian AS base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN something else\n",
                        "FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER 1000:1000\n",
                        // no USER at all: the base image decides (distroless :nonroot, official images ...)
                        "FROM gcr.io/distroless/static:nonroot\nCOPY app /app\n",
                        // entrypoint drops privileges itself
                        "FROM debian:bookworm-slim\nUSER root\nENTRYPOINT [\"gosu\", \"app\", \"/app\"]\n",
                        "FROM debian:bookworm-slim\nUSER rootless\n")
                .invalid("FROM alpine:3.20\nUSER root\n", at(2, 6, "last USER is 'root'"))
                .invalid("FROM alpine:3.20\nUSER 0:0\nCMD [\"sh\"]\n", at(2, 6, "'0:0'"))
                // inherited through FROM <stage>
                .invalid("FROM alpine:3.20 AS base\nUSER root\nFROM base\nCMD [\"sh\"]\n", at(2, 6, "root"))
                // as hadolint's DL3002, every stage is checked: a build stage that ends as root too
                .invalid("FROM golang:1.22 AS build\nUSER root\nRUN go build ./...\nFROM gcr.io/distroless/static:nonroot\n"
                        + "COPY --from=build /app /app\n", at(2, 6, "Stage build ends as root"))
                .invalid("FROM debian AS base\nUSER root\nRUN something\nFROM scratch\nUSER foo\nRUN something else\n",
                        at(2, 6, "Stage base ends as root"))
                .invalid("FROM debian AS base\nUSER root\nFROM base\nUSER app\n", at(2, 6, "stages built FROM it"))
                .test();
    }

    @Test
    void rootUserSkipsDevContainers() {
        var ctx = new dev.dockdiet.rule.RuleContext(dev.dockdiet.syntax.Dockerfile.parse("FROM alpine:3.20\nUSER root\n"),
                java.nio.file.Path.of("proj/.devcontainer/Dockerfile"), RuleSettings.defaults(),
                new java.util.IdentityHashMap<>(), t -> null);
        new RootUser().check(ctx);
        org.assertj.core.api.Assertions.assertThat(ctx.findings()).isEmpty();
    }

    @Test
    void sudo() {
        RuleTester.of(new Sudo())
                .valid("FROM debian:12\nRUN apt-get update && apt-get install -y sudo\n",
                        "FROM debian:12\nRUN command -v sudo\n",
                        "FROM debian:12\nRUN echo sudo\n")
                .invalid("FROM debian:12\nRUN sudo apt-get update\n", at(2, 5, "Do not use sudo"))
                .invalid("FROM debian:12\nRUN apt-get update && \\\n    sudo apt-get install -y x && sudo rm -rf /x\n",
                        at(3, 5, "2 uses"))
                .invalid("FROM debian:12\nRUN curl -fsSL https://x/key | sudo -E apt-key add -\n", at(2, 32))
                .invalid("FROM debian:12\nRUN sh -c 'sudo ls'\n", at(2, 12))
                .invalid("FROM debian:12\nONBUILD RUN sudo make install\n", at(2, 13))
                .test();
    }

    @Test
    void untrustedRegistry() {
        RuleSettings trusted = new RuleSettings(List.of("docker.io", "*.corp.example"), List.of(), null, null);
        RuleTester.of(new UntrustedRegistry()).settings(trusted)
                .valid("FROM node:20\n",
                        "FROM registry.corp.example/base:1\n",
                        "FROM scratch\nCOPY app /\n",
                        "FROM node:20 AS build\nFROM build\nCOPY --from=build /a /a\nCOPY --from=0 /a /b\n",
                        "FROM node:20\nRUN --mount=type=cache,target=/root/.npm npm ci\n",
                        // an ARG default resolves to a trusted registry
                        "ARG REG=registry.corp.example\nFROM $REG/base:1\n")
                .invalid("FROM quay.io/org/app:1\n", at(1, 6, "registry 'quay.io'"))
                .invalid("FROM node:20\nCOPY --from=gcr.io/distroless/static:latest /x /x\n", at(2, 6, "gcr.io"))
                .invalid("FROM node:20\nRUN --mount=type=bind,from=ghcr.io/org/tools:1,target=/t ls /t\n",
                        at(2, 5, "ghcr.io"))
                .invalid("ARG REG=evil.example\nFROM $REG/base:1\n", at(2, 6, "evil.example"))
                .test();
        // without a list, nothing is checked
        RuleTester.of(new UntrustedRegistry()).valid("FROM quay.io/org/app:1\n").test();
    }

    @Test
    void disallowedBaseImage() {
        RuleSettings policy = new RuleSettings(List.of(), List.of("gcr.io/distroless/*", "node:*-slim"), null, null);
        RuleTester.of(new DisallowedBaseImage()).settings(policy)
                .valid("FROM gcr.io/distroless/nodejs20-debian12\n",
                        "FROM node:20-slim\n",
                        // build stages may use any image
                        "FROM golang:1.22 AS build\nRUN go build\nFROM gcr.io/distroless/static:nonroot\n",
                        "FROM node:20-slim AS base\nFROM base\nCMD [\"node\"]\n",
                        "FROM scratch\n")
                .invalid("FROM node:20\n", at(1, 6, "'node:20'"))
                .invalid("FROM gcr.io/distroless/static AS build\nFROM ubuntu:24.04\n", at(2, 6, "ubuntu"))
                .invalid("FROM ubuntu:24.04 AS base\nFROM base\n", at(1, 6, "ubuntu"))
                .test();
        RuleTester.of(new DisallowedBaseImage()).valid("FROM node:20\n").test();
    }

    @Test
    void secretInArgOrEnv() {
        RuleTester.of(new SecretInArgOrEnv())
                .valid("ARG GITHUB_TOKEN\nFROM alpine:3.20\n", // meta ARGs are not stored in the image
                        "FROM alpine:3.20\nENV PUBLIC_KEY=abc\nARG TOKEN_VERSION=1\nENV PASSWORD_FILE=/run/secrets/pw\n",
                        "FROM python:3.12\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\n",
                        "FROM alpine:3.20\nENV KEYCLOAK_HOME=/opt/kc MONKEY=1 AUTH_DOMAIN=x.example\n",
                        "FROM alpine:3.20\nENV DB_PASSWORD=/run/secrets/db\n",
                        "FROM alpine:3.20\nARG GOOGLE_APPLICATION_CREDENTIALS\n")
                .invalid("FROM alpine:3.20\nARG GITHUB_TOKEN\n", at(2, 5, "(ARG \"GITHUB_TOKEN\")"))
                .invalid("FROM alpine:3.20\nENV password=hunter2 user=me\n", at(2, 5, "(ENV \"password\")"))
                .invalid("FROM alpine:3.20\nENV AWS_SECRET_ACCESS_KEY abc\n", at(2, 5, "AWS_SECRET_ACCESS_KEY"))
                .invalid("FROM alpine:3.20\nARG API_KEY=x NPM_AUTH\n", at(2, 5, "API_KEY"), at(2, 15, "NPM_AUTH"))
                .test();
    }

    @Test
    void pipeToShell() {
        RuleTester.of(new PipeToShell())
                .valid("FROM debian:12\nRUN curl -fsSLo install.sh https://x/install.sh && sha256sum -c sums && sh install.sh\n",
                        "FROM debian:12\nRUN curl -fsSL https://x/key.gpg | gpg --dearmor -o /k.gpg\n",
                        "FROM debian:12\nRUN curl -fsSL https://x/a.tgz | tar -xz\n",
                        "FROM debian:12\nRUN curl -fsSL -o /tmp/x https://x | sh\n",
                        "FROM debian:12\nRUN echo hi | sh\n",
                        "FROM debian:12\nRUN wget https://x/install.sh | sh script.sh\n")
                .invalid("FROM debian:12\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\n",
                        at(2, 5, "run by bash"))
                .invalid("FROM debian:12\nRUN apt-get update && curl -sL https://x | sudo -E bash -\n", at(2, 23))
                .invalid("FROM debian:12\nRUN wget -qO- https://x/install.sh | sh -s -- -y\n", at(2, 5, "wget"))
                .invalid("FROM debian:12\nRUN curl -sSL https://install.python-poetry.org | python3 -\n",
                        at(2, 5, "python3"))
                .invalid("FROM debian:12\nRUN sh -c \"$(curl -fsSL https://x/install.sh)\"\n", at(2, 14, "run by sh"))
                .invalid("FROM debian:12\nRUN curl -o- https://x/nvm.sh | bash\n", at(2, 5))
                .test();
    }

    @Test
    void addUrlWithoutChecksum() {
        RuleTester.of(new AddUrlWithoutChecksum())
                .valid("FROM alpine:3.20\nADD --checksum=sha256:abc https://x/a.tgz /a.tgz\n",
                        "FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n",
                        "FROM alpine:3.20\nADD app.tar.gz /app/\n",
                        "FROM alpine:3.20\nADD ${URL} /x\n")
                .invalid("FROM alpine:3.20\nADD https://x/tini /tini\n", at(2, 5, "without --checksum"))
                .invalid("FROM alpine:3.20\nADD --chmod=755 a.sh http://x/b.sh /bin/\n", at(2, 22, "http://x/b.sh"))
                .test();
    }

    @Test
    void worldWritable() {
        RuleTester.of(new WorldWritable())
                .valid("FROM alpine:3.20\nRUN chmod 755 /app && chmod 1777 /scratch && chmod -R g+w /data\n",
                        "FROM alpine:3.20\nRUN chmod +x /app/run.sh && chmod u+w,o-w /x && chmod 664 /f\n",
                        "FROM alpine:3.20\nRUN chmod a+rwxt /shared\n",
                        "FROM alpine:3.20\nCOPY --chmod=755 run.sh /run.sh\n",
                        "FROM alpine:3.20\nRUN chmod $MODE /x\n")
                .invalid("FROM alpine:3.20\nRUN chmod -R 777 /var/www\n", at(2, 14, "Mode 777"))
                .invalid("FROM alpine:3.20\nRUN chmod a+rwX -R /data\n", at(2, 11, "a+rwX"))
                .invalid("FROM alpine:3.20\nRUN chmod 0666 /etc/app.conf\n", at(2, 11))
                .invalid("FROM alpine:3.20\nCOPY --chmod=777 run.sh /run.sh\n", at(2, 6, "777"))
                .invalid("FROM alpine:3.20\nRUN chmod o+w /tmp/x\n", at(2, 11))
                .test();
    }

    @Test
    void insecureRun() {
        RuleTester.of(new InsecureRun())
                .valid("FROM alpine:3.20\nRUN --security=sandbox ls\n", "FROM alpine:3.20\nRUN --network=none ls\n")
                .invalid("FROM alpine:3.20\nRUN --security=insecure mount -t tmpfs none /mnt\n",
                        at(2, 5, "--security=insecure"))
                .test();
    }

    @Test
    void secretFileCopied() {
        RuleTester.of(new SecretFileCopied())
                .valid("FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n",
                        "FROM alpine:3.20\nCOPY .env.example /app/.env\n",
                        "FROM alpine:3.20\nCOPY .ssh/known_hosts /root/.ssh/known_hosts\n",
                        // a build stage that is not shipped: only its output is copied on
                        "FROM alpine:3.20 AS build\nCOPY id_rsa /root/.ssh/id_rsa\nRUN git clone x\n"
                                + "FROM alpine:3.20\nCOPY --from=build /src /src\n")
                .invalid("FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\n", at(2, 6, "an SSH private key"))
                .invalid("FROM node:20\nCOPY package.json .env ./\n", at(2, 19, "environment file"))
                .invalid("FROM alpine:3.20\nADD ./.ssh/ /root/.ssh/\n", at(2, 5, "SSH directory"))
                .invalid("FROM alpine:3.20\nCOPY .aws/credentials /root/.aws/credentials\n", at(2, 6, "credentials"))
                .invalid("FROM alpine:3.20 AS base\nCOPY .netrc /root/\nFROM base\n", at(2, 6, "credentials"))
                .test();
    }

    @Test
    void unverifiedPackages() {
        RuleTester.of(new UnverifiedPackages())
                .valid("FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n",
                        "FROM alpine:3.20\nRUN curl -O https://x/p.apk -O https://x/p.sig && gpg --verify p.sig p.apk"
                                + " && apk add --allow-untrusted p.apk\n",
                        "FROM fedora:40\nRUN dnf install -y --setopt=install_weak_deps=False curl\n")
                .invalid("FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\n",
                        at(2, 24, "--allow-unauthenticated"))
                .invalid("FROM debian:12\nRUN apt-get install -y --force-yes curl\n", at(2, 24, "--force-yes"))
                .invalid("FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install x\n", at(2, 16))
                .invalid("FROM fedora:40\nRUN dnf install -y --nogpgcheck x.rpm\n", at(2, 20, "--nogpgcheck"))
                .invalid("FROM alpine:3.20\nRUN apk add --allow-untrusted x.apk\n", at(2, 13, "--allow-untrusted"))
                .test();
    }

    @Test
    void tlsVerificationDisabled() {
        RuleTester.of(new TlsVerificationDisabled())
                .valid("FROM debian:12\nRUN curl -fsSL https://x -o /x && wget -q https://y\n",
                        "FROM debian:12\nRUN curl -K config.txt https://x\n",
                        "FROM debian:12\nRUN wget -k https://x\n", // -k is --convert-links for wget
                        "FROM node:20\nRUN npm config set strict-ssl true\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n",
                        "FROM debian:12\nRUN git config --global http.sslVerify true\n")
                .invalid("FROM debian:12\nRUN curl -fsSLk https://x\n", at(2, 10, "curl -fsSLk"))
                .invalid("FROM debian:12\nRUN curl --insecure https://x\n", at(2, 10))
                .invalid("FROM debian:12\nRUN wget --no-check-certificate https://x\n", at(2, 10))
                .invalid("FROM python:3.12\nRUN pip install --trusted-host pypi.org x\n", at(2, 17, "--trusted-host"))
                .invalid("FROM python:3.12\nRUN python3 -m pip install --trusted-host=h x\n", at(2, 28))
                .invalid("FROM node:20\nRUN npm config set strict-ssl false\n", at(2, 20, "strict-ssl"))
                .invalid("FROM debian:12\nRUN git config --global http.sslVerify false\n", at(2, 25, "sslVerify"))
                .invalid("FROM debian:12\nRUN git -c http.sslVerify=false clone https://x\n", at(2, 12))
                .invalid("FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n", at(2, 5, "NODE_TLS_REJECT_UNAUTHORIZED"))
                .invalid("FROM debian:12\nRUN GIT_SSL_NO_VERIFY=1 git clone https://x\n", at(2, 5, "GIT_SSL_NO_VERIFY"))
                .invalid("FROM debian:12\nRUN export PYTHONHTTPSVERIFY=0 && python x.py\n", at(2, 12))
                .test();
    }

    @Test
    void sshPortExposed() {
        RuleTester.of(new SshPortExposed())
                .valid("FROM alpine:3.20\nEXPOSE 8080 2222 220\n")
                .invalid("FROM alpine:3.20\nEXPOSE 80 22\n", at(2, 11, "Port 22"))
                .invalid("FROM alpine:3.20\nEXPOSE 22/tcp\n", at(2, 8))
                .test();
    }
}
