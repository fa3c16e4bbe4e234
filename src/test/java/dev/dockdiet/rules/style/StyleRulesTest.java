package dev.dockdiet.rules.style;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class StyleRulesTest {

    @Test
    void maintainerDeprecated() {
        RuleTester.of(new MaintainerDeprecated())
                .valid("FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"me@example.com\"\n")
                .fix("FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n", Applicability.SAFE,
                        "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\nRUN true\n",
                        at(2, 1, "MAINTAINER is deprecated"))
                .fix("from alpine:3.20\nmaintainer \"Jo \\\"J\\\" $USER\"\n", Applicability.SAFE,
                        "from alpine:3.20\nlabel org.opencontainers.image.authors=\"Jo \\\\\\\"J\\\\\\\" \\$USER\"\n",
                        at(2, 1))
                .fix("# escape=`\nFROM alpine:3.20\nMAINTAINER a\"b\n", Applicability.SAFE,
                        "# escape=`\nFROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"a`\"b\"\n", at(3, 1))
                .test();
    }

    @Test
    void inconsistentInstructionCasing() {
        RuleTester.of(new InconsistentInstructionCasing())
                .valid("FROM alpine:3.20\nRUN true\n", "from alpine:3.20\nrun true\n",
                        // meta ARGs are not counted
                        "arg V=1\nFROM alpine:3.20\nRUN true\n")
                .fix("FROM alpine:3.20\nrun true\nCOPY a b\n", Applicability.SAFE,
                        "FROM alpine:3.20\nRUN true\nCOPY a b\n", at(2, 1, "Command 'run' should match the case of the"
                                + " command majority (uppercase)"))
                .fix("from alpine:3.20\nRun true\ncopy a b\n", Applicability.SAFE,
                        "from alpine:3.20\nrun true\ncopy a b\n", at(2, 1, "(lowercase)"))
                // a tie goes to upper case
                .fix("FROM alpine:3.20\nrun true\n", Applicability.SAFE, "FROM alpine:3.20\nRUN true\n", at(2, 1))
                // a FROM line against the majority: AS is written in the same case by the same fix (DD403 is quiet)
                .fix("from alpine:3.20 as x\nRUN true\nCOPY a b\n", Applicability.SAFE,
                        "FROM alpine:3.20 AS x\nRUN true\nCOPY a b\n", at(1, 1, "Command 'from' should match the case of"
                                + " the command majority (uppercase), and so should 'as'"))
                .fix("From alpine:3.20 as x\nRUN true\n", Applicability.SAFE, "FROM alpine:3.20 AS x\nRUN true\n",
                        at(1, 1))
                .fix("from alpine:3.20 AS x\nRUN true\n", Applicability.SAFE, "FROM alpine:3.20 AS x\nRUN true\n",
                        at(1, 1, "(uppercase)"))
                .test();
    }

    @Test
    void fromAsCasing() {
        RuleTester.of(new FromAsCasing())
                .valid("FROM alpine:3.20 AS base\n", "from alpine:3.20 as base\n",
                        "From alpine:3.20 as base\n") // mixed-case FROM: DD402's business
                .fix("FROM alpine:3.20 as base\nRUN true\n", Applicability.SAFE, "FROM alpine:3.20 AS base\nRUN true\n",
                        at(1, 18, "'as' and 'FROM' keywords' casing do not match"))
                .fix("from alpine:3.20 As base\n", Applicability.SAFE, "from alpine:3.20 as base\n", at(1, 18))
                .test();
        // `from alpine AS x` in an upper-case file: DD402 says "Write 'FROM'", so DD403 must not say "write 'as'"
        RuleTester.of(new FromAsCasing())
                .valid("from alpine:3.20 AS x\nRUN true\n", "from alpine:3.20 as x\nRUN true\nCOPY a b\n",
                        "FROM alpine:3.20 as x\nrun true\ncopy a b\n")
                .fix("from alpine:3.20 AS x\nrun true\n", Applicability.SAFE, "from alpine:3.20 as x\nrun true\n",
                        at(1, 18))
                .test();
    }

    @Test
    void stageNameCasing() {
        RuleTester.of(new StageNameCasing())
                .valid("FROM alpine:3.20 AS build\nFROM build\n", "FROM alpine:3.20\n")
                .fix("FROM golang:1.22 AS Builder\nRUN go build\nFROM Builder AS test\n"
                                + "FROM alpine:3.20\nCOPY --from=Builder /app /app\n", Applicability.SAFE,
                        "FROM golang:1.22 AS builder\nRUN go build\nFROM builder AS test\n"
                                + "FROM alpine:3.20\nCOPY --from=builder /app /app\n",
                        at(1, 21, "Stage name 'Builder' should be lowercase"))
                .test();
    }

    @Test
    void legacyKeyValueFormat() {
        RuleTester.of(new LegacyKeyValueFormat())
                .valid("FROM alpine:3.20\nENV A=1 B=\"two words\"\nLABEL a=b\n")
                .fix("FROM alpine:3.20\nENV PATH /opt/bin:$PATH\n", Applicability.SAFE,
                        "FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n",
                        at(2, 5, "\"ENV key=value\" should be used instead of legacy \"ENV key value\" format"))
                .fix("FROM alpine:3.20\nLABEL description \"a b\"\n", Applicability.SAFE,
                        "FROM alpine:3.20\nLABEL description=\"a b\"\n", at(2, 7, "LABEL key=value"))
                .fix("FROM alpine:3.20\nENV GREETING hello  world\n", Applicability.SAFE,
                        "FROM alpine:3.20\nENV GREETING=\"hello  world\"\n", at(2, 5))
                // unquoted blanks next to quotes: no fix that keeps the value exactly
                .invalid("FROM alpine:3.20\nENV MSG it's \"x\"\n", at(2, 5))
                .test();
    }

    @Test
    void exposeProtoCasing() {
        RuleTester.of(new ExposeProtoCasing())
                .valid("FROM alpine:3.20\nEXPOSE 80/tcp 53/udp 8080\n")
                .fix("FROM alpine:3.20\nEXPOSE 80/TcP 53/UDP\n", Applicability.SAFE,
                        "FROM alpine:3.20\nEXPOSE 80/tcp 53/udp\n",
                        at(2, 8, "Defined protocol '80/TcP' in EXPOSE instruction should be lowercase"), at(2, 15))
                .test();
    }

    @Test
    void consecutiveRun() {
        RuleTester.of(new ConsecutiveRun())
                .valid("FROM alpine:3.20\nRUN apk add --no-cache curl\nCOPY a /a\nRUN ./a\n",
                        // a RUN that already chains commands breaks the chain (hadolint's DL3059 scope)
                        "FROM alpine:3.20\nRUN apk update && apk add curl\nRUN ./a\n",
                        "FROM alpine:3.20\nRUN ./a\nRUN --mount=type=cache,target=/c ./b\n",
                        "FROM alpine:3.20\nRUN [\"./a\"]\nRUN [\"./b\"]\n",
                        "FROM alpine:3.20 AS a\nRUN ./a\nFROM alpine:3.20\nRUN ./b\n")
                .fix("FROM alpine:3.20\nRUN mkdir /app\nRUN chown 1000 /app\n", Applicability.SUGGESTED,
                        "FROM alpine:3.20\nRUN mkdir /app && \\\n    chown 1000 /app\n",
                        at(3, 1, "merge this one into the RUN on line 2"))
                .fix("FROM alpine:3.20\nRUN a\nRUN b\nRUN c\n", Applicability.SUGGESTED,
                        "FROM alpine:3.20\nRUN a && \\\n    b && \\\n    c\n", at(3, 1), at(4, 1))
                // comments between: reported, not rewritten
                .invalid("FROM alpine:3.20\nRUN a\n# why\nRUN b\n", at(4, 1))
                .test();
    }

    @Test
    void curlAndWget() {
        RuleTester.of(new CurlAndWget())
                .valid("FROM alpine:3.20\nRUN curl -fsSLO https://x\nRUN curl -fsSLO https://y\n",
                        "FROM alpine:3.20 AS a\nRUN wget https://x\nFROM alpine:3.20\nRUN curl -O https://y\n",
                        "FROM debian:12\nRUN apt-get install -y curl wget\n")
                .invalid("FROM alpine:3.20\nRUN wget https://x\nRUN true\nRUN curl -O https://y\nRUN wget https://z\n",
                        at(4, 5, "both curl and wget"), at(5, 5))
                .invalid("FROM alpine:3.20\nRUN wget https://x && curl -O https://y\n", at(2, 5))
                .test();
    }

    @Test
    void invalidLabelKey() {
        RuleTester.of(new InvalidLabelKey())
                .valid("FROM alpine:3.20\nLABEL org.opencontainers.image.title=x com.example.a-b/c=1\n",
                        "FROM alpine:3.20\nLABEL ${PREFIX}.x=1\n",
                        "FROM rhel:9\nLABEL Name=app Version=1 Release=2 RUN=\"docker run x\"\n")
                .invalid("FROM alpine:3.20\nLABEL com.docker.foo=1\n", at(2, 7, "reserved"))
                .invalid("FROM alpine:3.20\nLABEL myKey=1 a..b=2 \"end-\"=3\n", at(2, 7, "'myKey'"), at(2, 15, "'..'"),
                        at(2, 22, "'end-'"))
                .test();
    }

    @Test
    void exposeInvalid() {
        RuleTester.of(new ExposeInvalid())
                .valid("FROM alpine:3.20\nEXPOSE 80 443/tcp 8000-8010 65535 $PORT\n")
                .fix("FROM alpine:3.20\nEXPOSE 8080:80 127.0.0.1:53:53/udp\n", Applicability.SAFE,
                        "FROM alpine:3.20\nEXPOSE 80 53/udp\n",
                        at(2, 8, "found '8080:80'"), at(2, 16, "found '127.0.0.1:53:53/udp'"))
                .invalid("FROM alpine:3.20\nEXPOSE 80000 1000-70000/tcp\n", at(2, 8, "Port 80000"), at(2, 14, "70000"))
                .test();
    }
}
