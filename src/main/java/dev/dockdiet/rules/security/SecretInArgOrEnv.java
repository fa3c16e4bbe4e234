package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Secrets;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.SourceRange;
import dev.dockdiet.syntax.Stage;
import java.util.List;

/**
 * DD305: an ARG or ENV whose name says it holds a secret. BuildKit's SecretsUsedInArgOrEnv word
 * lists, exactly; ARGs before the first FROM are not checked (they are not stored in the image).
 */
public final class SecretInArgOrEnv implements Rule {

    public static final RuleMeta META = new RuleMeta("DD305", "secret-in-arg-or-env", Severity.WARNING,
            Category.SECURITY, Fixability.NONE, List.of("SecretsUsedInArgOrEnv", "DL3064"),
            "Do not pass secrets through ARG or ENV: they are stored in the image");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.file().stages()) {
            for (Instruction i : s.instructions()) {
                if (i instanceof Instruction.Arg a) {
                    for (Instruction.ArgDef d : a.definitions()) {
                        check(ctx, "ARG", d.name(), d.defaultValue(), d.range());
                    }
                } else if (i instanceof Instruction.Env e) {
                    for (Instruction.KeyValue kv : e.pairs()) {
                        check(ctx, "ENV", kv.key(), kv.value(), kv.range());
                    }
                }
            }
        }
    }

    static boolean isSecretName(String key) {
        return Secrets.isSecretName(key);
    }

    /** An absolute path (a file holding the secret, e.g. /run/secrets/x) is not the secret itself. */
    static boolean isPath(String value) {
        String v = value == null ? "" : dev.dockdiet.syntax.Quotes.unquote(value);
        return v.startsWith("/") && v.chars().noneMatch(Character::isWhitespace);
    }

    private static void check(RuleContext ctx, String kind, String key, String value, SourceRange range) {
        if (isSecretName(key) && !isPath(value)) {
            ctx.report(META, Util.keyRange(ctx.file(), range, key), "Do not use ARG or ENV instructions for sensitive"
                    + " data (" + kind + " \"" + key + "\"): use RUN --mount=type=secret instead");
        }
    }
}
