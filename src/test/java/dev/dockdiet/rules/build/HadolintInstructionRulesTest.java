package dev.dockdiet.rules.build;

import static dev.dockdiet.rules.RuleTester.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** DD240–DD245, with the cases of hadolint's own specs for DL3020, DL3044, DL3045, DL3057, DL3066, DL3067. */
class HadolintInstructionRulesTest {

    @Test
    void addInsteadOfCopy() {
        RuleTester.of(new AddInsteadOfCopy())
                .valid("ADD file.tar /usr/src/app/\n", "ADD file.gz /usr/src/app/\n", "ADD file.bz2 /usr/src/app/\n",
                        "ADD file.xz /usr/src/app/\n", "ADD file.tgz /usr/src/app/\n", "ADD http://file.com /usr/src/app/\n",
                        "ADD \"file.tgz\" /usr/src/app/\n", "ADD \"http://file.com\" /usr/src/app/\n",
                        "FROM alpine:3.20\nADD https://example.com/a.git#v1 /src\n",
                        // git over ssh: only ADD can fetch it
                        "FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n",
                        "FROM alpine:3.20\nCOPY app /app\n")
                .invalid("ADD file /usr/src/app/\n", at(1, 1, "Use COPY instead of ADD"))
                // ADD does not extract zip files
                .invalid("ADD file.zip /usr/src/app/\n", at(1, 1))
                .invalid("ADD \"file.zip\" /usr/src/app/\n", at(1, 1))
                // a pattern or a variable may name an archive: no fix
                .invalid("FROM alpine:3.20\nADD dist/* /app/\n", at(2, 1))
                .invalid("FROM alpine:3.20\nADD $SRC /app/\n", at(2, 1))
                // an archive and a plain file: reported, no fix
                .invalid("FROM alpine:3.20\nADD a.tar.gz notes.txt /app/\n", at(2, 1))
                .invalid("FROM alpine:3.20\nONBUILD ADD . /app/src\n", at(2, 9))
                .fix("FROM alpine:3.20\nADD --chown=app:app src/ /app/\n", Applicability.SAFE,
                        "FROM alpine:3.20\nCOPY --chown=app:app src/ /app/\n", at(2, 1))
                .fix("from alpine:3.20\nadd a b\n", Applicability.SAFE, "from alpine:3.20\ncopy a b\n", at(2, 1))
                .test();
        // ADD-only flags: no fix
        assertThat(RuleTester.of(new AddInsteadOfCopy()).findings("FROM a\nADD --checksum=sha256:abc f /f\n"))
                .singleElement().satisfies(f -> assertThat(f.fix()).isNull());
    }

    @Test
    void copyRelativeWithoutWorkdir() {
        RuleTester.of(new CopyRelativeWithoutWorkdir())
                .valid("COPY bla.sh /usr/local/bin/blubb.sh\n", "COPY bla.sh \"/usr/local/bin/blubb.s\"\n",
                        "COPY bla.sh c:\\system32\\blubb.sh\n", "COPY bla.sh \"c:\\system32\\blubb.sh\"\n",
                        "COPY bla.sh d:/mypath/blubb.sh\n", "FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh\n",
                        "FROM scratch\nWORKDIR c:\\system32\nCOPY bla.sh blubb.sh\n", "COPY src.sh ${SRC_BASE_ENV}\n",
                        "COPY src.sh $SRC_BASE_ENV\n", "COPY src.sh \"${SRC_BASE_ENV}\"\n",
                        "COPY src.sh \"$SRC_BASE_ENV\"\n",
                        "FROM debian:buster as base\nWORKDIR /usr\nFROM debian:buster as stage-inbetween\nRUN foo\n"
                                + "FROM base\nCOPY foo bar\n",
                        "FROM debian:buster as base1\nWORKDIR /usr\nFROM base1 as base2\nRUN foo\nFROM base2\nCOPY foo bar\n",
                        "FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\n",
                        "FROM debian:buster\nWORKDIR /app\nADD foo bar\n")
                .invalid("COPY bla.sh blubb.sh\n", at(1, 13, "relative destination 'blubb.sh'"))
                .invalid("COPY bla.sh \"blubb.sh\"\n", at(1, 13))
                .invalid("COPY a b\n", at(1, 8))
                .invalid("FROM debian:buster as stage1\nWORKDIR /usr\nFROM debian:buster\nCOPY foo bar\n", at(4, 10))
                .invalid("FROM node:22\nCOPY package.json .\nWORKDIR /app\nCOPY . .\n", at(2, 19))
                .invalid("FROM debian:buster\nONBUILD COPY foo bar\n", at(2, 18))
                // unlike hadolint: ADD lands in the same unknown directory (DD240's fix turns it into a COPY)
                .invalid("FROM debian:buster\nADD foo bar\n", at(2, 9, "ADD to the relative destination 'bar'"))
                // one finding per stage: the missing WORKDIR is the stage's (DD130's fix adds a COPY next to one)
                .invalid("FROM python:3.12\nCOPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\n"
                        + "FROM python:3.12\nCOPY x .\n",
                        at(2, 23, "'./' (and 1 more relative COPY/ADD destination in this stage)"), at(6, 8))
                .test();
    }

