package dev.dockdiet.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The exec (JSON) form, decided as BuildKit's parseJSON does with Go's encoding/json: the
 * arguments must be one complete, strict JSON document that is an array. An array of strings is
 * exec form; an array holding anything else is an error; anything that is not valid JSON falls
 * back to shell form. A small hand-written reader: this runs for every RUN/CMD line, and a JSON
 * library's class loading would cost the CLI's start-up more than the whole parse.
 */
final class JsonForm {

    private JsonForm() {
    }

    enum Kind { NOT_JSON, STRINGS, NOT_STRINGS }

    /** An element of the array: its decoded value and its span (quotes included) in the input. */
    record Element(String value, int start, int end) {
    }

    record Result(Kind kind, List<Element> elements) {
    }

    private static final Result NOT_JSON = new Result(Kind.NOT_JSON, List.of());

    /** Thrown inside the reader for any input encoding/json would reject. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid() {
            super(null, null, false, false);
        }
    }

    private static final Invalid INVALID = new Invalid();

    static boolean isJsonArray(String rest) {
        return parse(rest).kind() != Kind.NOT_JSON;
    }

    static Result parse(String rest) {
        int lead = 0;
        while (lead < rest.length() && ShellLex.isSpace(rest.charAt(lead))) {
            lead++;
        }
        if (lead >= rest.length() || rest.charAt(lead) != '[') {
            return NOT_JSON;
        }
        Reader r = new Reader(rest, lead);
        try {
            List<Element> out = new ArrayList<>();
            boolean allStrings = r.topArray(out);
            r.skipWhitespace();
            if (r.pos != rest.length()) {
                return NOT_JSON;
            }
            return allStrings ? new Result(Kind.STRINGS, out) : new Result(Kind.NOT_STRINGS, List.of());
        } catch (Invalid e) {
            return NOT_JSON;
        }
    }

    private static final class Reader {
        private final String s;
        private int pos;
        private int depth;

        Reader(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    break;
                }
            }
        }

        private char peek() throws Invalid {
            if (pos >= s.length()) {
                throw INVALID;
            }
            return s.charAt(pos);
        }

        private void expect(char c) throws Invalid {
            if (peek() != c) {
                throw INVALID;
            }
            pos++;
        }

        /** The top-level array: its string elements, and whether every element is a string. */
        boolean topArray(List<Element> out) throws Invalid {
            expect('[');
            skipWhitespace();
            boolean allStrings = true;
            if (peek() == ']') {
                pos++;
                return true;
            }
            while (true) {
                skipWhitespace();
                if (peek() == '"') {
                    int start = pos;
                    String v = string();
                    out.add(new Element(v, start, pos));
                } else {
                    value();
                    allStrings = false;
                }
                skipWhitespace();
                char c = peek();
                pos++;
                if (c == ']') {
                    return allStrings;
                }
                if (c != ',') {
                    throw INVALID;
                }
            }
        }

        private void value() throws Invalid {
            if (++depth > 512) { // deep enough for any exec form; deeper input would overflow the stack
                throw INVALID;
            }
            skipWhitespace();
            char c = peek();
            switch (c) {
                case '"' -> string();
                case '[' -> container(']');
                case '{' -> container('}');
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> number();
            }
            depth--;
        }

        private void container(char close) throws Invalid {
            pos++;
            skipWhitespace();
            if (peek() == close) {
                pos++;
                return;
            }
            while (true) {
                skipWhitespace();
                if (close == '}') {
                    if (peek() != '"') {
                        throw INVALID;
                    }
                    string();
                    skipWhitespace();
                    expect(':');
                }
                value();
                skipWhitespace();
                char c = peek();
                pos++;
                if (c == close) {
                    return;
                }
                if (c != ',') {
                    throw INVALID;
                }
            }
        }

        private void literal(String word) throws Invalid {
            if (!s.startsWith(word, pos)) {
                throw INVALID;
            }
            pos += word.length();
        }

        private void number() throws Invalid {
            int start = pos;
            if (pos < s.length() && s.charAt(pos) == '-') {
                pos++;
            }
            if (pos < s.length() && s.charAt(pos) == '0') {
                pos++;
            } else if (digits() == 0) {
                throw INVALID;
            }
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                if (digits() == 0) {
                    throw INVALID;
                }
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                if (digits() == 0) {
                    throw INVALID;
                }
            }
            if (pos == start) {
                throw INVALID;
            }
        }

        private int digits() {
            int n = 0;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
                n++;
            }
            return n;
        }

        /** A string at {@code pos} (on its opening quote), decoded as Go decodes it. */
        private String string() throws Invalid {
            expect('"');
            StringBuilder sb = null;
            int chunk = pos;
            while (true) {
                char c = peek();
                if (c == '"') {
                    String v = sb == null ? s.substring(chunk, pos) : sb.append(s, chunk, pos).toString();
                    pos++;
                    return v;
                }
                if (c < 0x20) {
                    throw INVALID;
                }
                if (c != '\\') {
                    pos++;
                    continue;
                }
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(s, chunk, pos);
                pos++;
                char e = peek();
                pos++;
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        char u = hex4();
                        if (Character.isHighSurrogate(u) && s.startsWith("\\u", pos)) {
                            int save = pos;
                            pos += 2;
                            char low = hex4();
                            if (Character.isLowSurrogate(low)) {
                                sb.append(u).append(low);
                            } else {
                                sb.append('\uFFFD');
                                pos = save;
                            }
                        } else if (Character.isSurrogate(u)) {
                            sb.append('\uFFFD'); // Go replaces a lone surrogate
                        } else {
                            sb.append(u);
                        }
                    }
                    default -> throw INVALID;
                }
                chunk = pos;
            }
        }

        private char hex4() throws Invalid {
            if (pos + 4 > s.length()) {
                throw INVALID;
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
                int d = Character.digit(s.charAt(pos + i), 16);
                if (d < 0) {
                    throw INVALID;
                }
                v = v * 16 + d;
            }
            pos += 4;
            return (char) v;
        }
    }
}
