package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import java.util.List;

/** DD426: hadolint's DL3055: a label of schema type {@code hash} whose value is not a valid git hash. */
public final class LabelNotGitHash extends LabelValueRule {

    public static final RuleMeta META = new RuleMeta("DD426", "label-not-git-hash", Severity.WARNING, Category.STYLE,
            Fixability.NONE, List.of("DL3055"), "A label of type hash is not a git commit hash");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    String type() {
        return "hash";
    }

    @Override
    String what() {
        return "a valid git hash (7 or 40 lower-case hex digits)";
    }

    @Override
    boolean valid(String v) {
        return LabelValues.gitHash(v);
    }
}
