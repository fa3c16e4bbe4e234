package dev.dockdiet.cli;

import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rules.Rules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockdiet explain DD101}: the rule's docs page. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Print a rule's documentation: what it checks, why, examples, the fix, how to suppress it.")
public class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "an id (DD101), a name (oversized-base) or an alias (DL3006)")
    String rule;

    @Override
    public Integer call() {
        Main.Io io = Main.io(spec);
        RuleMeta meta = Rules.meta(rule).orElseThrow(() -> new RunFailure("unknown rule '" + rule
                + "' (see `dockdiet rules`)"));
        String page = RuleDocs.page(meta).orElseThrow(() -> new RunFailure("no documentation page for " + meta.id()));
        io.out().print(page);
        io.out().flush();
        return 0;
    }
}
