package dev.dockdiet.rules.syntax;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** DD001 and DD004 report what the parser found: errors, and BuildKit's empty-continuation warning. */
class SyntaxRulesTest {

    @Test
    void syntaxError() {
        RuleTester.of(new SyntaxError())
                .valid("FROM alpine:3.20\nENV A=1\n",
                        // a warning is DD004's, not an error
                        "FROM alpine:3.20\nRUN echo a \\\n\n  b\n")
                .invalid("FROM alpine:3.20\nENV A\n", at(2, 5, "ENV must have two arguments"))
                .test();
    }

    @Test
    void emptyContinuation() {
        RuleTester.of(new EmptyContinuation())
                .valid("FROM alpine:3.20\nRUN echo a \\\n  b\n",
                        // a syntax error is DD001's
                        "FROM alpine:3.20\nENV A\n")
                .invalid("FROM alpine:3.20\nRUN echo a \\\n\n  b\n", at(4, 1, "Empty continuation line"))
                .test();
    }
}
