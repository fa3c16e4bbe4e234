package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.SourceRange;
import dev.dockdiet.syntax.Stage;
import java.util.List;

/** DD220: {@code FROM --platform=$TARGETPLATFORM} says what FROM does anyway. */
public final class RedundantTargetPlatform implements Rule {

    public static final RuleMeta META = new RuleMeta("DD220", "redundant-target-platform", Severity.INFO,
            Category.BUILD, Fixability.ALWAYS, List.of("DL3065", "RedundantTargetPlatform"),
            "FROM --platform=$TARGETPLATFORM is the default and can be removed");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        String text = ctx.file().text();
        for (Stage s : ctx.file().stages()) {
            for (Flag f : s.from().node().flags("platform")) {
                if (!"$TARGETPLATFORM".equals(f.value()) && !"${TARGETPLATFORM}".equals(f.value())) {
                    continue;
                }
                int end = f.range().end();
                while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                    end++;
                }
                SourceRange del = ctx.file().range(f.range().start(), end);
                ctx.report(META, f.range(), "Setting platform to predefined " + f.value()
                        + " in FROM is redundant as this is the default behavior",
                        Fix.safe("remove " + f.text(), new Edit(del, "")));
            }
        }
    }
}
