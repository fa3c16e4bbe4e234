package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rules.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeBudgetTest {

    private static RuleSettings budget(long bytes) {
        return new RuleSettings(List.of(), List.of(), null, bytes);
    }

    @Test
    void withoutABudgetNothingIsFlagged() {
        RuleTester.of(new SizeBudget())
                .valid("FROM node:22\nCMD [\"node\", \"a.js\"]\n")
                .test();
    }

    @Test
    void aMeasuredBaseOverTheBudgetIsFlaggedWithItsBasis() {
        RuleTester.of(new SizeBudget()).settings(budget(10_000_000L))
                .valid("FROM scratch\nCOPY app /app\n",
                        "FROM mycorp/unknown:1\nCMD [\"a\"]\n",
                        "FROM alpine:3.24\nCMD [\"sh\"]\n")
                .invalid("FROM node:22\nCMD [\"node\", \"a.js\"]\n",
                        at(1, 6, "over the sizeBudget of 10 MB: the base node:22 alone is 408 MB compressed "
                                + "(compressed, linux/amd64, measured on node:22, docker-library/repo-info 2026-09-19)"))
                // FROM <stage>: the image the final stage really starts from
                .invalid("FROM python:3.12-slim AS base\nFROM base\nCMD [\"python\"]\n",
                        at(2, 6, "the base python:3.12-slim alone is 43 MB"))
                .test();
    }

    @Test
    void anUnmeasuredTagRestsOnTheSmallestMeasuredLineOfItsVariant() {
        RuleTester.of(new SizeBudget()).settings(budget(100_000_000L))
                .invalid("FROM golang:1.21\nCMD [\"/app\"]\n",
                        at(1, 6, "has no figure of its own; the smallest measured golang full images: 290–361 MB"))
                .test();
        RuleTester.of(new SizeBudget()).settings(budget(300_000_000L))
                .valid("FROM golang:1.21\nCMD [\"/app\"]\n")
                .test();
    }
}
