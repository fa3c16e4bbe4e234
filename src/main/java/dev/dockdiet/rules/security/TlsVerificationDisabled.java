package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.Assignment;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.ToolNames;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.SourceRange;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DD312: TLS certificate checks turned off: {@code curl -k}, {@code wget --no-check-certificate},
 * {@code pip --trusted-host}, {@code npm config set strict-ssl false},
 * {@code git config http.sslVerify false}, and the environment variables that do the same
 * ({@code NODE_TLS_REJECT_UNAUTHORIZED=0}, {@code GIT_SSL_NO_VERIFY}, {@code PYTHONHTTPSVERIFY=0} ...).
 */
public final class TlsVerificationDisabled implements Rule {

    public static final RuleMeta META = new RuleMeta("DD312", "tls-verification-disabled", Severity.WARNING,
            Category.SECURITY, Fixability.NONE,
            List.of("CKV2_DOCKER_2", "CKV2_DOCKER_3", "CKV2_DOCKER_4", "CKV2_DOCKER_5", "CKV2_DOCKER_6", "CKV2_DOCKER_12",
                    "CKV2_DOCKER_13", "CKV2_DOCKER_14", "CKV2_DOCKER_15", "CKV2_DOCKER_16", "CKV2_DOCKER_18"),
            "Do not turn off TLS certificate verification for downloads");

