package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.Stage;
import java.util.List;
import java.util.Locale;

/**
 * DD219: {@code FROM --platform=linux/amd64} with a constant: the image then never matches the
 * platform being built. As BuildKit's check, a stage whose name mentions the platform's OS or
 * architecture ({@code AS build-amd64}) is taken as deliberate.
 */
public final class ConstantPlatform implements Rule {

    public static final RuleMeta META = new RuleMeta("DD219", "constant-platform", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3029", "FromPlatformFlagConstDisallowed"),
            "FROM --platform should not be a constant value");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.file().stages()) {
            Flag f = s.from().flag("platform").orElse(null);
            if (f == null || f.value() == null || f.value().isEmpty() || f.value().contains("$")) {
                continue;
            }
            String[] parts = f.value().toLowerCase(Locale.ROOT).split("/");
            if (s.name() != null) {
                boolean named = false;
                for (int i = 0; i < Math.min(2, parts.length); i++) {
                    named |= !parts[i].isEmpty() && s.name().contains(parts[i]);
                }
                if (named) {
                    continue;
                }
            }
            ctx.report(META, f.range(), "FROM --platform flag should not use constant value \"" + f.value()
                    + "\": the stage is then built for that platform whatever the build targets; use $BUILDPLATFORM"
                    + " for tools that run during the build, or drop the flag");
        }
    }
}
