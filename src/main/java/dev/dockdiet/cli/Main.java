package dev.dockdiet.cli;

import dev.dockdiet.config.Config;
import dev.dockdiet.config.ConfigException;
import dev.dockdiet.lint.Linter;
import dev.dockdiet.rule.RuleSettings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The entry point. The CLI is the only place that touches stdout, stderr and exit codes; it
 * never analyses (that is {@link Linter}'s job).
 */
public final class Main {

    /** Where a command reads and writes; tests pass their own. */
    record Io(PrintWriter out, PrintWriter err, InputStream in, boolean terminal) {
    }

    private static final ThreadLocal<Io> IO = new ThreadLocal<>();

    /** Top level: {@code dockdiet [lint options] [PATH...]} lints; the subcommands do the rest. */
    @Command(name = "dockdiet", versionProvider = Version.class,
            description = "Dockerfile linter and image-size advisor. Without a subcommand it lints (see `dockdiet lint --help`).",
            footer = {"", "Commands: lint (default), parse, rules, explain, rewrite, image, sizes, measure, completion.",
                    "Docs: https://github.com/dockdiet/dockdiet"})
    static final class Top extends LintCommand {
    }

    private Main() {
    }

    public static void main(String[] args) {
        int code = mainWithoutExit(args, System.out, System.err, System.in);
        System.exit(code);
    }

    /** Runs the CLI in-process and returns the exit code (tests call this). */
    public static int mainWithoutExit(String[] args, OutputStream out, OutputStream err, InputStream in) {
        args = splitFixLevel(args);
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        boolean terminal = out == System.out && System.console() != null;
        Io io = new Io(o, e, in == null ? new ByteArrayInputStream(new byte[0]) : in, terminal);
        IO.set(io);
        try {
            FastLint.Parsed fast = FastLint.parse(args);
            if (fast != null) {
                return FastLint.run(fast, io);
            }
            return commandLine(o, e, args).execute(args);
        } finally {
            IO.remove();
            o.flush();
            e.flush();
        }
    }

    /** {@code --fix=suggested} becomes {@code --fix --fix-level=suggested}; a bare {@code --fix} takes no value. */
    static String[] splitFixLevel(String[] args) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--fix=")) {
                out.add("--fix");
                out.add("--fix-level=" + a.substring("--fix=".length()));
            } else {
                out.add(a);
            }
            if (a.equals("--")) {
                break;
            }
        }
        int consumed = 0;
        for (String a : args) {
            consumed++;
            if (a.equals("--")) {
                break;
            }
        }
        for (int i = consumed; i < args.length; i++) {
            out.add(args[i]);
        }
        return out.toArray(new String[0]);
    }

    /** The subcommands by name; a holder, so that the lint path loads none of their classes. */
    static final class Subcommands {
        static final java.util.Map<String, java.util.function.Supplier<Object>> ALL;

        static {
            java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
            m.put("lint", LintCommand::new);
            m.put("parse", ParseCommand::new);
            m.put("rules", RulesCommand::new);
            m.put("explain", ExplainCommand::new);
            m.put("rewrite", RewriteCommand::new);
            m.put("image", ImageCommand::new);
            m.put("sizes", SizesCommand::new);
            m.put("measure", () -> {
                // the rewrite engine is loaded only when something is measured, not on every lint
                MeasureCommand.addRewriter("rewritten", RewriteCommand.asRewriter());
                return new MeasureCommand();
            });
            m.put("completion", CompletionCommand::new);
            ALL = java.util.Collections.unmodifiableMap(m);
        }
    }

    /** The full command tree (for completion scripts and tests). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[] {"completion"});
    }

    /**
     * The command tree for these arguments. Building picocli's model of a command costs start-up
     * time (reflection over its annotations), and a pre-commit hook starts dockdiet on every
     * commit, so only the subcommand the arguments name is built; {@code completion} builds all.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = new CommandLine(new Top());
        String first = null;
        for (String a : args) {
            if (!a.startsWith("-")) {
                first = a;
                break;
            }
        }
        if ("completion".equals(first)) {
            Subcommands.ALL.forEach((name, make) -> cl.addSubcommand(name, make.get()));
        } else if (first != null && Subcommands.ALL.containsKey(first)) {
            cl.addSubcommand(first, Subcommands.ALL.get(first).get());
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof LintCommand.UsageError) {
                c.getErr().println("dockdiet: " + ex.getMessage());
                c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
                c.getErr().flush();
                return 2;
            }
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug"));
            c.getErr().println("dockdiet: " + message(ex));
            if (debug) {
                ex.printStackTrace(c.getErr());
            }
            c.getErr().flush();
            return 2;
        });
        cl.setParameterExceptionHandler((ex, badArgs) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("dockdiet: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return 2;
        });
        return cl;
    }

    static String message(Throwable ex) {
        if (ex instanceof RunFailure || ex instanceof ConfigException) {
            return ex.getMessage();
        }
        if (ex.getClass().getSimpleName().equals("EngineException")) {
            return ex.getMessage();
        }
        String m = ex.getMessage();
        return "internal error: " + ex.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                + " (run with --debug for details, and please report it)";
    }

    static Io io(CommandSpec spec) {
        Io io = IO.get();
        if (io == null) {
            io = new Io(spec.commandLine().getOut(), spec.commandLine().getErr(), System.in, false);
        }
        return io;
    }

    /** Colour for the text report: only on a terminal, never with NO_COLOR set (unless --color=always). */
    static boolean colour(String when, Io io) {
        String w = when == null ? "auto" : when.toLowerCase(Locale.ROOT);
        return switch (w) {
            case "always" -> true;
            case "never" -> false;
            default -> io.terminal() && System.getenv("NO_COLOR") == null;
        };
    }

    private static volatile Linter linter;

    static Linter linter() {
        Linter l = linter;
        if (l == null) {
            synchronized (Main.class) {
                if (linter == null) {
                    linter = new Linter(dev.dockdiet.rules.Rules.all(), dev.dockdiet.lint.DefaultServices::get);
                }
                l = linter;
            }
        }
        return l;
    }

    static RuleSettings settings(Config cfg, Path contextDir) {
        return new RuleSettings(cfg.trustedRegistries(), cfg.allowedBaseImages(), contextDir,
                cfg.sizeBudget().isPresent() ? cfg.sizeBudget().getAsLong() : null, cfg.labelSchema(),
                cfg.strictLabels());
    }


}
