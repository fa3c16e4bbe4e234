package dev.dockdiet.rules.build;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** WORKDIR, COPY destinations, CMD/ENTRYPOINT form and repeats (DD203, DD209, DD214, DD217). */
class InstructionRulesTest {

    @Test
    void relativeWorkdir() {
        RuleTester.of(new RelativeWorkdir())
                .valid("FROM alpine:3.19\nWORKDIR /app\n",
                        "FROM alpine:3.19\nWORKDIR /app\nWORKDIR src\n",
                        "FROM alpine:3.19 AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n",
                        "FROM alpine:3.19\nWORKDIR $HOME/app\n",
                        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n",
                        "FROM alpine:3.19\nWORKDIR \"/my app\"\n")
                .fix("FROM alpine:3.19\nWORKDIR app\n", Applicability.SUGGESTED, "FROM alpine:3.19\nWORKDIR /app\n",
                        at(2, 9, "\"app\""))
                .invalid("FROM alpine:3.19\nWORKDIR ./src\nWORKDIR lib\n", at(2, 9, "./src"))
                .invalid("FROM alpine:3.19 AS a\nWORKDIR /a\nFROM alpine:3.19\nWORKDIR b\n", at(4, 9))
                .test();
    }

    @Test
    void copyDestinationSlash() {
        RuleTester.of(new CopyDestinationSlash())
                .valid("FROM alpine:3.19\nCOPY a /app\n",
                        "FROM alpine:3.19\nCOPY a b /app/\n",
                        "FROM alpine:3.19\nWORKDIR /app\nCOPY package.json package-lock.json .\n",
                        "FROM alpine:3.19\nCOPY a b $DEST\n",
                        "FROM alpine:3.19\nCOPY [\"a\", \"b\", \"/app/\"]\n")
                .fix("FROM alpine:3.19\nCOPY package.json yarn.lock /app\n", Applicability.SAFE,
                        "FROM alpine:3.19\nCOPY package.json yarn.lock /app/\n", at(2, 29, "2 sources"))
                .fix("FROM alpine:3.19\nADD --chown=1:1 a b c ./lib\n", Applicability.SAFE,
                        "FROM alpine:3.19\nADD --chown=1:1 a b c ./lib/\n", at(2, 23, "ADD with 3 sources"))
                .invalid("FROM alpine:3.19\nCOPY [\"a\", \"b\", \"/app\"]\n", at(2, 17))
                .test();
    }

    @Test
    void shellFormCommand() {
        RuleTester.of(new ShellFormCommand())
                .valid("FROM node:20\nCMD [\"node\", \"app.js\"]\n",
                        "FROM node:20\nSHELL [\"/bin/bash\", \"-c\"]\nCMD node app.js\n",
                        "FROM node:20 AS base\nSHELL [\"/bin/bash\", \"-c\"]\nFROM base\nCMD node app.js\n",
                        "FROM python:3.12\nCMD exec gunicorn --bind :$PORT app:app\n",
                        "FROM node:20\nRUN echo hi\n")
                .fix("FROM node:20\nCMD node app.js --port=8080\n", Applicability.SAFE,
                        "FROM node:20\nCMD [\"node\", \"app.js\", \"--port=8080\"]\n", at(2, 5, "CMD"))
                .fix("FROM node:20\nENTRYPOINT /usr/bin/tini -- node\n", Applicability.SUGGESTED,
                        "FROM node:20\nENTRYPOINT [\"/usr/bin/tini\", \"--\", \"node\"]\n", at(2, 12, "ENTRYPOINT"))
                .fix("FROM node:20\nENTRYPOINT [\"tini\", \"--\"]\nCMD node app.js\n", Applicability.SUGGESTED,
                        "FROM node:20\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"node\", \"app.js\"]\n", at(3, 5))
                .invalid("FROM python:3.12\nCMD gunicorn -b :$PORT app:app\n", at(2, 5))
                .invalid("FROM alpine:3.19\nCMD while true; do sleep 1; done\n", at(2, 5))
                .invalid("FROM alpine:3.19\nCMD FOO=1 run\n", at(2, 5))
                .test();
        // the fix for CMD is not applied when an ENTRYPOINT makes it behaviour-changing
        org.assertj.core.api.Assertions.assertThat(RuleTester.of(new ShellFormCommand())
                .findings("FROM node:20\nENTRYPOINT [\"tini\", \"--\"]\nCMD node app.js\n").get(0).fix().applicability())
                .isEqualTo(Applicability.SUGGESTED);
    }

    @Test
    void overriddenInstruction() {
        RuleTester.of(new OverriddenInstruction())
                .valid("FROM alpine:3.19\nCMD [\"a\"]\nFROM alpine:3.19\nCMD [\"b\"]\n",
                        "FROM alpine:3.19\nENTRYPOINT [\"x\"]\nCMD [\"a\"]\nHEALTHCHECK CMD true\n",
                        "FROM alpine:3.19\nONBUILD CMD [\"a\"]\nCMD [\"b\"]\n")
                .invalid("FROM alpine:3.19\nCMD [\"a\"]\nRUN true\nCMD [\"b\"]\n", at(2, 1, "only the last one (line 4)"))
                .invalid("FROM alpine:3.19\nENTRYPOINT [\"a\"]\nHEALTHCHECK NONE\nENTRYPOINT [\"b\"]\n"
                                + "HEALTHCHECK CMD true\nENTRYPOINT [\"c\"]\n",
                        at(2, 1, "ENTRYPOINT"), at(3, 1, "HEALTHCHECK"), at(4, 1, "line 6"))
                .test();
    }
}
