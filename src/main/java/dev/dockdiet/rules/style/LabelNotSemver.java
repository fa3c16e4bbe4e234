package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import java.util.List;

/** DD427: hadolint's DL3056: a label of schema type {@code semver} whose value is not a semantic version. */
public final class LabelNotSemver extends LabelValueRule {

    public static final RuleMeta META = new RuleMeta("DD427", "label-not-semver", Severity.WARNING, Category.STYLE,
            Fixability.NONE, List.of("DL3056"), "A label of type semver is not a semantic version");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    String type() {
        return "semver";
    }

    @Override
    String what() {
        return "a semantic version (e.g. 1.2.3)";
    }

    @Override
    boolean valid(String v) {
        return LabelValues.semver(v);
    }
}
