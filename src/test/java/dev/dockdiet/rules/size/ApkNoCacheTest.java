package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class ApkNoCacheTest {

    @Test
    void rule() {
        RuleTester.of(new ApkNoCache())
                .valid(
                        "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
                        "FROM alpine:3.20\nRUN apk --no-cache add curl\n",
                        "FROM alpine:3.20\nRUN apk add curl --no-cache\n",
                        "FROM alpine:3.20\nRUN apk -q --no-cache add --virtual .build-deps gcc\n",
                        "FROM alpine:3.20\nRUN apk add --update curl && rm -rf /var/cache/apk/*\n",
                        "FROM alpine:3.20\nRUN apk add curl; rm -rf /var/cache/apk\n",
                        "FROM alpine:3.20\nRUN sh -c 'apk add --no-cache curl'\n",
                        "FROM alpine:3.20\nRUN sh -c 'apk add curl' && rm -rf /var/cache/apk/*\n",
                        "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n",
                        "FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk add curl\n",
                        "FROM alpine:3.20 AS build\nRUN apk add gcc musl-dev\nRUN gcc -static -o /app main.c\n"
                                + "FROM scratch\nCOPY --from=build /app /app\n",
                        "FROM alpine:3.20\nRUN apk del curl\n",
                        // docker-library's pattern: runtime deps resolved offline
                        "FROM alpine:3.20\nRUN scanelf --needed /usr/local/bin/x | xargs -rt apk add --no-network --virtual .rundeps\n",
                        "FROM alpine:3.20\nRUN apk info -vv\n")
                .invalid("FROM alpine:3.20\nRUN apk --update add curl\n", at(2, 18, "/var/cache/apk"))
                .invalid("FROM alpine:3.20\nRUN apk update && apk add -U curl\n", at(2, 23, "cache mount"))
                // a removal before the add does not count
                .invalid("FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add curl\n", at(2, 36))
                // a mount elsewhere does not count
                .invalid("FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache apk add curl\n", at(2, 48))
                // the final stage is built on this one
                .invalid("FROM alpine:3.20 AS base\nRUN apk add curl\nFROM base\nCMD [\"curl\"]\n", at(2, 9))
                .invalid("FROM alpine:3.20\nRUN [\"apk\", \"add\", \"curl\"]\n", at(2, 13))
                .fix("FROM alpine:3.20\nRUN apk add curl\n", Applicability.SAFE,
                        "FROM alpine:3.20\nRUN apk add --no-cache curl\n", at(2, 9, "`apk add` without `--no-cache`"))
                .fix("FROM alpine:3.20\nRUN sh -c \"apk add curl\"\n", Applicability.SAFE,
                        "FROM alpine:3.20\nRUN sh -c \"apk add --no-cache curl\"\n", at(2, 16))
                .fix("FROM alpine:3.20\nRUN apk add \\\n      curl \\\n      git\n", Applicability.SAFE,
                        "FROM alpine:3.20\nRUN apk add --no-cache \\\n      curl \\\n      git\n", at(2, 9))
                // a later RUN installs from the index this one keeps, and cannot get --no-cache itself (exec form)
                .invalid("FROM alpine:3.20\nRUN apk add --update curl\nRUN [\"apk\", \"add\", \"git\"]\n",
                        at(2, 9, "(no automatic fix: the RUN on line 3 uses it; merge that RUN into this one and clean up at its end)"),
                        at(3, 13))
                // … but one that gets --no-cache too fetches its own index: both fixed
                .fix("FROM alpine:3.20\nRUN apk add --update curl\nRUN apk add git\n", Applicability.SAFE,
                        "FROM alpine:3.20\nRUN apk add --no-cache --update curl\nRUN apk add --no-cache git\n", at(2, 9), at(3, 9))
                .test();
    }
}
