package dev.dockdiet.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret values in text: what DD315 reports, and what no report may show. One place knows the token
 * formats (AWS access key ids, GitHub, GitLab, Slack, Stripe, npm, PyPI, Google API keys ...),
 * private key blocks, passwords in URLs ({@code https://user:pw@host}), secret query parameters
 * ({@code ?token=}, {@code access_token=}, {@code key=}, {@code X-Amz-Signature=} ...), authorization
 * headers, {@code curl -u user:pw}, {@code --password=} style flags and literal values assigned to
 * secret-named variables ({@code ENV API_TOKEN=...}, BuildKit's SecretsUsedInArgOrEnv words).
 *
 * <p>Masking keeps the meaning: the name, the URL, the user and a token's issuer prefix stay, the
 * value becomes stars ({@code https://user:****@host/x}, {@code AWS_ACCESS_KEY_ID=AKIA****}). Values
 * that are variable references ({@code $TOKEN}, {@code ${TOKEN}}), paths, or already stars are not
 * secrets. Masking is for what is shown (messages, source excerpts, diffs, suggestions); a fix still
 * writes the real text. Every pattern is bounded, so a scan is linear in the text.
 */
public final class Secrets {

    /** What replaces a secret in a message or description. */
    public static final String MASK = "****";

    private Secrets() {
    }

    /** A masked part of a text: {@code [start, end)}, and what it is. */
    public record Span(int start, int end, String kind) {
    }

    /** A token in an issuer's format: {@code [start, end)}, its kind and how many leading characters may be shown. */
    public record Token(int start, int end, String kind, int prefix) {
    }

    /**
     * A token format: its name, the visible prefix length and the pattern; and the literals (anchors) one
     * of which every match has at {@code back} characters from its start, so that the pattern is tried
     * only where an anchor is (see {@link #scan}).
     */
    private record Kind(String name, int prefix, Pattern pattern, int back, String... anchors) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("AWS access key id", 4, Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])"),
                    0, "AKIA", "ASIA", "ABIA", "ACCA"),
            new Kind("GitHub token", 4, Pattern.compile("(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,}(?![A-Za-z0-9])"), 0, "gh"),
            new Kind("GitHub fine-grained token", 11, Pattern.compile("(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{60,}"),
                    0, "github_pat_"),
            new Kind("GitLab token", 6, Pattern.compile("(?<![A-Za-z0-9_])glpat-[A-Za-z0-9_-]{20,}"), 0, "glpat-"),
            new Kind("Slack token", 5, Pattern.compile("(?<![A-Za-z0-9])xox[abprse]-[0-9]{6,}-[A-Za-z0-9-]{8,}"), 0, "xox"),
            new Kind("Slack webhook URL", 33, Pattern.compile(
                    "https://hooks\\.slack\\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{16,}"),
                    0, "https://hooks.slack.com/services/T"),
            new Kind("Google API key", 4, Pattern.compile("(?<![A-Za-z0-9_])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"), 0, "AIza"),
            new Kind("Stripe live key", 8, Pattern.compile("(?<![A-Za-z0-9_])[sr]k_live_[0-9A-Za-z]{20,}"), 1, "k_live_"),
            new Kind("npm token", 4, Pattern.compile("(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])"), 0, "npm_"),
            new Kind("PyPI token", 5, Pattern.compile("pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{40,}"), 0, "pypi-AgEIcHlwaS5vcmc"),
            new Kind("SendGrid API key", 3, Pattern.compile("(?<![A-Za-z0-9])SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"),
                    0, "SG."),
            new Kind("OpenAI API key", 3, Pattern.compile(
                    "(?<![A-Za-z0-9_])sk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{16,}T3BlbkFJ[A-Za-z0-9_-]{16,}"), 0, "sk-"),
            new Kind("Anthropic API key", 7, Pattern.compile("(?<![A-Za-z0-9_])sk-ant-[a-z]{3,6}\\d\\d-[A-Za-z0-9_-]{80,}"),
                    0, "sk-ant-"),
            new Kind("Hugging Face token", 3, Pattern.compile("(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9])"), 0, "hf_"),
            new Kind("DigitalOcean token", 7, Pattern.compile("(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}"), 3, "_v1_"),
            new Kind("private key", 0, Pattern.compile(
                    "-----BEGIN (?:[A-Z0-9]+ ){0,2}PRIVATE KEY(?: BLOCK)?-----(?:\\\\n|\\\\\\n|\\s|\")*[A-Za-z0-9+/=]{40}"),
                    0, "-----BEGIN "));

    /** {@code scheme://user:password@host} with a literal password of 6 or more characters (DD315's strict form). */
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "\\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://([^\\s:/@$'\"]{1,64}):([^\\s/@$'\"{}]{6,128})@[A-Za-z0-9.-]+");

    private static final Pattern PRIVATE_KEY_HEADER = Pattern.compile(
            "-----BEGIN (?:[A-Z0-9]+ ){0,2}PRIVATE KEY(?: BLOCK)?-----");
    /** Any URL user info: {@code scheme://user[:password]@}. */
    private static final Pattern URL_USERINFO = Pattern.compile(
            "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,15}://([^\\s:/@'\"`\\\\?#]{1,128})(?::([^\\s/@'\"`\\\\?#]{0,256}))?@");
    /** {@code ?name=value} / {@code &name=value} in a URL. */
    private static final Pattern QUERY = Pattern.compile("[?&]([A-Za-z0-9_.-]{1,64})=([^&#\\s\"'`\\\\<>]{1,1024})");
    private static final Set<String> SECRET_QUERY = Set.of("token", "access_token", "accesstoken", "auth_token",
            "authtoken", "api_key", "apikey", "api-key", "key", "password", "passwd", "pwd", "pass", "secret",
            "client_secret", "private_token", "private-token", "sig", "signature", "x-amz-signature",
            "x-amz-credential", "x-amz-security-token", "x-goog-signature", "x-goog-credential", "credential",
            "auth", "session_token", "refresh_token", "id_token", "jwt", "sessionid", "code_verifier");
    private static final Pattern HEADER = Pattern.compile("(?i)\\b(?:proxy-)?authorization\\s*:\\s*"
            + "(?:(?:bearer|basic|token|digest|bot)\\s+)?([^\\s\"'`\\\\]{1,1024})"
            + "|(?i)\\b(?:private-token|x-api-key|x-auth-token|api-key|x-access-token|x-vault-token|circle-token)\\s*:\\s*"
            + "([^\\s\"'`\\\\]{1,1024})");
    /** {@code curl -u user:password}, {@code --user user:password}. */
    private static final Pattern USER_OPTION = Pattern.compile(
            "(?<=\\s|^)(?:-u|--user|--proxy-user)(?:\\s+|=)['\"]?([^\\s:'\"$]{1,128}):([^\\s'\"]{1,256})");
    private static final Pattern SECRET_FLAG_VALUE = Pattern.compile(
            "--(?:password|passwd|pass|token|api-key|apikey|secret|auth-token|access-token|client-secret)"
                    + "(?:=|[ \\t]+)(\"[^\"\\n]{1,512}\"|'[^'\\n]{1,512}'|[^\\s\"'`;&|)]{1,512})");
    /** {@code NAME=value}: the name is judged by {@link #isSecretName}. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![A-Za-z0-9_$.{-])([A-Za-z_][A-Za-z0-9_]{0,127})=(\"[^\"\\n]{0,512}\"|'[^'\\n]{0,512}'|[^\\s\"'`;&|)]{1,512})");
    /** The legacy {@code ENV NAME value} form: the value runs to the end of the line. */
    private static final Pattern LEGACY_ENV = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_])ENV[ \\t]+([A-Za-z_][A-Za-z0-9_]{0,127})[ \\t]+(\"[^\"\\n]{0,512}\"|'[^'\\n]{0,512}'|[^\\s=\\\\\"'][^\\n\\\\\"']{0,511})");

    /** What a secret name, option or query parameter contains, lower-cased (a cheap test before the patterns). */
    private static final List<String> SECRET_WORDS = List.of("key", "auth", "credential", "pass", "pword", "secret",
            "token", "sig", "pwd", "jwt", "session", "code_verifier");
    private static final List<String> HEADER_WORDS = List.of("authorization", "token", "api-key");

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)");
    private static final Pattern ALLOW_NAME = Pattern.compile("(?i)(?:_|^)(?:public|file|version)(?:_|$)");
    /**
     * Beyond BuildKit's list: names that hold where a secret is or a public value, not a secret
     * (GPG_KEY is a public key fingerprint in the official images, GOOGLE_APPLICATION_CREDENTIALS a
     * file path, AUTH_DOMAIN a host name).
     */
    private static final Pattern NOT_SECRET_NAME = Pattern.compile(
            "(?i)(?:_|^)(?:gpg|pgp|path|dir|url|uri|domain|host|plugin|name|fingerprint|type)(?:_|$)"
                    + "|^GOOGLE_APPLICATION_CREDENTIALS$");

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)example|changeme|change_me|change-me|placeholder|dummy|sample|your|xxxx|\\*\\*\\*|redacted|fake"
                    + "|replace|insert|<|>|\\.\\.\\.|default");
    private static final Pattern MOSTLY_DIGITS = Pattern.compile("[0-9.\\-+_]*[a-zA-Z]{0,3}[0-9.\\-+_]*");
    private static final Pattern VERSION = Pattern.compile("(?i)v?\\d+(\\.\\d+)*([-.+_][a-z0-9]+)*");
    /**
     * A word of letters only, such as {@code ProcessId} (for {@code Filters__0__Key=ProcessId}): a name,
     * not a generated secret. Values of a secret-named variable with spaces (a GPG fingerprint in
     * groups) or that look like versions are not masked either.
     */
    private static final Pattern PLAIN_WORD = Pattern.compile("[\"']?[A-Za-z]+[\"']?[.,:;!?]?");
    /** Values of a secret-named variable that are no secret: numbers, switches, the words of a template. */
    private static final Pattern NOT_A_VALUE = Pattern.compile(
            "(?i)\\d*|true|false|yes|no|on|off|none|null|-|values?|secrets?|passwords?|tokens?|keys?|\\.\\.\\.|…");

    // ---- what DD315 reports ---------------------------------------------------------------------

    /**
     * Tokens in an issuer's format, in pattern order; documentation placeholders (a value containing
     * EXAMPLE, or fewer than 8 distinct characters) are left out.
     */
    public static List<Token> tokens(CharSequence text) {
        String t = text.toString();
        return tokens(t, anchors(t), false);
    }

    private static List<Token> tokens(String t, int[][] anchors, boolean everyStart) {
        List<Token> out = new ArrayList<>();
        for (int ki = 0; ki < KINDS.size(); ki++) {
            Kind k = KINDS.get(ki);
            matches(k.pattern(), t, k.back(), k.back(), anchors[ki], everyStart, m -> {
                String v = m.group();
                if (k.prefix() > 0 && (v.toUpperCase(Locale.ROOT).contains("EXAMPLE") || distinct(v) < 8)) {
                    return;
                }
                out.add(new Token(m.start(), m.end(), k.name(), k.prefix()));
            });
        }
        return out;
    }

    /**
     * Each {@code scheme://user:password@host} with a literal password of 6 or more characters, in order:
     * group 1 the user, group 2 the password (DD315's strict form).
     */
    public static void passwordsInUrls(String text, Consumer<Matcher> each) {
        // the scheme is 2-16 characters before its "://" (only those are needed: not the anchors() pass)
        scan(URL_PASSWORD, text, 2, 16, positions(text, "://"), each);
    }

    /** A variable name that says it holds a secret (BuildKit's SecretsUsedInArgOrEnv words, less public values). */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name).find() && !ALLOW_NAME.matcher(name).find()
                && !NOT_SECRET_NAME.matcher(name).find();
    }

    /**
     * A literal that looks machine-made: long enough, no expansion, path or URL, letters and digits
     * mixed, no placeholder words, and a Shannon entropy of at least 3 bits per character.
     */
    public static boolean looksRandom(String v, int minLength) {
        if (v == null || v.length() < minLength || v.length() > 512 || v.contains("$") || v.contains("%")
                || v.startsWith("/") || v.startsWith("./") || v.startsWith("~") || v.contains("://")
                || v.chars().anyMatch(Character::isWhitespace) || PLACEHOLDER.matcher(v).find()) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            letter |= Character.isLetter(ch);
            digit |= Character.isDigit(ch);
        }
        if (!letter || !digit || MOSTLY_DIGITS.matcher(v).matches() || VERSION.matcher(v).matches()) {
            return false; // versions such as 1.2.3-rc1
        }
        return entropy(v) >= 3.0;
    }

    /** Shannon entropy in bits per character. */
    public static double entropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / s.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = (double) other / s.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /** How a message names a secret: the first {@code prefix} characters (at most half), stars, and the length. */
    public static String describe(String v, int prefix) {
        int keep = Math.min(prefix, v.length() / 2);
        return v.substring(0, keep) + MASK + ", " + v.length() + " characters";
    }

    // ---- masking ---------------------------------------------------------------------------------

    /** The parts of {@code text} that hold secret values, in order, not overlapping. */
    public static List<Span> find(CharSequence text) {
        return find(text, false);
    }

    /**
     * {@link #find(CharSequence)}; {@code everyStart}: each pattern tried at every position of the text
     * ({@code Matcher.find}), the reference the anchored search must agree with (a test compares them).
     */
    static List<Span> find(CharSequence text, boolean everyStart) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String s = text.toString();
        String lc = asciiLower(s); // same offsets as s; (?i) of the patterns is ASCII-only too
        boolean eq = s.indexOf('=') >= 0;
        boolean dashes = s.contains("--");
        boolean env = lc.contains("env");
        // the words are looked for only where a pattern that needs one could match (most texts: none)
        boolean secretWord = (eq || dashes || env) && containsAny(lc, SECRET_WORDS);
        TreeMap<Integer, Span> spans = new TreeMap<>();
        int[][] anchors = anchors(s);
        for (Token t : tokens(s, anchors, everyStart)) {
            if (!t.kind().equals("private key")) {
                add(spans, t.start() + Math.min(t.prefix(), (t.end() - t.start()) / 2), t.end(), t.kind());
            }
        }
        // each pattern runs only when the text holds what it needs (most messages hold none of it),
        // and only at the starts its literal allows (a pattern tried at every character of a big file
        // was most of the run)
        Matcher pk = PRIVATE_KEY_HEADER.matcher(s.contains("PRIVATE KEY") ? s : "");
        int searchFrom = 0;
        while (searchFrom <= s.length() && pk.find(searchFrom)) {
            int bodyEnd = s.indexOf("-----END", pk.end());
            int end = bodyEnd < 0 ? s.length() : bodyEnd;
            add(spans, pk.end(), end, "private key");
            searchFrom = Math.max(end, pk.end());
        }
        if (s.contains("://") && s.indexOf('@') >= 0) {
            // the scheme is 1-16 characters before its "://"
            matches(URL_USERINFO, s, 1, 16, anchors[KINDS.size()], everyStart, u -> {
                if (u.group(2) != null) {
                    value(spans, u.start(2), u.end(2), u.group(2), "password in a URL");
                } else if (looksRandom(u.group(1), 16)) {
                    add(spans, u.start(1), u.end(1), "token in a URL");
                }
            });
        }
        if (eq && (s.indexOf('?') >= 0 || s.indexOf('&') >= 0)) {
            matches(QUERY, s, 0, 0, positions(s, "?", "&"), everyStart, q -> {
                String name = q.group(1).toLowerCase(Locale.ROOT);
                if (SECRET_QUERY.contains(name) || isSecretName(name)) {
                    value(spans, q.start(2), q.end(2), q.group(2), "secret query parameter");
                }
            });
        }
        if (s.indexOf(':') >= 0 && containsAny(lc, HEADER_WORDS)) {
            // a header name starts the match, or "proxy-" 6 characters before "authorization"
            matches(HEADER, s, 0, 6, positions(lc, HEADER_NAMES), everyStart, h -> {
                int g = h.group(1) != null ? 1 : 2;
                value(spans, h.start(g), h.end(g), h.group(g), "authorization header");
            });
        }
        if (s.contains("-u") && s.indexOf(':') >= 0) {
            // "-u" is 0 ("-u"), 1 ("--user") or 7 ("--proxy-user") characters into the match
            matches(USER_OPTION, s, 0, 7, positions(s, "-u"), everyStart, o -> {
                // not a uid:gid (docker run -u 0:0), not pip's --user before a git+https:// URL
                if (!o.group(2).startsWith("/") && !o.group(2).chars().allMatch(Character::isDigit)) {
                    value(spans, o.start(2), o.end(2), o.group(2), "password");
                }
            });
        }
        if (dashes && secretWord) {
            matches(SECRET_FLAG_VALUE, s, 0, 0, positions(s, "--"), everyStart, f -> {
                // not a spec such as docker build --secret id=npm,env=NPM_TOKEN, not a word in prose ("--token option")
                String v = f.group(1);
                if (v.indexOf('=') < 0 && !PLAIN_WORD.matcher(v).matches()) {
                    quotedValue(spans, f.start(1), v, "secret option", false);
                }
            });
        }
        if (eq && secretWord) {
            matches(ASSIGNMENT, s, 0, 0, assignmentStarts(s), everyStart, a -> {
                if (isSecretName(a.group(1))) {
                    quotedValue(spans, a.start(2), a.group(2), "secret variable", true);
                }
            });
        }
        if (secretWord && env) {
            matches(LEGACY_ENV, s, 0, 0, positions(lc, "env"), everyStart, e -> {
                if (isSecretName(e.group(1))) {
                    quotedValue(spans, e.start(2), e.group(2).stripTrailing(), "secret variable", true);
                }
            });
        }
        return List.copyOf(spans.values());
    }

    /** Whether {@code text} holds a secret value. */
    public static boolean contains(CharSequence text) {
        return !find(text).isEmpty();
    }

    /**
     * {@code text} with each secret value replaced by {@link #MASK}: for messages and descriptions.
     * Masking a masked text changes nothing.
     */
    public static String mask(String text) {
        List<Span> spans = find(text);
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int at = 0;
        for (Span s : spans) {
            b.append(text, at, s.start()).append(MASK);
            at = s.end();
        }
        return b.append(text, at, text.length()).toString();
    }

    /**
     * {@code text} with each character of a secret value replaced by {@code *} (line breaks kept): the
     * same length and lines, so offsets, line numbers and columns into the original still hold. For
     * source text shown to people (excerpts, diffs).
     */
    public static String maskKeepingLength(String text) {
        return maskKeepingLength(text, find(text));
    }

    /** {@link #maskKeepingLength(String)} with the spans {@link #find} gave for {@code text}. */
    public static String maskKeepingLength(String text, List<Span> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        char[] c = text.toCharArray();
        for (Span s : spans) {
            for (int i = s.start(); i < s.end(); i++) {
                if (c[i] != '\n' && c[i] != '\r') {
                    c[i] = '*';
                }
            }
        }
        return new String(c);
    }

    /** Whether any secret value of {@code spans} (from {@link #find}) overlaps {@code [start, end)}. */
    public static boolean overlaps(List<Span> spans, int start, int end) {
        int lo = 0;
        int hi = spans.size() - 1;
        while (lo <= hi) { // the first span that ends after start
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid).end() <= start) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo < spans.size() && spans.get(lo).start() < end;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A value in quotes is masked inside them; {@code named}: also skip values too plain to be secrets. */
    private static void quotedValue(TreeMap<Integer, Span> spans, int start, String raw, String kind, boolean named) {
        int s = start;
        int e = start + raw.length();
        if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'') && raw.charAt(raw.length() - 1) == raw.charAt(0)) {
            s++;
            e--;
        }
        String v = raw.substring(s - start, e - start);
        if (named && (v.length() < 4 || NOT_A_VALUE.matcher(v).matches() || PLACEHOLDER.matcher(v).find()
                || PLAIN_WORD.matcher(v).matches() || VERSION.matcher(v).matches() || v.startsWith("=")
                || v.startsWith("/") || v.startsWith("~/") || v.startsWith("./")
                || v.chars().anyMatch(Character::isWhitespace))) {
            return;
        }
        value(spans, s, e, v, kind);
    }

    /** Adds a value unless it is empty, a variable reference or already stars. */
    private static void value(TreeMap<Integer, Span> spans, int start, int end, String v, String kind) {
        if (v.isEmpty() || v.startsWith("$") || v.chars().allMatch(ch -> ch == '*')) {
            return;
        }
        add(spans, start, end, kind);
    }

    /** Adds {@code [start, end)} unless it overlaps a span found before (earlier finds are more specific). */
    private static void add(TreeMap<Integer, Span> spans, int start, int end, String kind) {
        if (end <= start) {
            return;
        }
        Map.Entry<Integer, Span> before = spans.floorEntry(start);
        if (before != null && before.getValue().end() > start) {
            return;
        }
        Map.Entry<Integer, Span> after = spans.ceilingEntry(start);
        if (after != null && after.getKey() < end) {
            return;
        }
        spans.put(start, new Span(start, end, kind));
    }

    private static final int[] NO_ANCHORS = new int[0];

    /** The anchors by their first character: {kind index (KINDS.size() for URL_PASSWORD), anchor}. */
    private static final Object[][][] BY_FIRST = new Object[128][][];

    static {
        java.util.Map<Character, List<Object[]>> m = new java.util.HashMap<>();
        for (int k = 0; k <= KINDS.size(); k++) {
            for (String a : k < KINDS.size() ? KINDS.get(k).anchors() : new String[] {"://"}) {
                m.computeIfAbsent(a.charAt(0), c -> new ArrayList<>()).add(new Object[] {k, a});
            }
        }
        m.forEach((c, l) -> BY_FIRST[c] = l.toArray(new Object[0][]));
    }

    /**
     * Where each kind's anchors are (ascending; the last entry: the URLs' "://"), in one pass over
     * the text (an indexOf per anchor was a pass each).
     */
    private static int[][] anchors(String text) {
        int kinds = KINDS.size() + 1;
        int[][] at = new int[kinds][];
        int[] n = new int[kinds];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Object[][] cands = c < 128 ? BY_FIRST[c] : null;
            if (cands == null) {
                continue;
            }
            for (Object[] cand : cands) {
                if (text.startsWith((String) cand[1], i)) {
                    int k = (Integer) cand[0];
                    at[k] = put(at[k] == null ? NO_ANCHORS : at[k], n[k]++, i);
                }
            }
        }
        for (int k = 0; k < kinds; k++) {
            at[k] = at[k] == null ? NO_ANCHORS : java.util.Arrays.copyOf(at[k], n[k]);
        }
        return at;
    }

    /**
     * The matches of {@code pattern} in {@code text}, exactly those {@code Matcher.find} yields one after
     * another, found by trying the pattern only at the starts an anchor allows: every match has an
     * anchor (at the ascending positions {@code anchors}) at {@code minBack..maxBack} characters from its
     * start. A regex tried at every character (lookbehinds first) was a third of a whole-corpus run; most
     * files hold no anchor at all. The region's bounds are transparent, so lookbehinds and {@code \\b}
     * still see the text before it.
     */
    private static void scan(Pattern pattern, String text, int minBack, int maxBack, int[] anchors,
                     java.util.function.Consumer<Matcher> each) {
        Matcher m = null;
        int pos = 0; // where find() would resume: the end of the last match
        int tried = -1; // every start up to here has been tried
        for (int at : anchors) {
            for (int s = Math.max(Math.max(0, at - maxBack), tried + 1); s <= at - minBack; s++) {
                if (s < pos) {
                    continue;
                }
                if (m == null) {
                    m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                }
                m.region(s, text.length());
                if (m.lookingAt()) {
                    pos = Math.max(m.end(), s + 1);
                    each.accept(m);
                }
            }
            tried = Math.max(tried, at - minBack);
        }
    }

    private static boolean containsAny(String s, List<String> words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The header names {@link #HEADER} starts with, lower case. */
    private static final String[] HEADER_NAMES = {"authorization", "private-token", "x-api-key", "x-auth-token",
        "api-key", "x-access-token", "x-vault-token", "circle-token"};

    /** The matches of {@code pattern}: by {@link #scan} at the anchors, or ({@code everyStart}) by {@code Matcher.find}. */
    private static void matches(Pattern pattern, String text, int minBack, int maxBack, int[] anchors, boolean everyStart,
                                Consumer<Matcher> each) {
        if (everyStart) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                each.accept(m);
            }
        } else {
            scan(pattern, text, minBack, maxBack, anchors, each);
        }
    }

    /** Where any of {@code needles} occurs in {@code hay} (overlapping occurrences too), ascending, each once. */
    private static int[] positions(String hay, String... needles) {
        int[] at = NO_ANCHORS;
        int n = 0;
        for (String needle : needles) {
            for (int i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
                at = put(at, n++, i);
            }
        }
        if (n == 0) {
            return NO_ANCHORS;
        }
        int[] sorted = java.util.Arrays.copyOf(at, n);
        java.util.Arrays.sort(sorted);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k == 0 || sorted[k - 1] != sorted[i]) {
                sorted[k++] = sorted[i];
            }
        }
        return java.util.Arrays.copyOf(sorted, k);
    }

    /**
     * The one place before each {@code =} where {@link #ASSIGNMENT} can start: the beginning of the
     * run of name characters that ends at it (a start inside the run fails the pattern's lookbehind,
     * and the pattern reads no {@code =} inside a name), when that run is a name of at most 128.
     */
    private static int[] assignmentStarts(String s) {
        int[] at = NO_ANCHORS;
        int n = 0;
        for (int eq = s.indexOf('='); eq >= 0; eq = s.indexOf('=', eq + 1)) {
            int j = eq;
            while (j > 0 && eq - j < 129 && isNameChar(s.charAt(j - 1))) {
                j--;
            }
            if (j == eq || eq - j > 128 || (j > 0 && isNameChar(s.charAt(j - 1)))) {
                continue;
            }
            char first = s.charAt(j);
            if (first >= '0' && first <= '9') {
                continue;
            }
            at = put(at, n++, j);
        }
        return n == 0 ? NO_ANCHORS : java.util.Arrays.copyOf(at, n);
    }

    /** {@code at} with {@code v} at index {@code n}: itself, or a copy twice as long when it is full. */
    private static int[] put(int[] at, int n, int v) {
        int[] out = n < at.length ? at : java.util.Arrays.copyOf(at, Math.max(4, n * 2));
        out[n] = v;
        return out;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** {@code s} with ASCII upper-case letters lowered and nothing else changed (so offsets still hold). */
    private static String asciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] out = s.toCharArray();
                for (int j = i; j < out.length; j++) {
                    if (out[j] >= 'A' && out[j] <= 'Z') {
                        out[j] = (char) (out[j] + ('a' - 'A'));
                    }
                }
                return new String(out);
            }
        }
        return s;
    }

    private static int distinct(String s) {
        return (int) s.chars().distinct().count();
    }
}
