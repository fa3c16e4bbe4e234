package dev.dockdiet.syntax;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code RUN --mount=...} spec: CSV {@code key=value} fields, keys lower-cased.
 *
 * @param type bind (the default), cache, tmpfs, secret or ssh
 */
public record Mount(String type, Map<String, String> fields, Flag flag) {

    public static Mount parse(Flag flag) {
        Map<String, String> fields = new LinkedHashMap<>();
        String v = flag.value() == null ? "" : flag.value();
        for (String part : splitCsv(v)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : part.substring(eq + 1).trim();
            fields.put(key, value);
        }
        String type = fields.getOrDefault("type", "bind").toLowerCase(Locale.ROOT);
        return new Mount(type, Map.copyOf(fields), flag);
    }

    private static java.util.List<String> splitCsv(String s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The mount's target path (target, dst or destination). */
    public String target() {
        String t = fields.get("target");
        if (t == null) {
            t = fields.get("dst");
        }
        if (t == null) {
            t = fields.get("destination");
        }
        return t;
    }

    /** The stage or image a bind/cache mount takes files from. */
    public String from() {
        return fields.get("from");
    }

    public boolean isCache() {
        return type.equals("cache");
    }
}