    @Test
    void envSameStatementReference() {
        RuleTester.of(new EnvSameStatementReference())
                .valid("ENV BLA=\"blubb\"\nENV BLUBB=\"${BLA}/blubb\"\n",
                        "ENV BLA=\"blubb\" BLUBB=\"${FOOBLA}/blubb\"\n",
                        "ENV BLA=\"blubb\" BLUBB=\"${BLAFOO}/blubb\"\n",
                        "ENV BLA=\"blubb\" BLUBB=\"$FOOBLA/blubb\"\n",
                        "ENV BLA=\"blubb\" BLUBB=\"$BLAFOO/blubb\"\n",
                        "ENV BLA=\"blubb\" BLUBB=\"BLA/$BLAFOO/BLA\"\n",
                        "ARG BLA\nENV BLA=${BLA}\n",
                        "ENV BLA blubb\nENV BLA=${BLA}\n",
                        "ENV PATH=/bla:${PATH}\n",
                        "ENV PATH=/bla:${PATH}:/blubb:${PATH}\n",
                        "ENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}\n",
                        // no expansion inside single quotes, nor of an escaped $
                        "FROM a\nENV A=1 B='$A'\n",
                        "FROM a\nENV A=1 B=\\$A\n")
                .invalid("ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}\n", at(1, 15, "'PATH' is set in this same ENV"), at(1, 35))
                .invalid("ENV BLA=\"blubb\" BLUBB=\"${BLA}/blubb\"\n", at(1, 24))
                .invalid("ENV BLA=\"blubb\" BLUBB=\"$BLA/blubb\"\n", at(1, 24))
                .invalid("ENV BLA=\"blubb\" BLUBB=\"$BLA/$BLAFOO/blubb\"\n", at(1, 24))
                .invalid("ENV BLA=\"blubb\" BLUBB=\"$BLA\"\n", at(1, 24))
                .invalid("ENV BLA=\"blubb\" BLUBB=\"${BLA}\"\n", at(1, 24))
                .invalid("FROM eclipse-temurin:21\nENV JAVA_HOME=/opt/java \\\n    PATH=$JAVA_HOME/bin:$PATH\n", at(3, 10))
                .test();
        // the finding covers the whole reference, braces and default included
        assertThat(RuleTester.of(new EnvSameStatementReference()).findings("ENV BLA=1 B=${BLA:-x}/y\n"))
                .singleElement().satisfies(f -> assertThat(f.range().startColumn() + "-" + f.range().endColumn())
                        .isEqualTo("13-22"));
    }

    @Test
    void copyWholeFilesystem() {
        RuleTester.of(new CopyWholeFilesystem())
                .valid("COPY / /\n", "COPY --from=build /app /\n", "COPY --from=build / /app\n",
                        // sources made to be copied whole: a scratch stage, the xx and docker tool images
                        "FROM scratch AS rootfs\nCOPY bin/ /usr/bin/\nFROM alpine:3.20\nCOPY --from=rootfs / /\n",
                        "ARG XX=1.2.1\nFROM tonistiigi/xx:${XX} AS xx\nFROM golang:1.22\nCOPY --from=xx / /\n",
                        "FROM debian:12\nCOPY --from=gloursdocker/docker / /\n")
                .invalid("COPY --from=build / /\n", at(1, 19, "entire file system"))
                .invalid("COPY --from=build \"/\" \"/\"\n", at(1, 19))
                .invalid("FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build / /\n", at(4, 19))
                .invalid("FROM debian:12\nCOPY --from=docker:27-cli / /\n", at(2, 27))
                .test();
    }

    @Test
    void healthcheckMissing() {
        RuleTester.of(new HealthcheckMissing())
                .valid("FROM scratch\nHEALTHCHECK CMD /bin/bla\n",
                        "FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base\n",
                        "FROM alpine:3.20\nHEALTHCHECK NONE\n")
                .invalid("FROM scratch\n", at(1, 1, "HEALTHCHECK instruction missing"))
                .invalid("FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch\n", at(3, 1))
                .invalid("FROM golang:1.22 AS build\nRUN go build\nFROM scratch\nHEALTHCHECK CMD [\"/app\", \"-health\"]\n",
                        at(1, 1, "stage build"))
                .test();
        assertThat(HealthcheckMissing.META.enabledByDefault()).isFalse();
    }

    @Test
    void nonNumericUser() {
        RuleTester.of(new NonNumericUser())
                .valid("USER 12345\n", "USER 1234:5678\n", "FROM a\nARG UID=1000\nUSER $UID\n",
                        "ARG APP_UID\nFROM a\nUSER ${APP_UID}:0\n",
                        // a variable may hold a number (.NET images set APP_UID=1654 by ENV); Windows users
                        "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n",
                        "FROM a\nUSER ${APP_UID:-1000}\n",
                        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerAdministrator\n")
                .invalid("USER foobar\n", at(1, 6, "'foobar'"))
                .invalid("USER foobar:barfoo\n", at(1, 6))
                .invalid("FROM a\nUSER root\n", at(2, 6))
                .invalid("FROM a\nUSER app-$SUFFIX\n", at(2, 6))
                .test();
    }
}
