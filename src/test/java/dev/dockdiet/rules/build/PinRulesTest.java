package dev.dockdiet.rules.build;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** Version pins of package managers (DD204–DD208). */
class PinRulesTest {

    @Test
    void aptGet() {
        RuleTester.of(new AptGetUnpinned())
                .valid("FROM debian:12\nRUN apt-get install -y curl=7.88.1-10\n",
                        "FROM debian:12\nRUN apt-get update\n",
                        "FROM debian:12\nRUN apt-get install -y ./pkg.deb\n",
                        "FROM debian:12\nRUN apt-get install -y -t bookworm-backports git=1:2.43\n",
                        "FROM debian:12\nRUN apt-get install -y $PACKAGES\n",
                        "FROM debian:12\nRUN apt-get install -y curl/bookworm\n",
                        "FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confold install -y curl=7\n")
                .invalid("FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl git=1:2\n",
                        at(2, 66, "curl"))
                .invalid("FROM debian:12\nRUN apt-get install -y \\\n    ca-certificates \\\n    curl\n",
                        at(3, 5, "ca-certificates, curl"))
                .invalid("FROM debian:12\nRUN sudo apt-get -y install wget\n", at(2, 29))
                .test();
    }

    @Test
    void pip() {
        RuleTester.of(new PipUnpinned())
                .valid("FROM python:3.12\nRUN pip install flask==3.0.0\n",
                        "FROM python:3.12\nRUN pip install -r requirements.txt\n",
                        "FROM python:3.12\nRUN pip install -c constraints.txt flask\n",
                        "FROM python:3.12\nRUN pip install --upgrade pip setuptools wheel\n",
                        "FROM python:3.12\nRUN pip install .\n",
                        "FROM python:3.12\nRUN pip install -e ./lib\n",
                        "FROM python:3.12\nRUN pip install 'requests>=2.31,<3'\n",
                        "FROM python:3.12\nRUN pip install dist/app-1.0-py3-none-any.whl\n",
                        "FROM python:3.12\nRUN pip install git+https://github.com/x/y@v1\n",
                        "FROM python:3.12\nRUN python -m pip install -i https://pypi.example/simple flask==3\n",
                        "FROM python:3.12\nRUN python app.py install x\n",
                        "FROM python:3.12\nRUN pip download flask\n")
                .invalid("FROM python:3.12\nRUN pip install --no-cache-dir flask\n", at(2, 32, "flask"))
                .invalid("FROM python:3.12\nRUN python3 -m pip install \"uvicorn[standard]\" gunicorn==21\n",
                        at(2, 28, "uvicorn[standard]"))
                .invalid("FROM python:3.12\nRUN pip3.11 install -r req.txt extra\n", at(2, 32, "extra"))
                .test();
    }

    @Test
    void npm() {
        RuleTester.of(new NpmUnpinned())
                .valid("FROM node:20\nRUN npm install\n",
                        "FROM node:20\nRUN npm ci\n",
                        "FROM node:20\nRUN npm install -g typescript@5.4.2\n",
                        "FROM node:20\nRUN npm install @angular/cli@17\n",
                        "FROM node:20\nRUN npm install ./local-pkg\n",
                        "FROM node:20\nRUN npm install https://example.com/pkg.tgz\n",
                        "FROM node:20\nRUN npm install git+https://github.com/a/b.git#v1.0.0\n",
                        "FROM node:20\nRUN npm install --registry https://r.example typescript@5\n",
                        "FROM node:20\nRUN npm install -g pkg@$VERSION\n")
                .invalid("FROM node:20\nRUN npm install -g typescript\n", at(2, 20, "typescript"))
                .invalid("FROM node:20\nRUN npm i @angular/cli\n", at(2, 11, "@angular/cli"))
                .invalid("FROM node:20\nRUN npm install -g npm@latest\n", at(2, 20, "npm@latest"))
                .invalid("FROM node:20\nRUN npm install github:user/repo\n", at(2, 17))
                .test();
    }

    @Test
    void apk() {
        RuleTester.of(new ApkUnpinned())
                .valid("FROM alpine:3.19\nRUN apk add --no-cache curl=8.5.0-r0\n",
                        "FROM alpine:3.19\nRUN apk add --no-cache 'python3~3.11'\n",
                        "FROM alpine:3.19\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0\n",
                        "FROM alpine:3.19\nRUN apk update\n",
                        "FROM alpine:3.19\nRUN apk add --allow-untrusted /tmp/x.apk\n")
                .invalid("FROM alpine:3.19\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev\n",
                        at(2, 46, "gcc, musl-dev"))
                .invalid("FROM alpine:3.19\nRUN apk add -X https://dl-cdn.alpinelinux.org/alpine/edge/testing foo\n",
                        at(2, 67, "foo"))
                .test();
    }

    @Test
    void gem() {
        RuleTester.of(new GemUnpinned())
                .valid("FROM ruby:3.3\nRUN gem install bundler:2.5.6\n",
                        "FROM ruby:3.3\nRUN gem install bundler -v 2.5.6\n",
                        "FROM ruby:3.3\nRUN gem install bundler --version=2.5.6\n",
                        "FROM ruby:3.3\nRUN gem install mysql2:0.5.6 -- --with-mysql-config=/usr/bin/mysql_config\n",
                        "FROM ruby:3.3\nRUN gem update --system\n",
                        // hadolint's cases: an option's true/false value is no gem, with or without --
                        "FROM ruby:3.3\nRUN gem install bundler:2.0.1 --use-system-libraries true\n",
                        "FROM ruby:3.3\nRUN gem install bundler:2.0.1 --use-system-libraries=true\n",
                        "FROM ruby:3.3\nRUN gem install bundler:2.0.1 -- --use-system-libraries true\n",
                        "ONBUILD RUN gem i bundler:1 nokogiri:1\n")
                .invalid("FROM ruby:3.3\nRUN gem install bundler --no-document\n", at(2, 17, "bundler"))
                .invalid("FROM ruby:3.3\nRUN gem install nokogiri --use-system-libraries true\n", at(2, 17, "nokogiri"))
                .invalid("FROM ruby:3.3\nRUN gem i rails\n", at(2, 11, "rails"))
                .test();
    }
}
