package dev.dockdiet.rules.security;

import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.SourceRange;
import dev.dockdiet.syntax.Stage;
import java.util.List;
import java.util.Locale;

/** Helpers shared by the security rules. */
final class Util {

    private Util() {
    }

    /** Every RUN in file order, the RUN triggers of ONBUILD included. */
    static List<Instruction.Run> runs(Dockerfile file) {
        return file.all(Instruction.Run.class);
    }

    /** The final stage and the stages it is built on ({@code FROM <stage>}), final first. */
    static List<Stage> finalChain(Dockerfile file) {
        return file.finalStage().map(file::baseChain).orElse(List.of());
    }

    /** The range of a shell word of a RUN, in the file. */
    static SourceRange range(Instruction.Run run, dev.dockdiet.shell.Word w) {
        return run.shellScript().range(w.start(), w.end());
    }

    /** The range of a shell command's name, in the file. */
    static SourceRange nameRange(Instruction.Run run, SimpleCommand c) {
        return range(run, c.name());
    }

    /** A key written at the start of {@code pair}: its own range when the file text agrees, else the pair's. */
    static SourceRange keyRange(Dockerfile file, SourceRange pair, String key) {
        String t = file.text();
        if (!key.isEmpty() && pair.start() + key.length() <= t.length() && t.startsWith(key, pair.start())) {
            return file.range(pair.start(), pair.start() + key.length());
        }
        return pair;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The command's name without its directory. */
    static String base(String name) {
        int slash = name.lastIndexOf('/');
        return slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name;
    }
}
