package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Node;
import dev.dockdiet.syntax.Word;
import java.util.List;

/**
 * DD405: BuildKit's LegacyKeyValueFormat: {@code ENV key value} / {@code LABEL key value} instead of
 * {@code key=value}. Fixed when the value can be kept exactly: one word, or several words without
 * quotes or escapes (then wrapped in double quotes).
 */
public final class LegacyKeyValueFormat implements Rule {

    public static final RuleMeta META = new RuleMeta("DD405", "legacy-key-value-format", Severity.WARNING,
            Category.STYLE, Fixability.SOMETIMES, List.of("LegacyKeyValueFormat"),
            "Use ENV key=value and LABEL key=value, not the legacy space-separated form");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        for (Instruction i : file.instructions()) {
            Instruction x = i instanceof Instruction.Onbuild o ? o.trigger() : i;
            boolean legacy = x instanceof Instruction.Env e ? e.legacyForm()
                    : x instanceof Instruction.Label l && l.legacyForm();
            Node n = x == null ? null : x.node();
            if (!legacy || n.args().size() < 2) {
                continue;
            }
            String kw = x.keyword();
            Word key = n.args().get(0);
            Word value = n.args().get(1);
            String message = "\"" + kw + " key=value\" should be used instead of legacy \"" + kw + " key value\" format";
            Fix fix = fix(file, key, value);
            if (fix == null) {
                ctx.report(META, key.range(), message);
            } else {
                ctx.report(META, key.range(), message, fix);
            }
        }
    }

    private static Fix fix(Dockerfile file, Word key, Word value) {
        if (key.range().end() >= value.range().start()
                || !file.text().substring(key.range().end(), value.range().start()).isBlank()) {
            return null;
        }
        String v = value.text();
        var between = file.range(key.range().end(), value.range().start());
        if (!hasUnquotedBlank(v, file.escapeChar())) {
            return Fix.safe("Write key=value", new Edit(between, "="));
        }
        if (v.indexOf('"') >= 0 || v.indexOf('\'') >= 0 || v.indexOf(file.escapeChar()) >= 0 || v.indexOf('\\') >= 0) {
            return null;
        }
        var end = file.range(value.range().end(), value.range().end());
        return Fix.safe("Write key=\"value\"", new Edit(between, "=\""), new Edit(end, "\""));
    }

    static boolean hasUnquotedBlank(String s, char esc) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == esc && quote != '\'') {
                i++;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }
}
