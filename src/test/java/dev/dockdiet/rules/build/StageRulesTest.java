package dev.dockdiet.rules.build;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** Stage names and COPY --from (DD210–DD213). */
class StageRulesTest {

    private static final String BUILD = "FROM golang:1.22 AS build\nRUN go build -o /app .\n";

    @Test
    void copyFromUnknownStage() {
        RuleTester.of(new CopyFromUnknownStage())
                .valid(BUILD + "FROM scratch\nCOPY --from=build /app /app\n",
                        BUILD + "FROM scratch\nCOPY --from=Build /app /app\n",
                        BUILD + "FROM scratch\nCOPY --from=0 /app /app\n",
                        "FROM alpine:3.19\nCOPY --from=nginx:1.25 /etc/nginx /etc/nginx\n",
                        "FROM alpine:3.19\nCOPY --from=gcr.io/distroless/base /x /x\n",
                        "ARG SRC=build\n" + BUILD + "FROM scratch\nCOPY --from=$SRC /app /app\n",
                        "FROM alpine:3.19 AS self\nCOPY --from=self /a /b\n")
                .invalid(BUILD + "FROM scratch\nCOPY --from=biuld /app /app\n",
                        at(4, 6, "did you mean stage 'build'?"))
                .invalid("FROM alpine:3.19\nCOPY --from=busybox /bin/busybox /bin/\n",
                        at(2, 6, "pulled as the image 'busybox:latest'"))
                .invalid("FROM alpine:3.19\nCOPY --from=later /a /a\nFROM alpine:3.19 AS later\n",
                        at(2, 6, "defined after this one (line 3)"))
                .invalid(BUILD + "FROM scratch\nCOPY --from=2 /app /app\n", at(4, 6, "no stage 2"))
                .test();
    }

    @Test
    void copyFromOwnStage() {
        RuleTester.of(new CopyFromOwnStage())
                .valid(BUILD + "FROM scratch AS run\nCOPY --from=build /app /app\n",
                        "FROM alpine:3.19\nCOPY a b\n")
                .invalid("FROM alpine:3.19 AS app\nCOPY --from=app /a /b\n", at(2, 6, "cannot copy from itself"))
                .invalid(BUILD + "FROM scratch\nCOPY --from=1 /a /b\n", at(4, 6))
                .test();
    }

    @Test
    void duplicateStageName() {
        RuleTester.of(new DuplicateStageName())
                .valid(BUILD + "FROM alpine:3.19 AS run\n", "FROM alpine:3.19\nFROM alpine:3.19\n")
                .invalid(BUILD + "FROM alpine:3.19 AS BUILD\n", at(3, 21, "Duplicate stage name \"build\""))
                .test();
    }

    @Test
    void reservedStageName() {
        RuleTester.of(new ReservedStageName())
                .valid("FROM alpine:3.19 AS base\n", "FROM scratch\n")
                .invalid("FROM alpine:3.19 AS scratch\n", at(1, 21, "reserved stage \"scratch\""))
                .invalid("FROM alpine:3.19 AS context\n", at(1, 21, "\"context\""))
                .test();
    }
}
