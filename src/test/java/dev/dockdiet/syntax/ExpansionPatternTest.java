package dev.dockdiet.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockdiet.syntax.ShellLex.ExpansionException;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ExpansionPattern} finds what BuildKit's translation of the pattern into a regular
 * expression finds ({@code *} as {@code .*} or {@code .*?}, {@code ?} as {@code .}, the rest
 * literal), without backtracking. The reference here is that translation run by java.util.regex on
 * small random patterns and values, line breaks and surrogate pairs included.
 */
class ExpansionPatternTest {

    /** The translation dockdiet used before (BuildKit's shellPatternToRegex), as the reference. */
    private static Pattern reference(String pattern, boolean greedy, boolean anchored) {
        StringBuilder out = new StringBuilder(anchored ? "^" : "");
        int[] cps = pattern.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int tok = cps[i];
            if (tok == '*') {
                out.append(greedy ? ".*" : ".*?");
                continue;
            }
            if (tok == '?') {
                out.append('.');
                continue;
            }
            if (tok == '\\') {
                int peek = i + 1 < cps.length ? cps[i + 1] : -1;
                if (peek == '}' || peek == '/') {
                    continue;
                }
                i++;
                tok = peek;
            }
            out.append(Pattern.quote(new String(Character.toChars(tok))));
        }
        return Pattern.compile(out.toString());
    }

    private static final String[] PATTERN_TOKENS = {"*", "*", "?", "a", "b", "a", "\n", "\\*", "\\?", "\\\\", "\\}", "\\/"};
    private static final String VALUE_CHARS = "aabb*?\\\n\r.";

    @Test
    void findsWhatTheRegularExpressionFinds() throws ExpansionException {
        Random r = new Random(408);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder pb = new StringBuilder();
            for (int k = r.nextInt(8); k > 0; k--) {
                pb.append(PATTERN_TOKENS[r.nextInt(PATTERN_TOKENS.length)]);
            }
            String p = pb.toString();
            String v = random(r, VALUE_CHARS, 10);
            if (r.nextInt(20) == 0) {
                v = v + "\ud83d\ude00" + v;
            }
            ExpansionPattern ep = ExpansionPattern.compile(p);
            for (boolean greedy : new boolean[] {true, false}) {
                Matcher m = reference(p, greedy, true).matcher(v);
                String want = m.find() ? v.substring(m.end()) : v;
                assertThat(ep.trimPrefix(v, greedy)).as("${v#%s} greedy=%s v=%s", p, greedy, v).isEqualTo(want);
            }
            Matcher m = reference(p, true, false).matcher(v);
            String first = m.find() ? v.substring(0, m.start()) + "X" + v.substring(m.end()) : v;
            assertThat(ep.replace(v, "X", false)).as("${v/%s/X} v=%s", p, v).isEqualTo(first);
            assertThat(ep.replace(v, "X", true)).as("${v//%s/X} v=%s", p, v)
                    .isEqualTo(reference(p, true, false).matcher(v).replaceAll("X"));
        }
    }

    @Test
    void manyStarsStayLinear() throws ExpansionException {
        // java.util.regex took minutes on these (fuzz seed 408); no timing is asserted, they must end
        String value = "a".repeat(20_000);
        ExpansionPattern p = ExpansionPattern.compile("*a".repeat(200) + "b");
        assertThat(p.trimPrefix(value, true)).isEqualTo(value);
        assertThat(p.trimPrefix(value, false)).isEqualTo(value);
        assertThat(p.replace(value, "x", true)).isEqualTo(value);
        assertThat(ExpansionPattern.compile("*a*").replace("bab\nbab", "x", true)).isEqualTo("x\nx");
    }

    @Test
    void escapesAsBuildKit() throws ExpansionException {
        assertThat(ExpansionPattern.compile("\\*").trimPrefix("*x", false)).isEqualTo("x");
        assertThat(ExpansionPattern.compile("a\\}").trimPrefix("a}b", false)).isEqualTo("b");
        assertThatThrownBy(() -> ExpansionPattern.compile("\\a")).hasMessage("invalid escape '\\a'");
        assertThatThrownBy(() -> ExpansionPattern.compile("a\\")).hasMessage("invalid escape '\\'");
    }

    private static String random(Random r, String chars, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(max + 1); i > 0; i--) {
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
    }
}
