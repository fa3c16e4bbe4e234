package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DD242: hadolint's DL3044: one ENV statement sets a variable and another of its values uses it
 * ({@code ENV A=1 B=$A}). BuildKit expands every value of the statement before setting any, so
 * {@code $A} is the value from before the statement (often empty), not {@code 1}. A reference to
 * a variable an earlier ENV or ARG defined, and {@code PATH=$PATH:...} in its own pair, are fine.
 */
public final class EnvSameStatementReference implements Rule {

    public static final RuleMeta META = new RuleMeta("DD242", "env-same-statement-reference", Severity.ERROR,
            Category.BUILD, Fixability.NONE, List.of("DL3044"),
            "Do not refer to a variable within the ENV statement that defines it");

    /** A variable reference in a value: where it starts in the value text, and its length ({@code ${A:-x}} whole). */
    record Ref(String name, int at, int length) {
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Set<String> defined = new HashSet<>();
        char escape = ctx.file().escapeChar();
        for (Instruction raw : ctx.file().instructions()) {
            Instruction i = Walk.inner(raw);
            if (i instanceof Instruction.Arg a) {
                a.definitions().forEach(d -> defined.add(d.name()));
            } else if (i instanceof Instruction.Env env) {
                List<Instruction.KeyValue> pairs = env.pairs();
                for (int j = 0; j < pairs.size(); j++) {
                    Instruction.KeyValue kv = pairs.get(j);
                    for (Ref r : refs(kv.value(), escape)) {
                        if (defined.contains(r.name()) || !definedByOther(pairs, j, r.name())) {
                            continue;
                        }
                        ctx.report(META, refRange(ctx, kv, r), "'" + r.name() + "' is set in this same ENV statement:"
                                + " the reference expands to its value from before the statement, not the new one;"
                                + " split the ENV in two");
                    }
                }
                pairs.forEach(p -> defined.add(p.key()));
            }
        }
    }

    private static boolean definedByOther(List<Instruction.KeyValue> pairs, int self, String name) {
        for (int k = 0; k < pairs.size(); k++) {
            if (k != self && pairs.get(k).key().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** {@code $NAME} and {@code ${NAME...}} outside single quotes and not escaped. */
    static List<Ref> refs(String value, char escape) {
        List<Ref> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == escape && !single) {
                i++;
                continue;
            }
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '$' && !single && i + 1 < value.length()) {
                int start = i + 1;
                boolean brace = value.charAt(start) == '{';
                int n = brace ? start + 1 : start;
                int end = n;
                while (end < value.length() && (Character.isLetterOrDigit(value.charAt(end)) || value.charAt(end) == '_')
                        && value.charAt(end) < 128) {
                    end++;
                }
                if (end > n && !Character.isDigit(value.charAt(n))) {
                    int close = brace ? value.indexOf('}', end) : -1;
                    out.add(new Ref(value.substring(n, end), i, (close >= 0 ? close + 1 : end) - i));
                }
                i = end - 1;
            }
        }
        return out;
    }

    private static dev.dockdiet.syntax.SourceRange refRange(RuleContext ctx, Instruction.KeyValue kv, Ref r) {
        String text = ctx.file().text();
        int valueStart = kv.range().end() - kv.value().length();
        if (valueStart >= kv.range().start() && text.startsWith(kv.value(), valueStart)) {
            int s = valueStart + r.at();
            return ctx.file().range(s, Math.min(kv.range().end(), s + r.length()));
        }
        return kv.range();
    }
}
