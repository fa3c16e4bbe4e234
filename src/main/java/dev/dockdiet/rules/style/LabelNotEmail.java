package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import java.util.List;

/** DD428: hadolint's DL3058: a label of schema type {@code email} whose value is not a valid e-mail address. */
public final class LabelNotEmail extends LabelValueRule {

    public static final RuleMeta META = new RuleMeta("DD428", "label-not-email", Severity.WARNING, Category.STYLE,
            Fixability.NONE, List.of("DL3058"), "A label of type email is not an RFC 5322 e-mail address");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    String type() {
        return "email";
    }

    @Override
    String what() {
        return "a valid e-mail address (RFC 5322)";
    }

    @Override
    boolean valid(String v) {
        return LabelValues.email(v);
    }
}
