package dev.dockdiet.size;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader (RFC 8259) into plain maps, lists, strings, longs, doubles and booleans. It is
 * hand-written so that loading the knowledge base costs one class: initialising Jackson's parser
 * alone costs about 60 ms of CPU on a cold JVM, more than reading the whole file this way.
 */
final class Json {

    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    static Object read(InputStream in) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    static Object parse(String text) throws IOException {
        Json j = new Json(text.startsWith("\uFEFF") ? text.substring(1) : text);
        j.ws();
        Object v = j.value();
        j.ws();
        if (j.i != j.s.length()) {
            throw j.error("trailing content after the JSON document");
        }
        return v;
    }

    private Object value() throws IOException {
        if (i >= s.length()) {
            throw error("unexpected end of input");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object() throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        i++;
        ws();
        if (peek() == '}') {
            i++;
            return map;
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw error("expected a field name");
            }
            String key = string();
            ws();
            expect(':');
            ws();
            map.put(key, value());
            ws();
            char c = next();
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array() throws IOException {
        List<Object> list = new ArrayList<>();
        i++;
        ws();
        if (peek() == ']') {
            i++;
            return list;
        }
        while (true) {
            ws();
            list.add(value());
            ws();
            char c = next();
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() throws IOException {
        i++; // opening quote
        StringBuilder b = null;
        int start = i;
        while (true) {
            if (i >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(i);
            if (c == '"') {
                String out = b == null ? s.substring(start, i) : b.append(s, start, i).toString();
                i++;
                return out;
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c == '\\') {
                if (b == null) {
                    b = new StringBuilder();
                }
                b.append(s, start, i);
                i++;
                char e = next();
                switch (e) {
                    case '"': b.append('"'); break;
                    case '\\': b.append('\\'); break;
                    case '/': b.append('/'); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 'n': b.append('\n'); break;
                    case 'r': b.append('\r'); break;
                    case 't': b.append('\t'); break;
                    case 'u':
                        if (i + 4 > s.length()) {
                            throw error("bad unicode escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad unicode escape");
                        }
                        i += 4;
                        break;
                    default:
                        throw error("bad escape '\\" + e + "'");
                }
                start = i;
            } else {
                i++;
            }
        }
    }

    private Object number() throws IOException {
        int start = i;
        if (peek() == '-') {
            i++;
        }
        boolean integral = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                i++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false;
                i++;
            } else {
                break;
            }
        }
        String n = s.substring(start, i);
        try {
            return integral ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
        } catch (NumberFormatException e) {
            throw error("bad number '" + n + "'");
        }
    }

    private Object literal(String word, Object value) throws IOException {
        if (!s.startsWith(word, i)) {
            throw error("unexpected token");
        }
        i += word.length();
        return value;
    }

    private void ws() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            i++;
        }
    }

    private char peek() throws IOException {
        if (i >= s.length()) {
            throw error("unexpected end of input");
        }
        return s.charAt(i);
    }

    private char next() throws IOException {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) throws IOException {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private IOException error(String message) {
        int line = 1;
        for (int k = 0; k < Math.min(i, s.length()); k++) {
            if (s.charAt(k) == '\n') {
                line++;
            }
        }
        return new IOException("invalid JSON at line " + line + ": " + message);
    }

    // ---- typed access with clear errors -------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o, String where) {
        if (o instanceof Map) {
            return (Map<String, Object>) o;
        }
        throw new IllegalStateException(where + ": expected an object");
    }

    static List<Object> list(Map<String, Object> m, String key, String where) {
        Object o = m.get(key);
        if (o == null) {
            return List.of();
        }
        if (o instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) o;
            return l;
        }
        throw new IllegalStateException(where + ": '" + key + "' must be a list");
    }

    static List<String> strings(Map<String, Object> m, String key, String where) {
        List<String> out = new ArrayList<>();
        for (Object o : list(m, key, where)) {
            if (!(o instanceof String)) {
                throw new IllegalStateException(where + ": '" + key + "' must hold strings");
            }
            out.add((String) o);
        }
        return out;
    }

    static String str(Map<String, Object> m, String key, String where) {
        Object o = m.get(key);
        if (o instanceof String && !((String) o).isBlank()) {
            return (String) o;
        }
        throw new IllegalStateException(where + ": '" + key + "' is missing or not a string");
    }

    static String optStr(Map<String, Object> m, String key) {
        Object o = m.get(key);
        return o instanceof String ? (String) o : null;
    }

    static boolean bool(Map<String, Object> m, String key, boolean dflt) {
        Object o = m.get(key);
        return o instanceof Boolean ? (Boolean) o : dflt;
    }

    static Boolean optBool(Map<String, Object> m, String key) {
        Object o = m.get(key);
        return o instanceof Boolean ? (Boolean) o : null;
    }

    static long lng(Map<String, Object> m, String key, String where) {
        Object o = m.get(key);
        if (o instanceof Long) {
            return (Long) o;
        }
        throw new IllegalStateException(where + ": '" + key + "' is missing or not an integer");
    }
}