    private static final Set<String> FALSE = Set.of("false", "0", "no", "off");
    private static final Set<String> YUM_LIKE = Set.of("yum", "dnf", "dnf5", "microdnf", "tdnf", "yum-config-manager");
    private static final java.util.regex.Pattern SSLVERIFY_OFF = java.util.regex.Pattern.compile(
            "(?i)--setopt=(?:[^=\\s]+\\.)?sslverify=(?:0|false|no|off)");
    private static final java.util.regex.Pattern SSLVERIFY_LINE = java.util.regex.Pattern.compile(
            "(?im)^\\s*sslverify\\s*=\\s*(?:0|false|no|off)\\s*$");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Env env : ctx.file().all(Instruction.Env.class)) {
            for (Instruction.KeyValue kv : env.pairs()) {
                String why = insecureVariable(kv.key(), dev.dockdiet.syntax.Quotes.unquote(kv.value()));
                if (why != null) {
                    report(ctx, Util.keyRange(ctx.file(), kv.range(), kv.key()), kv.key() + " " + why);
                }
            }
        }
        for (Instruction.Arg arg : ctx.file().all(Instruction.Arg.class)) {
            for (Instruction.ArgDef d : arg.definitions()) {
                String why = d.defaultValue() == null ? null : insecureVariable(d.name(), dev.dockdiet.syntax.Quotes.unquote(d.defaultValue()));
                if (why != null) {
                    report(ctx, Util.keyRange(ctx.file(), d.range(), d.name()), d.name() + " " + why);
                }
            }
        }
        for (Instruction.Run run : Util.runs(ctx.file())) {
            for (SimpleCommand c : ctx.shell(run).effectiveCommands()) {
                for (Assignment a : c.assignments()) {
                    String why = insecureVariable(a.name(), a.value());
                    if (why != null) {
                        report(ctx, Util.range(run, a.word()), a.name() + " " + why);
                    }
                }
                if (c.is("export")) {
                    for (Word w : c.args()) {
                        int eq = w.value().indexOf('=');
                        String why = eq > 0 ? insecureVariable(w.value().substring(0, eq), w.value().substring(eq + 1))
                                : null;
                        if (why != null) {
                            report(ctx, Util.range(run, w), w.value().substring(0, eq) + " " + why);
                        }
                    }
                }
                checkCommand(ctx, run, c);
            }
        }
    }

    private static void checkCommand(RuleContext ctx, Instruction.Run run, SimpleCommand c) {
        List<Word> a = c.args();
        String name = Util.base(c.nameValue());
        if (YUM_LIKE.contains(name)) {
            for (Word w : a) {
                if (SSLVERIFY_OFF.matcher(w.value()).matches()) {
                    report(ctx, Util.range(run, w), name + " " + w.value() + " makes the package manager accept any"
                            + " certificate");
                }
            }
        } else if ((name.equals("echo") || name.equals("printf")) && c.redirects().stream().anyMatch(r -> r.isOutput())) {
            for (Word w : a) {
                if (SSLVERIFY_LINE.matcher(w.value()).find()) {
                    report(ctx, Util.range(run, w), "sslverify off in a yum/dnf configuration makes the package manager"
                            + " accept any certificate");
                }
            }
        } else if (name.equals("conda") || name.equals("mamba") || name.equals("micromamba")) {
            for (int i = 0; i + 2 < a.size(); i++) {
                if (a.get(i).value().equals("--set") && a.get(i + 1).value().equals("ssl_verify")
                        && FALSE.contains(a.get(i + 2).value().toLowerCase(Locale.ROOT))) {
                    report(ctx, Util.range(run, a.get(i + 1)), name + " config --set ssl_verify false accepts any"
                            + " certificate");
                }
            }
        }
        if (name.equals("curl")) {
            for (Word w : a) {
                String v = w.value();
                if (v.equals("--")) {
                    break;
                }
                if (v.equals("--insecure") || v.equals("--proxy-insecure")
                        || (CURL_SHORT.matcher(v).matches() && v.indexOf('k') > 0 && !v.startsWith("--"))) {
                    report(ctx, Util.range(run, w), "curl " + v + " accepts any certificate");
                }
            }
        } else if (name.equals("wget")) {
            for (Word w : a) {
                if (w.value().equals("--no-check-certificate")) {
                    report(ctx, Util.range(run, w), "wget --no-check-certificate accepts any certificate");
                }
            }
        } else if (isPip(c)) {
            for (Word w : a) {
                if (w.value().equals("--trusted-host") || w.value().startsWith("--trusted-host=")) {
                    report(ctx, Util.range(run, w), "pip --trusted-host accepts any certificate from that host");
                }
            }
            configSet(ctx, run, a, "global.trusted-host", null, "pip config trusted-host");
        } else if (name.equals("npm") || name.equals("yarn") || name.equals("pnpm")) {
            configSet(ctx, run, a, "strict-ssl", FALSE, name + " strict-ssl false");
            configSet(ctx, run, a, "enableStrictSsl", FALSE, name + " enableStrictSsl false");
            for (Word w : a) {
                String v = w.value().toLowerCase(Locale.ROOT);
                if (v.equals("--strict-ssl=false") || v.equals("--no-strict-ssl")) {
                    report(ctx, Util.range(run, w), name + " " + w.value() + " accepts any certificate");
                }
            }
        } else if (name.equals("git")) {
            for (int i = 0; i < a.size(); i++) {
                String v = a.get(i).value();
                if (v.equals("-c") && i + 1 < a.size() && gitSslOff(a.get(i + 1).value(), '=')) {
                    report(ctx, Util.range(run, a.get(i + 1)), "git http.sslVerify=false accepts any certificate");
                }
                if (v.equals("config")) {
                    List<Word> rest = a.subList(i + 1, a.size()).stream().filter(w -> !w.value().startsWith("-"))
                            .toList();
                    if (rest.size() == 2 && isSslVerifyKey(rest.get(0).value())
                            && FALSE.contains(rest.get(1).value().toLowerCase(Locale.ROOT))) {
                        report(ctx, Util.range(run, rest.get(0)), "git http.sslVerify false accepts any certificate");
                    }
                    break;
                }
            }
        }
    }

    // compiled once: String.matches compiled them for every command of every RUN
    private static final Pattern CURL_SHORT = Pattern.compile("-[a-zA-Z0-9#:]+");

    private static boolean isPip(SimpleCommand c) {
        String n = Util.base(c.nameValue());
        if (ToolNames.withDigitsAndDots(n, "pip")) {
            return true;
        }
        List<Word> a = c.args();
        return ToolNames.withDigitsAndDots(n, "python") && a.size() >= 2 && a.get(0).value().equals("-m")
                && ToolNames.withDigitsAndDots(a.get(1).value(), "pip");
    }

    /** {@code <tool> config set <key> <value>} (also {@code npm set key value}, {@code key=value}). */
    private static void configSet(RuleContext ctx, Instruction.Run run, List<Word> a, String key, Set<String> values,
                                  String what) {
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).value().equals("set")) {
                continue;
            }
            List<Word> rest = a.subList(i + 1, a.size()).stream().filter(w -> !w.value().startsWith("-")).toList();
            if (rest.isEmpty()) {
                return;
            }
            String k = rest.get(0).value();
            String v = null;
            if (k.contains("=")) {
                v = k.substring(k.indexOf('=') + 1);
                k = k.substring(0, k.indexOf('='));
            } else if (rest.size() > 1) {
                v = rest.get(1).value();
            }
            if (k.equalsIgnoreCase(key) && v != null && (values == null || values.contains(v.toLowerCase(Locale.ROOT)))) {
                report(ctx, Util.range(run, rest.get(0)), what + " accepts any certificate");
            }
            return;
        }
    }

    private static boolean isSslVerifyKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.startsWith("http.") && k.endsWith(".sslverify");
    }

    private static boolean gitSslOff(String kv, char sep) {
        int eq = kv.indexOf(sep);
        return eq > 0 && isSslVerifyKey(kv.substring(0, eq))
                && FALSE.contains(kv.substring(eq + 1).toLowerCase(Locale.ROOT));
    }

    /** Why setting this variable turns TLS checks off, or null. */
    static String insecureVariable(String name, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "NODE_TLS_REJECT_UNAUTHORIZED" -> v.equals("0") ? "=0 makes Node.js accept any certificate" : null;
            case "GIT_SSL_NO_VERIFY" -> !v.isEmpty() && !v.contains("$") ? "makes git accept any certificate" : null;
            case "PYTHONHTTPSVERIFY" -> v.equals("0") ? "=0 makes Python accept any certificate" : null;
            case "NPM_CONFIG_STRICT_SSL", "YARN_STRICT_SSL" -> FALSE.contains(v) ? "=false makes npm accept any certificate"
                    : null;
            case "GOINSECURE" -> !v.isEmpty() && !v.contains("$") ? "makes go fetch those modules without certificate"
                    + " checks (and over plain HTTP)" : null;
            case "PIP_TRUSTED_HOST" -> !v.isEmpty() ? "makes pip accept any certificate from " + value : null;
            default -> null;
        };
    }

    private static void report(RuleContext ctx, SourceRange at, String what) {
        ctx.report(META, at, what + ": TLS certificate verification is off, so downloads can be tampered with"
                + " (add the CA certificate to the image instead)");
    }
}
