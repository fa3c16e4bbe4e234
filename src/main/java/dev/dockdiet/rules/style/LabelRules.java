package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Rule;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * hadolint's label schema rules (DL3049–DL3058), one class each. They do nothing until
 * configuration gives a schema ({@code label-schema:} in {@code .hadolint.yaml} or
 * {@code labelSchema:} in {@code .dockdiet.yaml}): label names and the type of value each must have.
 */
public final class LabelRules {

    private LabelRules() {
    }

    public static List<Rule> all() {
        return List.of(new LabelMissing(), new LabelNotInSchema(), new LabelEmpty(), new LabelNotUrl(),
                new LabelNotRfc3339(), new LabelNotSpdx(), new LabelNotGitHash(), new LabelNotSemver(),
                new LabelNotEmail());
    }

    /** A LABEL pair with its key and value unquoted. */
    record Pair(String key, String value, Instruction.KeyValue kv) {
    }

    static List<Pair> pairs(Instruction.Label l) {
        List<Pair> out = new ArrayList<>();
        for (Instruction.KeyValue kv : l.pairs()) {
            out.add(new Pair(dev.dockdiet.syntax.Quotes.unquote(kv.key()), kv.value() == null ? "" : dev.dockdiet.syntax.Quotes.unquote(kv.value()), kv));
        }
        return out;
    }

    static SourceRange valueRange(Dockerfile f, Instruction.KeyValue kv) {
        int start = kv.range().end() - (kv.value() == null ? 0 : kv.value().length());
        return kv.value() != null && !kv.value().isEmpty() && start >= kv.range().start()
                && f.text().startsWith(kv.value(), start) ? f.range(start, kv.range().end()) : kv.range();
    }
}
