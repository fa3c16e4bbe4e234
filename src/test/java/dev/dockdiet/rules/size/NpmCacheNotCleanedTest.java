package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class NpmCacheNotCleanedTest {

    @Test
    void rule() {
        RuleTester.of(new NpmCacheNotCleaned())
                .valid(
                        "FROM node:22\nRUN npm ci && npm cache clean --force\n",
                        "FROM node:22\nRUN npm install --omit=dev; npm cache clean --force\n",
                        "FROM node:22\nRUN npm ci && rm -rf /root/.npm\n",
                        "FROM node:22\nRUN npm ci && rm -rf ~/.npm/_cacache\n",
                        "FROM node:22\nRUN sh -c 'npm ci && npm cache clean --force'\n",
                        "FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci\n",
                        "FROM node:22\nRUN --mount=type=cache,target=/home/node/.npm,uid=1000 npm ci\n",
                        "FROM node:22\nENV npm_config_cache=/nc\nRUN --mount=type=cache,target=/nc npm ci\n",
                        "FROM node:22\nRUN --mount=type=cache,target=/tmp/npm npm ci --cache /tmp/npm\n",
                        "FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"
                                + "FROM node:22-slim\nCOPY --from=build /app/dist /app/dist\n",
                        "FROM node:22\nRUN npm run build\n",
                        "FROM node:22\nRUN npm --version\n")
                .invalid("FROM node:22\nRUN sh -c \"npm ci\"\n", at(2, 16, "npm cache clean --force"))
                .invalid("FROM node:22\nRUN npm install && npm cache clean --force && npm install x\n", at(2, 51, "cache mount"))
                // a mount somewhere else
                .invalid("FROM node:22\nRUN --mount=type=cache,target=/root/.cache npm ci\n", at(2, 48))
                // the cache is node's: an appended clean would run as root
                .invalid("FROM node:22\nRUN su node -c \"umask 0002 && npm install -g http-server\"\n", at(2, 35))
                .invalid("FROM node:22\nRUN sudo -u node npm ci\n", at(2, 22))
                .fix("FROM node:22\nRUN npm i -g npm@10\n", Applicability.SAFE,
                        "FROM node:22\nRUN npm i -g npm@10 && npm cache clean --force\n", at(2, 9, "`npm i`"))
                .fix("FROM node:22\nRUN npm ci \\\n    --omit=dev\n", Applicability.SAFE,
                        "FROM node:22\nRUN npm ci \\\n    --omit=dev && npm cache clean --force\n", at(2, 9))
                // a later RUN installs offline, from this cache: no cleanup
                .invalid("FROM node:20\nRUN npm install\nRUN npm ci --offline\n",
                        at(2, 9, "(no automatic fix: the RUN on line 3 uses it"), at(3, 9))
                .test();
    }
}
