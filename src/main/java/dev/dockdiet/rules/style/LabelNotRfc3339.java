package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import java.util.List;

/** DD424: hadolint's DL3053: a label of schema type {@code rfc3339} whose value is not a valid RFC 3339 date-time. */
public final class LabelNotRfc3339 extends LabelValueRule {

    public static final RuleMeta META = new RuleMeta("DD424", "label-not-rfc3339", Severity.WARNING, Category.STYLE,
            Fixability.NONE, List.of("DL3053"), "A label of type rfc3339 is not an RFC 3339 date-time");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    String type() {
        return "rfc3339";
    }

    @Override
    String what() {
        return "a valid RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z)";
    }

    @Override
    boolean valid(String v) {
        return LabelValues.rfc3339(v);
    }
}
