/**
 * The shell inside RUN: words, simple commands, pipelines and and-or lists, so that rules ask
 * "which commands does this RUN run, with which flags, in which order" instead of matching strings.
 *
 * <pre>{@code
 * ShellScript s = ShellParser.parse(run.script());          // never throws
 * for (SimpleCommand c : s.effectiveCommands()) {             // sudo/env/... unwrapped, sh -c expanded
 *     if (c.is("apt-get") && c.isSubcommand("install") && !c.hasFlag("--no-install-recommends")) {
 *         boolean cleaned = s.commandsAfter(c).stream().anyMatch(r -> r.is("rm") && r.hasFlag("-r")
 *                 && r.args().stream().anyMatch(w -> w.value().startsWith("/var/lib/apt/lists")));
 *         // report at c.start()..c.end() (offsets into the RUN script)
 *     }
 * }
 * }</pre>
 *
 * <p>Offsets everywhere ({@link dev.dockdiet.shell.Word#start()}, {@link dev.dockdiet.shell.SimpleCommand#start()},
 * {@link dev.dockdiet.shell.ShellError#start()}) are UTF-16 indexes into the string given to
 * {@link dev.dockdiet.shell.ShellParser#parse(String)}, also for commands found in nested scripts;
 * the caller maps them to the Dockerfile (continuations removed by the Dockerfile parser must be
 * accounted for there).
 *
 * <p>May use: the JDK and ANTLR only (it does not know Dockerfiles; {@code syntax} and later
 * packages use it).
 */
package dev.dockdiet.shell;
