package dev.dockdiet.rules.build;

import static dev.dockdiet.rules.RuleTester.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rules.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DD260 undefined-var, BuildKit's UndefinedVar: cases from its check tests and from its dispatch code. */
class UndefinedVarTest {

    @Test
    void buildKitCases() {
        RuleTester.of(new UndefinedVar())
                .valid("\nFROM scratch AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n",
                        "FROM alpine\nARG foo\nCOPY $foo .\n",
                        "FROM alpine\nRUN echo $NOT_DEFINED\nCMD echo $ALSO_NOT\n",
                        "FROM alpine\nENV A=1\nENV B=$A\n",
                        "FROM alpine\nARG A=1 B=$A\nWORKDIR /$B\n",
                        "ARG V=1\nFROM alpine\nARG V\nLABEL v=$V\n",
                        "FROM alpine\nEXPOSE $PORT\nHEALTHCHECK CMD curl $URL\n",
                        "FROM alpine\nCOPY <<'EOF' /x\n$NOT_EXPANDED\nEOF\n",
                        "FROM alpine\nWORKDIR ${HOME:-/root}/app\n".replace("${HOME:-/root}", "$PATH"),
                        "FROM alpine\nCOPY --from=build $FOO /x\n".replace("$FOO", "/a"))
                .invalid("\nFROM scratch\nCOPY $foo .\nARG foo=bar\nRUN echo $NOT_DEFINED\n",
                        at(3, 1, "Usage of undefined variable '$foo'"))
                .invalid("\nFROM scratch\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nARG DIR_CONFIG=config/\n"
                        + "COPY $DIR_ASSET .\n", at(6, 1, "Usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?)"))
                .invalid("\nFROM scratch\nENV PATH=$PAHT:/tmp/bin\n",
                        at(3, 1, "Usage of undefined variable '$PAHT' (did you mean $PATH?)"))
                .invalid("ARG foo=bar\nFROM alpine\nCOPY $foo .\n", at(3, 1, "'$foo'"))
                .invalid("FROM alpine\nENV A=1 B=$A\n", at(2, 1, "'$A'"))
                .invalid("FROM alpine\nWORKDIR ${APP:-/app}\n", at(2, 1, "'$APP'"))
                .invalid("FROM alpine\nUSER $APP_USER\n", at(2, 1))
                .invalid("FROM alpine\nVOLUME $DATA /x\n", at(2, 1))
                .invalid("FROM alpine\nSTOPSIGNAL $SIG\n", at(2, 1))
                .invalid("FROM alpine\nLABEL version=$VERSION\n", at(2, 1))
                .invalid("FROM alpine\nARG B=$A\n", at(2, 1, "'$A'"))
                .invalid("FROM alpine\nCOPY --chown=$UID:0 a /a\n", at(2, 1, "'$UID'"))
                .invalid("FROM alpine\nCOPY <<EOF /x\n$NOT_SET\nEOF\n", at(2, 1, "'$NOT_SET'"))
                .invalid("FROM alpine\nRUN --mount=type=cache,target=$CACHE_DIR true\n", at(2, 1, "'$CACHE_DIR'"))
                .invalid("FROM alpine\nCOPY a \\\n  $DEST\n", at(2, 1, "'$DEST'"))
                .test();
    }

    @Test
    void baseImageEnvironment() {
        RuleTester.of(new UndefinedVar())
                // the official images' variables are known
                .valid("FROM python:3.12-slim\nWORKDIR /opt/$PYTHON_VERSION\n",
                        "FROM golang:1.22\nWORKDIR $GOPATH/src/app\n",
                        // an unknown image may define anything ...
                        "FROM mycorp/base:1\nWORKDIR $APP_HOME\n",
                        // a near name, but the default says the author knows it may be unset
                        "FROM mycorp/base:1\nENV CPATH=/opt/include${CPATH:+:${CPATH}}\n",
                        "ARG BASE\nFROM $BASE\nWORKDIR $APP_HOME\n")
                .invalid("FROM python:3.12-slim\nWORKDIR /opt/$NODE_VERSION\n", at(2, 1))
                // ... but a typo of a defined variable is still one
                .invalid("FROM mycorp/base:1\nENV APP_HOME=/app\nWORKDIR $APP_HOM\n",
                        at(3, 1, "(did you mean $APP_HOME?)"))
                // a stage built on another inherits its variables and ARGs
                .invalid("FROM alpine AS a\nENV X=1\nFROM a\nENV Y=$X$Z\n", at(4, 1, "'$Z'"))
                .test();
    }

    @Test
    void suggestionIsBuildKitsSearch() {
        assertThat(UndefinedVar.suggest("PAHT", List.of("PATH"))).isEqualTo("PATH");
        assertThat(UndefinedVar.suggest("DIR_ASSET", List.of("PATH", "DIR_BINARIES", "DIR_ASSETS"))).isEqualTo("DIR_ASSETS");
        assertThat(UndefinedVar.suggest("abc", List.of("xyz"))).isNull();
        // case-sensitive on Linux: 'path' is three edits from 'PATH'... and four from nothing closer
        assertThat(UndefinedVar.suggest("path", List.of("PATH"))).isNull();
        // the first option at the smallest distance wins
        assertThat(UndefinedVar.suggest("AB", List.of("AC", "AD"))).isEqualTo("AC");
    }
}
