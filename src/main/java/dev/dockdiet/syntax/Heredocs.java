package dev.dockdiet.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which words of a logical line open heredocs, by BuildKit's rules
 * ({@code parser.go} heredocsFromLine / ParseHeredoc): only RUN, COPY and ADD (also under
 * ONBUILD), only in shell form, only words matching {@code ^(\d*)<<(-?)\s*([^<]*)$} whose rest
 * is exactly one shell word. A line that the shell lexer cannot split yields none.
 */
public final class Heredocs {

    private static final Pattern OPENER = Pattern.compile("^(\\d*)<<(-?)\\s*([^<]*)$", Pattern.DOTALL);
    private static final Set<String> HEREDOC_KEYWORDS = Set.of("RUN", "COPY", "ADD");
    private static final ShellLex LINE_LEX = ShellLex.of('\\').rawQuotes(true).rawEscapes(true).skipUnsetEnv(true).heredocWords(true);
    private static final ShellLex NAME_LEX = ShellLex.of('\\').skipUnsetEnv(true);
    private static final ShellLex NAME_LEX_RAW = NAME_LEX.rawQuotes(true);

    private Heredocs() {
    }

    /** A heredoc opener: the word as written, and the terminator it waits for. */
    public record Opener(String word, String name, int fd, boolean chomp, boolean expand) {
    }

    /** Thrown for an opener BuildKit rejects, such as {@code <<'EOF} with an unbalanced quote. */
    public static final class HeredocException extends Exception {
        private static final long serialVersionUID = 1L;

        HeredocException(String message) {
            super(message);
        }
    }

    /** The heredocs a whole logical line (keyword included) opens; empty when none or on error. */
    public static List<Opener> openersOfLine(String logicalLine) {
        try {
            return parseLine(logicalLine);
        } catch (HeredocException e) {
            return List.of();
        }
    }

    /** As {@link #openersOfLine} but reports an opener BuildKit rejects. */
    public static List<Opener> parseLine(String logicalLine) throws HeredocException {
        if (!logicalLine.contains("<<") || !canContainHeredoc(logicalLine)) {
            return List.of();
        }
        List<String> words;
        try {
            words = LINE_LEX.processWords(logicalLine, Map.of());
        } catch (ShellLex.ExpansionException e) {
            return List.of();
        }
        List<Opener> out = new ArrayList<>();
        for (String w : words) {
            Opener o = parseWord(w);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** ParseHeredoc: null when the word is not an opener. */
    public static Opener parseWord(String word) throws HeredocException {
        Matcher m = OPENER.matcher(word);
        if (!m.matches()) {
            return null;
        }
        int fd = m.group(1).isEmpty() ? 0 : parseFd(m.group(1));
        boolean chomp = m.group(2).equals("-");
        String rest = m.group(3);
        if (rest.isEmpty()) {
            return null;
        }
        List<String> plain;
        List<String> raw;
        try {
            plain = NAME_LEX.processWords(rest, Map.of());
            if (plain.size() != 1) {
                return null;
            }
            raw = NAME_LEX_RAW.processWords(rest, Map.of());
        } catch (ShellLex.ExpansionException e) {
            throw new HeredocException("invalid heredoc " + word + ": " + e.getMessage());
        }
        if (raw.size() != plain.size()) {
            throw new HeredocException("internal lexing of heredoc produced inconsistent results: " + rest);
        }
        String name = plain.get(0);
        boolean expand = quotes(name) == quotes(raw.get(0));
        return new Opener(word, name, fd, chomp, expand);
    }

    private static int parseFd(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static int quotes(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                n++;
            }
        }
        return n;
    }

    /** BuildKit's canContainHeredoc on a logical line: RUN/COPY/ADD (or ONBUILD of one), not JSON. */
    static boolean canContainHeredoc(String logicalLine) {
        LineSplit split = LineSplit.of(logicalLine.strip());
        String kw = split.keyword().toUpperCase(Locale.ROOT);
        if (kw.equals("ONBUILD")) {
            split = LineSplit.of(split.rest().strip());
            kw = split.keyword().toUpperCase(Locale.ROOT);
        }
        if (!HEREDOC_KEYWORDS.contains(kw)) {
            return false;
        }
        String rest = Flags.extract(split.rest(), '\\').rest();
        return !JsonForm.isJsonArray(rest);
    }

    /** Removes leading tabs from every line ({@code <<-}). */
    public static String chompContent(String content) {
        return content.replaceAll("(?m)^\\t+", "");
    }
}
