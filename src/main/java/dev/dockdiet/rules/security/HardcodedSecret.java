package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Secrets;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.Assignment;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.SourceRange;
import java.util.ArrayList;
import java.util.List;
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
        for (Secrets.Token t : Secrets.tokens(text)) {
            reported.add(new int[] {t.start(), t.end()});
            ctx.report(META, ctx.file().range(t.start(), t.end()), "Hard-coded " + t.kind() + " ("
                    + mask(text.substring(t.start(), t.end()), t.prefix()) + "): " + advice());
        }
        Secrets.passwordsInUrls(text, u -> {
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

    private static void named(RuleContext ctx, List<int[]> reported, String where, String name, String value,
                              SourceRange at, SourceRange whole) {
        if (name == null || value == null || !Secrets.isSecretName(name) || overlaps(reported, whole.start(),
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

    static boolean looksRandom(String v, int minLength) {
        return Secrets.looksRandom(v, minLength);
    }

    /** The first {@code prefix} characters, then stars; and the length. Never the secret part. */
    static String mask(String v, int prefix) {
        return Secrets.describe(v, prefix);
    }
}
