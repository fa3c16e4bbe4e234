package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.Assignment;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DD315: a secret value written into the Dockerfile: a token in a format only one issuer uses (AWS
 * access key ids, GitHub, GitLab, Slack, Stripe, npm, PyPI, Google API keys ...), a private key
 * block, a password in a URL, or a high-entropy literal assigned to a secret-looking name in ENV,
 * ARG or RUN. Messages never repeat the value: they name its kind and mask it.
 */
public final class HardcodedSecret implements Rule {

    public static final RuleMeta META = new RuleMeta("DD315", "hardcoded-secret", Severity.ERROR, Category.SECURITY,
            Fixability.NONE, List.of(),
            "Do not write secret values (tokens, keys, passwords) into a Dockerfile");

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

    /** {@code scheme://user:password@host} with a literal password. */
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "\\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://([^\\s:/@$'\"]{1,64}):([^\\s/@$'\"{}]{6,128})@[A-Za-z0-9.-]+");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)example|changeme|change_me|change-me|placeholder|dummy|sample|your|xxxx|\\*\\*\\*|redacted|fake"
                    + "|replace|insert|<|>|\\.\\.\\.|default");
    private static final Pattern MOSTLY_DIGITS = Pattern.compile("[0-9.\\-+_]*[a-zA-Z]{0,3}[0-9.\\-+_]*");
    private static final Pattern VERSION = Pattern.compile("(?i)v?\\d+(\\.\\d+)*([-.+_][a-z0-9]+)*");
    private static final Pattern SECRET_FLAG = Pattern.compile(
            "--(?:password|passwd|pass|token|api-key|apikey|secret|auth-token|access-token|client-secret)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        String text = ctx.file().text();
        List<int[]> reported = new ArrayList<>();
        int[][] anchors = anchors(text);
        for (int ki = 0; ki < KINDS.size(); ki++) {
            Kind k = KINDS.get(ki);
            scan(k.pattern(), text, k.back(), k.back(), anchors[ki], m -> {
                String v = m.group();
                if (k.prefix() > 0 && (v.toUpperCase(Locale.ROOT).contains("EXAMPLE") || distinct(v) < 8)) {
                    return;
                }
                reported.add(new int[] {m.start(), m.end()});
                ctx.report(META, ctx.file().range(m.start(), m.end()), "Hard-coded " + k.name() + " ("
                        + mask(v, k.prefix()) + "): " + advice());
            });
        }
        // the scheme is 2-16 characters before its "://"
        scan(URL_PASSWORD, text, 2, 16, anchors[KINDS.size()], u -> {
            String user = u.group(1);
            String pw = u.group(2);
            if (overlaps(reported, u.start(2), u.end(2)) || !looksRandom(pw, 8) || pw.equals(user)) {
                return;
            }
            reported.add(new int[] {u.start(2), u.end(2)});
            ctx.report(META, ctx.file().range(u.start(2), u.end(2)), "Hard-coded password in a URL ("
                    + mask(pw, 0) + "): " + advice());
        });
        for (Instruction.Env env : ctx.file().all(Instruction.Env.class)) {
            for (Instruction.KeyValue kv : env.pairs()) {
                named(ctx, reported, "ENV", kv.key(), kv.value(), Util.keyRange(ctx.file(), kv.range(), kv.key()),
                        kv.range());
            }
        }
        for (Instruction.Arg arg : ctx.file().all(Instruction.Arg.class)) {
            for (Instruction.ArgDef d : arg.definitions()) {
                named(ctx, reported, "ARG", d.name(), d.defaultValue(), Util.keyRange(ctx.file(), d.range(), d.name()),
                        d.range());
            }
        }
        for (Instruction.Run run : Util.runs(ctx.file())) {
            for (SimpleCommand c : ctx.shell(run).effectiveCommands()) {
                for (Assignment a : c.assignments()) {
                    SourceRange r = Util.range(run, a.word());
                    named(ctx, reported, "RUN", a.name(), a.word().isLiteral() ? a.value() : "$", r, r);
                }
                List<Word> args = c.args();
                for (int i = 0; i < args.size(); i++) {
                    Word w = args.get(i);
                    String v = w.value();
                    int eq = v.indexOf('=');
                    if (c.is("export", "declare", "typeset", "readonly") && eq > 0) {
                        SourceRange r = Util.range(run, w);
                        named(ctx, reported, "RUN", v.substring(0, eq), w.isLiteral() ? v.substring(eq + 1) : "$", r, r);
                    } else if (v.startsWith("--") && SECRET_FLAG.matcher(eq > 0 ? v.substring(0, eq) : v).matches()) {
                        String value = eq > 0 ? v.substring(eq + 1) : i + 1 < args.size() ? args.get(i + 1).value() : "";
                        boolean literal = eq > 0 ? w.isLiteral() : i + 1 < args.size() && args.get(i + 1).isLiteral();
                        SourceRange r = Util.range(run, eq > 0 || i + 1 >= args.size() ? w : args.get(i + 1));
                        if (literal && looksRandom(value, 12) && !overlaps(reported, r.start(), r.end())) {
                            reported.add(new int[] {r.start(), r.end()});
                            ctx.report(META, r, "Hard-coded secret after " + (eq > 0 ? v.substring(0, eq) : v) + " ("
                                    + mask(value, 0) + "): " + advice());
                        }
                    }
                }
            }
        }
    }

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
                    if (at[k] == null) {
                        at[k] = new int[4];
                    } else if (n[k] == at[k].length) {
                        at[k] = java.util.Arrays.copyOf(at[k], n[k] * 2);
                    }
                    at[k][n[k]++] = i;
                }
            }
        }
        for (int k = 0; k < kinds; k++) {
            at[k] = at[k] == null ? new int[0] : java.util.Arrays.copyOf(at[k], n[k]);
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
    static void scan(Pattern pattern, String text, int minBack, int maxBack, int[] anchors,
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

    private static void named(RuleContext ctx, List<int[]> reported, String where, String name, String value,
                              SourceRange at, SourceRange whole) {
        if (name == null || value == null || !SecretInArgOrEnv.isSecretName(name) || overlaps(reported, whole.start(),
                whole.end())) {
            return;
        }
        String v = dev.dockdiet.syntax.Quotes.unquote(value.trim());
        if (!looksRandom(v, 16)) {
            return;
        }
        reported.add(new int[] {whole.start(), whole.end()});
        ctx.report(META, at, "Hard-coded secret value in " + where + " " + name + " (" + mask(v, 0) + "): "
                + advice());
    }

    private static String advice() {
        return "it stays in version control and in the image history. Revoke it, and pass secrets at build time with"
                + " RUN --mount=type=secret (or at run time)";
    }

    private static boolean overlaps(List<int[]> reported, int start, int end) {
        for (int[] r : reported) {
            if (start < r[1] && r[0] < end) {
                return true;
            }
        }
        return false;
    }

    /**
     * A literal that looks machine-made: long enough, no expansion, path or URL, letters and digits
     * mixed, no placeholder words, and a Shannon entropy of at least 3 bits per character.
     */
    static boolean looksRandom(String v, int minLength) {
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

    static double entropy(String s) {
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

    private static int distinct(String s) {
        return (int) s.chars().distinct().count();
    }

    /** The first {@code prefix} characters, then stars; and the length. Never the secret part. */
    static String mask(String v, int prefix) {
        int keep = Math.min(prefix, v.length() / 2);
        return v.substring(0, keep) + "****, " + v.length() + " characters";
    }
}
