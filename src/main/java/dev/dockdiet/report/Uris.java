package dev.dockdiet.report;

import java.nio.charset.StandardCharsets;

/** Report paths as SARIF artifact URIs. */
final class Uris {

    private Uris() {
    }

    /** True for {@code /abs}, {@code \\server\share}, {@code C:/} or {@code C:\}. */
    static boolean isAbsolute(String path) {
        String p = path.replace('\\', '/');
        return p.startsWith("/") || (p.length() >= 3 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':' && p.charAt(2) == '/');
    }

    /**
     * The URI of a report path: relative paths become a relative URI reference (to be resolved
     * against {@code %SRCROOT%}), absolute ones a {@code file:} URI. Backslashes become {@code /},
     * a leading {@code ./} is dropped, and every character outside RFC 3986's path characters is
     * percent-encoded as UTF-8.
     */
    static String of(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.startsWith("//")) {
            return "file:" + encode(p); // UNC: file://server/share/...
        }
        if (p.startsWith("/")) {
            return "file://" + encode(p);
        }
        if (isAbsolute(p)) {
            return "file:///" + encode(p);
        }
        String e = encode(p);
        // a first segment with ':' would read as a scheme
        int colon = e.indexOf(':');
        int slash = e.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            e = "./" + e;
        }
        return e;
    }

    private static String encode(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte value : bytes) {
            int c = value & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
