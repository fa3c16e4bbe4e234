package dev.dockdiet.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellPatternTest {

    @Test
    void matchesAsTheShellDoesWithinOneSegment() {
        assertThat(ShellPattern.matches("*", "lists")).isTrue();
        assertThat(ShellPattern.matches("*.log", "a.log")).isTrue();
        assertThat(ShellPattern.matches("*.log", "a.txt")).isFalse();
        assertThat(ShellPattern.matches("?pt", "apt")).isTrue();
        assertThat(ShellPattern.matches("?pt", "pt")).isFalse();
        assertThat(ShellPattern.matches("[a-c]pt", "bpt")).isTrue();
        assertThat(ShellPattern.matches("[!a-c]pt", "bpt")).isFalse();
        assertThat(ShellPattern.matches("[^a-c]pt", "xpt")).isTrue();
        assertThat(ShellPattern.matches("lib", "lib")).isTrue();
        // an unclosed bracket is itself
        assertThat(ShellPattern.matches("[x", "[x")).isTrue();
        assertThat(ShellPattern.matches("a[", "ab")).isFalse();
    }

    @Test
    void manyStarsStayLinear() {
        // as a regex (.*.*.*...) this hung the fuzz run of seed 408; no timing asserted, it must end
        assertThat(ShellPattern.matches("*".repeat(3_000) + "lib" + "*a".repeat(1_000) + "b", "x".repeat(5_000) + "lib"))
                .isFalse();
        assertThat(ShellPattern.matches("*a".repeat(1_000), "a".repeat(2_000))).isTrue();
    }
}
