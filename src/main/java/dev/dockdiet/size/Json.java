package dev.dockdiet.size;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into plain maps, lists, strings, longs, doubles and booleans with Jackson's streaming
 * parser only: no databind, no reflection, so loading the knowledge base stays cheap at start-up.
 */
final class Json {

    private Json() {
    }

    static Object read(InputStream in) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("empty JSON document");
            }
            Object value = value(p, t);
            if (p.nextToken() != null) {
                throw new IOException("trailing content after the JSON document at line " + p.currentLocation().getLineNr());
            }
            return value;
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected JSON token " + t + " at line " + p.currentLocation().getLineNr());
        }
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
