package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.ShellLex;
import dev.dockdiet.syntax.SourceRange;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DD221: a FROM image or {@code --platform} uses a variable that is neither an ARG declared
 * before the first FROM nor one of BuildKit's platform args: it expands to nothing.
 */
public final class UndefinedArgInFrom implements Rule {

    public static final RuleMeta META = new RuleMeta("DD221", "undefined-arg-in-from", Severity.WARNING,
            Category.BUILD, Fixability.NONE, List.of("UndefinedArgInFrom"),
            "Variables in FROM must be declared by an ARG before the first FROM");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Map<String, String> env = new HashMap<>();
        List<String> known = new ArrayList<>(Support.PLATFORM_ARGS);
        for (String n : Support.metaArgNames(ctx.file())) {
            env.put(n, "x");
            known.add(n);
        }
        for (String n : Support.PLATFORM_ARGS) {
            env.put(n, "x");
        }
        ShellLex lex = ShellLex.of(ctx.file().escapeChar());
        for (Stage s : ctx.file().stages()) {
            Flag platform = s.from().flag("platform").orElse(null);
            if (platform != null && platform.value() != null) {
                check(ctx, lex, env, known, platform.value(), platform.range());
            }
            if (s.from().image() != null) {
                check(ctx, lex, env, known, s.from().image().text(), s.from().image().range());
            }
        }
    }

    private static void check(RuleContext ctx, ShellLex lex, Map<String, String> env, List<String> known, String text,
                              SourceRange range) {
        if (!text.contains("$")) {
            return;
        }
        ShellLex.Result r;
        try {
            r = lex.process(text, env);
        } catch (ShellLex.ExpansionException e) {
            return; // a syntax error: DD001 reports it
        }
        for (String name : r.unmatched()) {
            String near = Support.closest(name, known);
            ctx.report(META, range, "FROM argument '" + name + "' is not declared"
                    + (near != null ? " (did you mean " + near + "?)" : "")
                    + "; declare it with ARG before the first FROM");
        }
    }
}
