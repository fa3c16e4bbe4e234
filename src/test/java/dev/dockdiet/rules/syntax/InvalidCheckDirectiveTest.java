package dev.dockdiet.rules.syntax;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** DD010: a # check= directive BuildKit's ParseLintOptions rejects (the linter-level behaviour is in CheckDirectiveTest). */
class InvalidCheckDirectiveTest {

    @Test
    void readsTheDirectiveAsBuildKitDoes() {
        RuleTester.of(new InvalidCheckDirective())
                .valid("# check=skip=all\nFROM alpine:3.20\n",
                        "# check=skip=JSONArgsRecommended,StageNameCasing;error=true;experimental=all\nFROM alpine:3.20\n",
                        "# check=skip=all // the rest of the line is ignored\nFROM alpine:3.20\n",
                        "# check=error=1\nFROM alpine:3.20\n",
                        // not a directive: after an instruction, or after a blank line
                        "FROM alpine:3.20\n# check=bogus\n",
                        "\n# check=bogus\nFROM alpine:3.20\n",
                        // after a shebang line the frontend still reads it
                        "#!/usr/bin/env docker\n# check=skip=all\nFROM alpine:3.20\n")
                .invalid("# check=skip\nFROM alpine:3.20\n", at(1, 1, "failed to parse check options"))
                .invalid("# check=error=yes\nFROM alpine:3.20\n", at(1, 1, "invalid boolean"))
                .invalid("# syntax=docker/dockerfile:1\n# check=Skip=all\nFROM alpine:3.20\n", at(2, 1, "unknown key"))
                .invalid("# check=error=true;\nFROM alpine:3.20\n", at(1, 1, "invalid part"))
                .invalid("#!/usr/bin/env docker\n# check=nope=1\nFROM alpine:3.20\n", at(2, 1, "unknown key"))
                .test();
    }
}
