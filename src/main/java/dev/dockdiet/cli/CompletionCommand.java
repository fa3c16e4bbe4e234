package dev.dockdiet.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dockdiet completion}: a bash/zsh completion script generated from the command model. */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Print a bash/zsh completion script. Install with:",
                "  source <(dockdiet completion)          # current shell",
                "  dockdiet completion > /etc/bash_completion.d/dockdiet"})
public class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        Main.io(spec).out().print(AutoComplete.bash("dockdiet", root));
        Main.io(spec).out().flush();
        return 0;
    }
}
