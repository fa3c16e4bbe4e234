package dev.dockdiet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The common lint invocation without picocli: {@code dockdiet [lint] [OPTIONS] [PATH...]} with
 * the options {@link LintCommand} declares, in their plain spellings ({@code --format json},
 * {@code --format=json}, {@code -f json}). Building picocli's model of the command reflects over
 * every annotation and costs about as much as the lint itself on a small file, and a pre-commit
 * hook starts dockdiet on every commit.
 *
 * <p>Anything this parser does not know exactly (help, version, another subcommand, a new option,
 * a short-option cluster, an {@code @argfile}, an option given twice) returns null and the caller
 * hands the arguments to picocli, so the two parsers never disagree: this one accepts a subset.
 */
final class FastLint {

    /** Options that take one value; given twice, picocli reports the error. */
    private static final Set<String> SINGLE = Set.of("-o", "--output", "--fail-on", "-c", "--config",
            "--stdin-filename", "--root", "--fix-level", "--baseline", "--write-baseline", "--context", "--color");
    private static final Set<String> FLAGS = Set.of("--fix", "--diff", "--debug", "--online");
    /** Every subcommand name, in the order typo hints prefer them (also read by {@link LintCommand}). */
    static final List<String> SUBCOMMANDS = List.of("lint", "parse", "rules", "explain", "rewrite", "image",
            "measure", "sizes", "completion", "help");

    /** A parsed invocation: the command to call and the name to show in "Try '... --help'". */
    record Parsed(LintCommand command, String qualifiedName) {
    }

    private FastLint() {
    }

    /** The lint command for these arguments, or null when picocli must parse them. */
    static Parsed parse(String[] args) {
        int from = 0;
        String name = "dockdiet";
        if (args.length > 0 && args[0].equals("lint")) {
            from = 1;
            name = "dockdiet lint";
        }
        LintCommand c = new LintCommand();
        Set<String> seen = new java.util.HashSet<>();
        boolean rest = false;
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (rest || a.equals("-") || !a.startsWith("-")) {
                if (a.startsWith("@") || a.indexOf('\0') >= 0 || (!rest && SUBCOMMANDS.contains(a))) {
                    return null; // an argument file, or a word picocli may take for a subcommand
                }
                c.paths.add(a);
                continue;
            }
            if (a.equals("--")) {
                rest = true;
                continue;
            }
            if (FLAGS.contains(a)) {
                if (!seen.add(a)) {
                    return null;
                }
                switch (a) {
                    case "--fix" -> c.fixFlag = true;
                    case "--diff" -> c.diff = true;
                    case "--online" -> c.online = true;
                    default -> c.debug = true;
                }
                continue;
            }
            String opt = a;
            String value;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                opt = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    return null; // a missing value: picocli says so
                }
                value = args[++i];
                if (value.length() > 1 && value.startsWith("-")) {
                    return null; // picocli decides whether that is a value or the next option
                }
            }
            if (value.indexOf('\0') >= 0 || value.startsWith("@")) {
                return null;
            }
            if (SINGLE.contains(opt)) {
                String key = switch (opt) {
                    case "-o" -> "--output";
                    case "-c" -> "--config";
                    default -> opt;
                };
                if (!seen.add(key)) {
                    return null;
                }
            }
            switch (opt) {
                case "-f", "--format" -> c.formats.add(value);
                case "-o", "--output" -> c.output = Path.of(value);
                case "--fail-on" -> c.failOn = value;
                case "-c", "--config" -> c.config = Path.of(value);
                case "--stdin-filename" -> c.stdinFilename = value;
                case "--fix-level" -> c.fix = value;
                case "--baseline" -> c.baseline = Path.of(value);
                case "--write-baseline" -> c.writeBaseline = Path.of(value);
                case "--context" -> c.context = Path.of(value);
                case "--root" -> c.root = Path.of(value);
                case "--color" -> c.color = value;
                case "--ignore", "--select" -> {
                    List<String> target = opt.equals("--ignore") ? c.ignore : c.select;
                    for (String r : value.split(",", -1)) {
                        if (r.isEmpty() || r.indexOf('"') >= 0) {
                            return null;
                        }
                        target.add(r);
                    }
                }
                default -> {
                    return null; // help, version, an option added later: picocli knows
                }
            }
        }
        return new Parsed(c, name);
    }

    /** Runs a parsed invocation with picocli's exit codes and messages for failures. */
    static int run(Parsed p, Main.Io io) {
        try {
            return p.command().call();
        } catch (LintCommand.UsageError e) {
            io.err().println("dockdiet: " + e.getMessage());
            io.err().println("Try '" + p.qualifiedName() + " --help' for more information.");
            io.err().flush();
            return 2;
        } catch (Exception e) {
            io.err().println("dockdiet: " + Main.message(e));
            if (p.command().debug) {
                e.printStackTrace(io.err());
            }
            io.err().flush();
            return 2;
        }
    }
}
