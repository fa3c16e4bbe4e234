package dev.dockdiet.shell;

import java.util.List;

/**
 * Parses the shell script of a RUN instruction (POSIX sh / bash as written in Dockerfiles) into
 * a {@link ShellScript}.
 *
 * <pre>{@code
 * ShellScript s = ShellParser.parse("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*");
 * for (SimpleCommand c : s.effectiveCommands()) {
 *     if (c.is("apt-get") && c.isSubcommand("install") && !c.hasFlag("--no-install-recommends")) { ... }
 * }
 * }</pre>
 *
 * <p>Uses the ANTLR grammar {@code grammar/dev/dockdiet/shell/antlr/Shell{Lexer,Parser}.g4}, with
 * SLL prediction and a bail-out error strategy first, and full LL with error recovery only when
 * that fails. The ANTLR DFA caches are static and shared, so repeated parses are fast.
 */
public final class ShellParser {

    private ShellParser() {
    }

    /**
     * Parses a script. Thread-safe; never throws: a script that cannot be fully parsed still
     * gives the commands that could be recovered, plus {@link ShellScript#errors()} with offsets.
     *
     * @param script the script text (Dockerfile line continuations already removed); null is
     *               treated as empty
     */
    public static ShellScript parse(String script) {
        String text = script == null ? "" : script;
        try {
            return ScriptBuilder.script(Source.of(text), ScriptBuilder.Ctx.ROOT, new int[0], 0);
        } catch (RuntimeException | StackOverflowError e) {
            return new ShellScript(text, List.of(), List.of(),
                    List.of(new ShellError(0, text.length(), "cannot parse this script: " + e)));
        }
    }
}
