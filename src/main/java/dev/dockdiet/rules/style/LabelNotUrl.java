package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import java.util.List;

/** DD423: hadolint's DL3052: a label of schema type {@code url} whose value is not a valid URL. */
public final class LabelNotUrl extends LabelValueRule {

    public static final RuleMeta META = new RuleMeta("DD423", "label-not-url", Severity.WARNING, Category.STYLE,
            Fixability.NONE, List.of("DL3052"), "A label of type url is not a valid URL");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    String type() {
        return "url";
    }

    @Override
    String what() {
        return "a valid URL (scheme://...)";
    }

    @Override
    boolean valid(String v) {
        return LabelValues.url(v);
    }
}
