package dev.dockdiet.syntax;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BuildKit's directive readers ({@code parser/directives.go}) over the raw file text, apart from
 * the parser: {@link #parseAll} is the DirectiveParser the line parser uses; {@link #detectSyntax}
 * and {@link #parseDirective} are how the frontend finds {@code # syntax=} and {@code # check=}
 * (BOM removed, a {@code #!} first line skipped, lines not left-trimmed, {@code //syntax=} and a
 * whole-file JSON object accepted for {@code syntax} only). Also {@link #parseCheck}, BuildKit's
 * {@code linter.ParseLintOptions} for the {@code check} value.
 */
public final class Directives {

    private static final Set<String> KNOWN = Set.of("syntax", "escape", "check");
    private static final Pattern HASH = pattern("#");
    private static final Pattern SLASHES = pattern("//");
    private static final JsonFactory JSON = new JsonFactory();

    private Directives() {
    }

    private static Pattern pattern(String comment) {
        // Go's \s is ASCII-only: [\t\n\f\r ]
        return Pattern.compile("^" + Pattern.quote(comment)
                + "[\\t\\n\\f\\r ]*([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*"
                // BuildKit's (.+?)[ws]*$, written so that long inner blanks cost linear time: the value
                // ends in a non-blank, or (all blanks after '=') is the last blank, as (.+?) gives it
                + "((?:.*?[^\\t\\n\\f\\r ])|[\\t\\n\\f\\r ])[\\t\\n\\f\\r ]*$",
                Pattern.DOTALL);
    }

    /** One directive: lower-cased name, value as written (trimmed), 1-based line. */
    public record Entry(String name, String value, int line) {
    }

    /**
     * What the frontend reads for one key.
     *
     * @param value the value up to its first blank ({@code dockerfile:1} in {@code dockerfile:1 // x})
     * @param cmdline the whole value
     * @param line 1-based line; for the JSON form the line before the object (0, or 1 after a shebang)
     */
    public record Found(String value, String cmdline, int line) {
    }

    /** Thrown for a directive given twice. */
    public static final class DirectiveException extends Exception {
        private static final long serialVersionUID = 1L;

        DirectiveException(String message) {
            super(message);
        }
    }

    /** DirectiveParser.ParseAll with {@code #} comments: the directive block at the top of the text. */
    public static List<Entry> parseAll(String text) throws DirectiveException {
        return parseAll(text, HASH, 0);
    }

    private static List<Entry> parseAll(String text, Pattern re, int firstLine) throws DirectiveException {
        List<Entry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int line = firstLine;
        for (String l : scanLines(text)) {
            line++;
            Matcher m = re.matcher(l);
            if (!m.matches()) {
                break;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(key)) {
                break;
            }
            if (!seen.add(key)) {
                throw new DirectiveException("only one " + key + " parser directive can be used");
            }
            out.add(new Entry(key, m.group(2), line));
        }
        return out;
    }

    /** bufio.ScanLines: split on {@code \n}, one trailing {@code \r} dropped, no empty last line. */
    private static List<String> scanLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            int e = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            out.add(text.substring(start, e));
            start = nl < 0 ? text.length() : nl + 1;
        }
        return out;
    }

    /** DetectSyntax: the {@code syntax} directive in {@code #}, {@code //} or JSON form. */
    public static Optional<Found> detectSyntax(String text) {
        return parse("syntax", text, true);
    }

    /** ParseDirective: a directive in {@code #} form only (how {@code check} is read). */
    public static Optional<Found> parseDirective(String key, String text) {
        return parse(key, text, false);
    }

    private static Optional<Found> parse(String key, String text, boolean anyFormat) {
        String dt = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        int line = 0;
        int nl = dt.indexOf('\n');
        String first = nl < 0 ? dt : dt.substring(0, nl);
        if (first.startsWith("#!")) {
            dt = nl < 0 ? "" : dt.substring(nl + 1);
            line = 1;
        }
        Optional<Found> f = fromParser(key, dt, HASH, line);
        if (f.isPresent() || !anyFormat) {
            return f;
        }
        f = fromParser(key, dt, SLASHES, line);
        if (f.isPresent()) {
            return f;
        }
        String v = jsonValue(key, dt);
        return v == null ? Optional.empty() : Optional.of(new Found(v, v, line));
    }

    private static Optional<Found> fromParser(String key, String dt, Pattern re, int line) {
        List<Entry> entries;
        try {
            entries = parseAll(dt, re, line);
        } catch (DirectiveException e) {
            // BuildKit ignores the error here and keeps what it read before it
            entries = parsePrefix(dt, re, line);
        }
        for (Entry e : entries) {
            if (e.name().equals(key)) {
                int sp = e.value().indexOf(' ');
                return Optional.of(new Found(sp < 0 ? e.value() : e.value().substring(0, sp), e.value(), e.line()));
            }
        }
        return Optional.empty();
    }

    private static List<Entry> parsePrefix(String dt, Pattern re, int line) {
        List<Entry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String l : scanLines(dt)) {
            line++;
            Matcher m = re.matcher(l);
            if (!m.matches() || !KNOWN.contains(m.group(1).toLowerCase(Locale.ROOT))
                    || !seen.add(m.group(1).toLowerCase(Locale.ROOT))) {
                break;
            }
            out.add(new Entry(m.group(1).toLowerCase(Locale.ROOT), m.group(2), line));
        }
        return out;
    }

    /** The whole text as one JSON object; the key's value when it is a string. */
    private static String jsonValue(String key, String dt) {
        String trimmed = dt.strip();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        String found = null;
        try (JsonParser p = JSON.createParser(dt)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (true) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_OBJECT) {
                    break;
                }
                if (t != JsonToken.FIELD_NAME) {
                    return null;
                }
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == null) {
                    return null;
                }
                if (name.equals(key) && v == JsonToken.VALUE_STRING) {
                    found = p.getText();
                }
                p.skipChildren();
            }
            if (p.nextToken() != null) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return found;
    }

    /**
     * The {@code check} directive's value as BuildKit's linter reads it.
     *
     * @param skipAll {@code skip=all}
     * @param skip rule names to skip (case-sensitive)
     * @param experimentalAll {@code experimental=all}
     * @param experimental experimental rules to enable
     * @param error whether warnings fail the build
     */
    public record CheckOptions(boolean skipAll, List<String> skip, boolean experimentalAll, List<String> experimental,
                               boolean error) {
        public CheckOptions {
            skip = List.copyOf(skip);
            experimental = List.copyOf(experimental);
        }
    }

    /** ParseLintOptions: up to three {@code ;}-separated {@code key=value} parts. */
    public static CheckOptions parseCheck(String value) throws DirectiveException {
        String s = value.strip();
        boolean skipAll = false;
        boolean expAll = false;
        boolean error = false;
        List<String> skip = List.of();
        List<String> exp = List.of();
        if (s.isEmpty()) {
            return new CheckOptions(false, skip, false, exp, false);
        }
        for (String part : s.split(";", 3)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new DirectiveException("failed to parse check options: invalid part \"" + part + "\"");
            }
            String k = part.substring(0, eq).strip();
            String v = part.substring(eq + 1).strip();
            switch (k) {
                case "skip" -> {
                    if (v.equals("all")) {
                        skipAll = true;
                    } else {
                        skip = splitList(v);
                    }
                }
                case "experimental" -> {
                    if (v.equals("all")) {
                        expAll = true;
                    } else {
                        exp = splitList(v);
                    }
                }
                case "error" -> error = parseBool(v, part);
                default -> throw new DirectiveException("failed to parse check options: unknown key \"" + k + "\"");
            }
        }
        return new CheckOptions(skipAll, skip, expAll, exp, error);
    }

    private static List<String> splitList(String v) {
        List<String> out = new ArrayList<>();
        for (String r : v.split(",", -1)) {
            out.add(r.strip());
        }
        return out;
    }

    /** Go's strconv.ParseBool. */
    private static boolean parseBool(String v, String part) throws DirectiveException {
        return switch (v) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new DirectiveException("failed to parse check options: invalid boolean in \"" + part + "\"");
        };
    }
}
