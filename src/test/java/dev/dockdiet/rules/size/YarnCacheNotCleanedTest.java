package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class YarnCacheNotCleanedTest {

    @Test
    void rule() {
        RuleTester.of(new YarnCacheNotCleaned())
                .valid(
                        "FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
                        "FROM node:22\nRUN yarn --frozen-lockfile --production; yarn cache clean --all\n",
                        "FROM node:22\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn\n",
                        "FROM node:22\nRUN yarn install && rm -rf ~/.cache/yarn/*\n",
                        "FROM node:22\nRUN bash -c 'yarn install && yarn cache clean'\n",
                        "FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n",
                        "FROM node:22\nRUN --mount=type=cache,target=/home/node/.cache/yarn,uid=1000 yarn install\n",
                        "FROM node:22\nENV YARN_CACHE_FOLDER=/yc\nRUN --mount=type=cache,target=/yc yarn install\n",
                        "FROM node:22\nRUN yarn install --cache-folder /tmp/yc && rm -rf /tmp/yc\n",
                        // build stage: only node_modules / the build output is copied out
                        "FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile && yarn build\n"
                                + "FROM node:22-slim\nCOPY --from=build /app/dist /app/dist\n",
                        "FROM node:22\nRUN yarn --version\n",
                        "FROM node:22\nRUN yarn build\n")
                .invalid("FROM node:22\nRUN yarn install --frozen-lockfile\n", at(2, 10, "yarn cache clean"))
                .invalid("FROM node:22\nRUN yarn global add serve\n", at(2, 17, "`yarn global add`"))
                // a clean before the install does not count (as in DL3060)
                .invalid("FROM node:22\nRUN yarn cache clean && yarn install\n", at(2, 30, "cache mount"))
                // the final stage is built on this one
                .invalid("FROM node:22 AS deps\nRUN yarn install\nFROM deps\nCMD [\"node\", \"index.js\"]\n", at(2, 10))
                .fix("FROM node:22\nRUN yarn --frozen-lockfile\n", Applicability.SAFE,
                        "FROM node:22\nRUN yarn --frozen-lockfile && yarn cache clean\n", at(2, 5, "`yarn`"))
                .fix("FROM node:22\nRUN yarn install \\\n    --frozen-lockfile \\\n    --production\n", Applicability.SAFE,
                        "FROM node:22\nRUN yarn install \\\n    --frozen-lockfile \\\n    --production && yarn cache clean\n",
                        at(2, 10))
                .test();
    }
}
