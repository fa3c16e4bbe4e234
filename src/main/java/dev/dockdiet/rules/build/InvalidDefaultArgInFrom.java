package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.ShellLex;
import dev.dockdiet.syntax.Stage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DD222: with the ARG defaults alone (no {@code --build-arg}), a FROM image expands to an empty
 * or invalid reference ({@code busybox:} from a valueless ARG): the build fails unless every
 * caller passes the argument.
 */
public final class InvalidDefaultArgInFrom implements Rule {

    public static final RuleMeta META = new RuleMeta("DD222", "invalid-default-arg-in-from", Severity.WARNING,
            Category.BUILD, Fixability.NONE, List.of("InvalidDefaultArgInFrom"),
            "ARG defaults must give FROM a valid image reference");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        ShellLex lex = ShellLex.of(ctx.file().escapeChar());
        Map<String, String> defaults = new HashMap<>();
        Set<String> declared = new HashSet<>(Support.PLATFORM_ARGS);
        for (Instruction.Arg a : ctx.file().metaArgs()) {
            for (Instruction.ArgDef d : a.definitions()) {
                declared.add(d.name());
                if (d.defaultValue() == null) {
                    defaults.remove(d.name());
                    continue;
                }
                try {
                    defaults.put(d.name(), lex.processWord(d.defaultValue(), defaults));
                } catch (ShellLex.ExpansionException e) {
                    return;
                }
            }
        }
        for (String p : Support.PLATFORM_ARGS) {
            defaults.putIfAbsent(p, p.endsWith("PLATFORM") ? "linux/amd64" : p.endsWith("OS") ? "linux"
                    : p.endsWith("ARCH") ? "amd64" : p.endsWith("VARIANT") ? "" : "default");
        }
        List<String> names = Support.stageNames(ctx.file());
        for (Stage s : ctx.file().stages()) {
            if (s.from().image() == null || !s.from().image().text().contains("$")) {
                continue;
            }
            ShellLex.Result r;
            try {
                r = lex.process(s.from().image().text(), defaults);
            } catch (ShellLex.ExpansionException e) {
                continue;
            }
            if (!declared.containsAll(r.unmatched())) {
                continue; // an undeclared variable: DD221
            }
            String value = r.result();
            if (names.contains(value) || value.equals("scratch") || Support.validReference(value)) {
                continue;
            }
            ctx.report(META, s.from().image().range(), "Default value for ARG " + s.from().image().text()
                    + " results in " + (value.isEmpty() ? "an empty" : "an invalid") + " base image name"
                    + (value.isEmpty() ? "" : " '" + value + "'") + "; give the ARG a default or use ${NAME:-default}");
        }
    }
}
