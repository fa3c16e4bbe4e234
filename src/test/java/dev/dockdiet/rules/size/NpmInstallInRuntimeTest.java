package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class NpmInstallInRuntimeTest {

    /** A runtime image without npm until the Dockerfile installs it. */
    static final String NPM_ALPINE = "FROM alpine:3.20\nRUN apk add --no-cache nodejs npm\n";

    @Test
    void cases() {
        RuleTester.of(new NpmInstallInRuntime())
                .valid(
                        // installs in a build stage, production node_modules copied
                        "FROM node:20 AS build\nRUN npm ci --omit=dev\nFROM node:20-slim\nCOPY --from=build /app/node_modules /app/node_modules\n",
                        "FROM node:20 AS deps\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps /app/node_modules ./node_modules\n",
                        // explicit packages and global tools are not the project's install
                        "FROM node:20-slim\nRUN npm install -g pm2\n",
                        "FROM node:20-slim\nRUN npm install express@4\n",
                        "FROM node:20-slim\nRUN yarn --version && yarn global add serve\n",
                        "FROM node:20-slim\nRUN npm run start\n",
                        // with a cache mount it is still an install, but in a build stage: fine
                        "FROM node:20 AS build\nRUN --mount=type=cache,target=/root/.npm npm ci\nFROM node:20-slim\n"
                                + "COPY --from=build /app /app\n",
                        // production installs on an official node image: npm (and yarn 1 up to Node 22) is there anyway
                        "FROM node:20-slim\nRUN npm ci --omit=dev\n",
                        "FROM node:22-alpine\nENV NODE_ENV=production\nRUN npm ci\n",
                        "FROM node:20-slim AS base\nFROM base\nRUN npm ci && npm run build && npm prune --omit=dev\n",
                        "FROM node:20\nRUN yarn install --production\n")
                .fix("FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD [\"node\", \"index.js\"]\n",
                        Applicability.SUGGESTED,
                        "FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD [\"node\", \"index.js\"]\n",
                        at(4, 5, "`npm ci` in the final stage installs devDependencies too"))
                .fix("FROM node:20-slim\nRUN npm install \\\n  && echo done\n", Applicability.SUGGESTED,
                        "FROM node:20-slim\nRUN npm install --omit=dev \\\n  && echo done\n", at(2, 5, "`npm install`"))
                // a build follows: it needs the devDependencies, no fix
                .invalid("FROM node:20\nRUN npm ci\nRUN npm run build\n", at(2, 5, "installs devDependencies too"))
                .invalid("FROM node:20-slim\nRUN yarn install --frozen-lockfile\n", at(2, 5, "no --production"))
                .invalid("FROM node:20-slim\nRUN yarn\n", at(2, 5, "`yarn` in the final stage"))
                .invalid("FROM node:20-slim\nRUN pnpm install --frozen-lockfile\n", at(2, 5, "no --prod"))
                // production installs are reported as info when the tool ships only because of them
                .invalid(NPM_ALPINE + "RUN npm ci --omit=dev\n", at(3, 5, "installs production dependencies"))
                .invalid(NPM_ALPINE + "ENV NODE_ENV=production\nRUN npm ci\n", at(4, 5, "production dependencies"))
                .invalid(NPM_ALPINE + "ARG NODE_ENV=production\nENV NODE_ENV $NODE_ENV\nRUN npm ci\n",
                        at(5, 5, "production dependencies"))
                .invalid(NPM_ALPINE + "RUN NODE_ENV=production npm install\n", at(3, 25, "production dependencies"))
                .invalid(NPM_ALPINE + "RUN npm ci && npm run build && npm prune --omit=dev\n",
                        at(3, 5, "production dependencies"))
                .invalid("FROM node:24-slim\nRUN yarn install --production\n", at(2, 5, "yarn and its install step"))
                .invalid("FROM node:20-slim\nRUN pnpm install --prod\n", at(2, 5, "pnpm and its install step"))
                .invalid("FROM mycompany/node-base:1\nRUN npm ci --omit=dev\n", at(2, 5, "production dependencies"))
                .test();
    }

    @Test
    void severityFollowsWhatIsInstalled() {
        RuleTester t = RuleTester.of(new NpmInstallInRuntime());
        assertThat(t.findings(NPM_ALPINE + "RUN npm ci --omit=dev\n")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(t.findings("FROM node:20-slim\nRUN npm ci\n")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }
}
