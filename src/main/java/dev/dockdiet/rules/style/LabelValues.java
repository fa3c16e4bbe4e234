package dev.dockdiet.rules.style;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value checks of hadolint's label schema types: {@code url}, {@code rfc3339}, {@code spdx},
 * {@code hash}, {@code semver}, {@code email}. Each follows the standard hadolint's checker
 * implements; the JDK does the parsing where it can.
 */
final class LabelValues {

    /** RFC 3339 {@code date-time}: full date, {@code T}, full time with seconds, offset. */
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})");
    /** semver.org's regular expression for SemVer 2.0.0. */
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
    private static final Pattern GIT_HASH = Pattern.compile("[0-9a-f]{7}|[0-9a-f]{40}");
    /** RFC 5322 addr-spec: dot-atom or quoted-string local part; host name or domain literal. */
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
    private static final Pattern EMAIL = Pattern.compile(
            "(?:" + ATEXT + "+(?:\\." + ATEXT + "+)*|\"(?:[^\"\\\\\\r\\n]|\\\\.)*\")"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
                    + "|\\[[^\\[\\]\\\\\\s]*\\])");

    private LabelValues() {
    }

    /** An absolute URI (with a scheme), as Haskell's {@code Network.URI.parseURI} requires. */
    static boolean url(String v) {
        try {
            URI u = new URI(v);
            return u.isAbsolute() && u.getScheme().matches("[A-Za-z][A-Za-z0-9+.-]*");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean rfc3339(String v) {
        if (!RFC3339.matcher(v).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(v.replace('t', 'T').replace('z', 'Z'), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** An SPDX license identifier (one id, not an expression), case as the list writes it. */
    static boolean spdx(String v) {
        return Spdx.IDS.contains(v);
    }

    /** A git commit hash: 7 (short) or 40 lower-case hex digits. */
    static boolean gitHash(String v) {
        return GIT_HASH.matcher(v).matches();
    }

    static boolean semver(String v) {
        return SEMVER.matcher(v).matches();
    }

    static boolean email(String v) {
        return v.length() <= 254 && EMAIL.matcher(v).matches();
    }

    /** The SPDX list, read once on first use (see the resource's header for its source). */
    private static final class Spdx {
        static final Set<String> IDS = load();

        private static Set<String> load() {
            Set<String> ids = new HashSet<>();
            try (InputStream in = LabelValues.class.getResourceAsStream("spdx-license-ids.txt")) {
                if (in == null) {
                    throw new IllegalStateException("spdx-license-ids.txt missing from the classpath");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        ids.add(t);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(ids);
        }
    }
}
