package dev.dockdiet.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link ToolNames} says what the regexes it replaced said, on every name made of the characters that matter. */
class ToolNamesTest {

    private static final String ALPHABET = "pipython0123456789..x-\u0663/";

    @Test
    void theSameAsTheRegexes() {
        Random r = new Random(42);
        for (String prefix : new String[] {"pip", "python"}) {
            Pattern dots = Pattern.compile(Pattern.quote(prefix) + "[0-9.]*");
            Pattern version = Pattern.compile(Pattern.quote(prefix) + "(\\d+(\\.\\d+)?)?");
            for (int n = 0; n < 200_000; n++) {
                StringBuilder b = new StringBuilder(r.nextInt(4) == 0 ? "" : prefix);
                for (int k = r.nextInt(7); k > 0; k--) {
                    b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                }
                String name = b.toString();
                assertThat(ToolNames.withDigitsAndDots(name, prefix)).as(name).isEqualTo(dots.matcher(name).matches());
                assertThat(ToolNames.withVersion(name, prefix)).as(name).isEqualTo(version.matcher(name).matches());
            }
        }
    }

    @Test
    void examples() {
        assertThat(ToolNames.withVersion("pip3", "pip")).isTrue();
        assertThat(ToolNames.withVersion("python3.11", "python")).isTrue();
        assertThat(ToolNames.withVersion("python3.11.2", "python")).isFalse();
        assertThat(ToolNames.withVersion("pip3.", "pip")).isFalse();
        assertThat(ToolNames.withDigitsAndDots("pip3.", "pip")).isTrue();
        assertThat(ToolNames.withDigitsAndDots("pipx", "pip")).isFalse();
        assertThat(ToolNames.withVersion("python\u0663", "python")).as("an Arabic-Indic digit is not \\d").isFalse();
    }
}
