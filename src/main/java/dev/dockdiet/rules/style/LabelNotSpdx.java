package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import java.util.List;

/** DD425: hadolint's DL3054: a label of schema type {@code spdx} whose value is not a valid SPDX license identifier. */
public final class LabelNotSpdx extends LabelValueRule {

    public static final RuleMeta META = new RuleMeta("DD425", "label-not-spdx", Severity.WARNING, Category.STYLE,
            Fixability.NONE, List.of("DL3054"), "A label of type spdx is not an SPDX license identifier");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    String type() {
        return "spdx";
    }

    @Override
    String what() {
        return "a valid SPDX license identifier (e.g. MIT, Apache-2.0)";
    }

    @Override
    boolean valid(String v) {
        return LabelValues.spdx(v);
    }
}
