package dev.dockdiet.cli;

import dev.dockdiet.config.Baseline;
import dev.dockdiet.config.Config;
import dev.dockdiet.config.ConfigException;
import dev.dockdiet.config.ConfigLoader;
import dev.dockdiet.config.FailOn;
import dev.dockdiet.lint.SafeFixer;
import dev.dockdiet.fix.TextFile;
import dev.dockdiet.fix.UnifiedDiff;
import dev.dockdiet.lint.DefaultServices;
import dev.dockdiet.lint.DockerfileFinder;
import dev.dockdiet.lint.Linter;
import dev.dockdiet.lint.ReportPaths;
import dev.dockdiet.report.FileReport;
import dev.dockdiet.report.LintReport;
import dev.dockdiet.report.ReportOptions;
import dev.dockdiet.report.Reporter;
import dev.dockdiet.report.Reporters;
import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rules.Rules;
import dev.dockdiet.size.SizePicture;
import dev.dockdiet.syntax.Parallel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockdiet [lint] [PATH...]}: lint Dockerfiles and report. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Lint Dockerfiles: image size, build correctness, security and style. "
                + "A PATH is a file, a directory (searched for Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, "
                + "Containerfile; .git, node_modules, target and .gitignore'd paths skipped), or - for stdin.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above the --fail-on threshold", "1:findings at or above the threshold",
                "2:the run failed (bad option, unreadable file, broken config); one line on stderr"})
public class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "files, directories or - (default: the current directory)")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "NAME[=FILE]",
            description = "text (default), json, sarif, checkstyle, github, gitlab, rdjson; repeat with =FILE to write several")
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report here instead of stdout")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "error, warning, info, style or none (default: the config's, else warning)")
    String failOn;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "use this config instead of discovering .dockdiet.yaml (or .hadolint.yaml) upwards from each file")
    Path config;

    @Option(names = "--stdin-filename", paramLabel = "NAME",
            description = "the path of - (relative to the working directory): reported, and where its config is found")
    String stdinFilename;

    @Option(names = "--root", paramLabel = "DIR",
            description = "report paths relative to DIR in the machine formats (default: each file's git top level)")
    Path root;

    @Option(names = "--fix", description = "apply safe fixes in place; --fix=suggested also applies fixes that may change behaviour")
    boolean fixFlag;

    /** {@code --fix=LEVEL} arrives here (Main splits it off so that {@code --fix FILE} stays a file). */
    @Option(names = "--fix-level", hidden = true, paramLabel = "safe|suggested")
    String fix;

    @Option(names = "--diff", description = "print the fixes as a unified diff instead of writing files (implies --fix; exit 1 when a file would change)")
    boolean diff;

    @Option(names = "--baseline", paramLabel = "FILE", description = "report only findings that are not in this baseline")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "record today's findings as the baseline and exit 0")
    Path writeBaseline;

    @Option(names = "--context", paramLabel = "DIR", description = "the build context (default: the Dockerfile's directory)")
    Path context;

    @Option(names = "--ignore", paramLabel = "RULE", split = ",", description = "skip rules (ids, names or hadolint codes)")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--select", paramLabel = "RULE", split = ",", description = "run only these rules")
    List<String> select = new ArrayList<>();

    @Option(names = "--color", paramLabel = "WHEN", description = "auto (default: on a terminal, unless NO_COLOR is set), always, never")
    String color = "auto";

    @Option(names = "--debug", description = "print stack traces of internal errors")
    boolean debug;

    /**
     * A bad option value found while running (an unknown format or rule): exit code 2 with the
     * message and a pointer to --help, as picocli reports a bad option. Not picocli's own
     * ParameterException, so that the lint path runs without picocli (see {@link FastLint}).
     */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    private static UsageError usageError(String message) {
        return new UsageError(message);
    }

    @Option(names = "--online", description = "ask registries for the exact size of bases the knowledge base does not know (cached; no network without it)")
    boolean online;

    /**
     * One file to lint: where its text comes from and how it is reported.
     *
     * @param display the path for people (stderr, the text format): relative to the working directory
     * @param located the path for machine formats: relative to the repository root (see {@link ReportPaths})
     */
    private record Input(Path path, String display, boolean stdin, ReportPaths.Located located) {

        /** The file's baseline key: its machine path (repository-relative), as reports name it. */
        String baselineKey() {
            return located == null ? display : located.path();
        }

        /** The baseline for this file: also knows findings that older baselines recorded under the display path. */
        Baseline baseline(Baseline base) {
            return base == null ? null : base.withLegacyKey(display);
        }

        /** The file's report: the machine path, its root, and the path for people. */
        FileReport report(String source, List<Finding> findings, SizePicture size, boolean bom) {
            return located(new FileReport(located == null ? display : located.path(), source, findings, size, bom));
        }

        /** The report of this file when it could not be read; {@code error} is the stderr line (after "dockdiet: "). */
        FileReport unreadable(String error) {
            String reason = error != null && error.startsWith(display + ": ") ? error.substring(display.length() + 2) : error;
            return located(FileReport.unreadable(located == null ? display : located.path(), reason));
        }

        private FileReport located(FileReport r) {
            return r.located(located == null || located.root() == null ? null : ReportOptions.directoryUri(located.root()),
                    display);
        }
    }

    private record Outcome(Input input, TextFile file, Linter.Result result, Config config, String error, String diff) {
        Outcome(Input input, TextFile file, Linter.Result result, Config config, String error) {
            this(input, file, result, config, error, null);
        }
    }

    private Linter onlineLinter;

    /** The linter that asks registries (--online or a config's sizes.registry), made on first need. */
    private synchronized Linter onlineLinter(Linter linter) {
        if (onlineLinter == null) {
            onlineLinter = linter.withOnlineSizes(new dev.dockdiet.lint.OnlineSizes(
                    dev.dockdiet.size.registry.RegistrySizes.standard()));
        }
        return onlineLinter;
    }

    @Override
    public Integer call() throws Exception {
        Main.Io io = Main.io(spec);
        Applicability fixLevel = parseFix();
        if (diff && fixLevel == null) {
            fixLevel = Applicability.SAFE;
        }
        FailOn cliFailOn = parseFailOn();
        Map<String, Path> targets = parseFormats();
        ReportPaths reportPaths = reportPaths();
        List<Input> inputs = inputs(reportPaths);
        ConfigLoader loader = new ConfigLoader(Rules::resolve);
        Config explicit = null;
        if (config != null) {
            explicit = loadConfig(loader, config);
        }
        Baseline base = null;
        if (baseline != null) {
            try {
                base = Baseline.load(baseline);
            } catch (ConfigException e) {
                throw new RunFailure(e.getMessage());
            }
        }
        Linter linter = Main.linter();
        List<Outcome> outcomes = lintAll(inputs, loader, explicit, linter, base, fixLevel, io);

        int failures = 0;
        for (Outcome o : outcomes) {
            if (o.result() != null) {
                for (String note : o.result().notes()) {
                    io.err().println("dockdiet: " + o.input().display() + ": " + note);
                }
            }
            if (o.error() != null) {
                io.err().println("dockdiet: " + o.error());
                failures++;
            } else if (!o.result().failures().isEmpty()) {
                for (Linter.RuleFailure f : o.result().failures()) {
                    io.err().println("dockdiet: internal error in rule " + f.ruleId() + " on " + o.input().display()
                            + ": " + f.error() + " (please report this)");
                    if (debug) {
                        f.error().printStackTrace(io.err());
                    }
                }
                failures++;
            }
        }
        if (writeBaseline != null) {
            Baseline.Builder b = Baseline.builder();
            for (Outcome o : outcomes) {
                if (o.result() != null) {
                    b.add(o.input().baselineKey(), o.file().text(), o.result().findings());
                }
            }
            try {
                b.build().write(writeBaseline);
            } catch (IOException e) {
                throw new RunFailure(describeWrite(writeBaseline.toString(), e)
                        .replace("cannot write the fixes", "cannot write the baseline"));
            }
            io.err().println("dockdiet: baseline of " + b.build().entries().size() + " findings written to " + writeBaseline);
            return failures > 0 ? 2 : 0;
        }

        List<FileReport> files = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.result() != null) {
                SizePicture size = o.result().size();
                files.add(o.input().report(o.file().text(), o.result().findings(), size, o.file().bom()));
            } else {
                files.add(o.input().unreadable(o.error()));
            }
        }
        if (diff) {
            // like `ruff --diff`: the diff is the output; exit 1 when a file would change
            boolean changes = false;
            for (Outcome o : outcomes) {
                if (o.diff() != null) {
                    io.out().print(o.diff());
                    changes = true;
                }
            }
            io.out().flush();
            return failures > 0 ? 2 : changes ? 1 : 0;
        }
        if (fixLevel != null && outcomes.size() == 1 && outcomes.get(0).input().stdin()) {
            // --fix -: the (fixed or unchanged) text goes to stdout, the findings that remain decide the exit code
            Outcome o = outcomes.get(0);
            if (o.file() != null) {
                io.out().print(o.file().text());
                io.out().flush();
            }
            if (failures > 0) {
                return 2;
            }
            Linter.Result left = o.file() == null ? null : Main.linter().lint(o.file().text(), null, o.input().baselineKey(),
                    o.config(), Main.settings(o.config(), Path.of(o.input().display()).toAbsolutePath().getParent()),
                    o.input().baseline(base));
            FailOn threshold = cliFailOn != null ? cliFailOn : o.config().failOnOr(FailOn.WARNING);
            return left != null && left.findings().stream().anyMatch(f -> threshold.failsOn(f.severity())) ? 1 : 0;
        }
        if (fixLevel != null && !diff && outcomes.stream().anyMatch(o -> o.input().stdin())) {
            throw new RunFailure("--fix with - needs - to be the only input (the fixed text goes to stdout); use --diff");
        }
        LintReport report = new LintReport(Version.VERSION, files, Rules.metas(), RuleDocs::pageById);
        writeReports(report, targets, reportPaths.defaultRoot(), io);

        if (failures > 0) {
            return 2;
        }
        for (Outcome o : outcomes) {
            FailOn threshold = cliFailOn != null ? cliFailOn : o.config().failOnOr(FailOn.WARNING);
            for (Finding f : o.result().findings()) {
                if (threshold.failsOn(f.severity())) {
                    return 1;
                }
            }
        }
        return 0;
    }

    private List<Outcome> lintAll(List<Input> inputs, ConfigLoader loader, Config explicit, Linter linter, Baseline base,
                                  Applicability fixLevel, Main.Io io) throws Exception {
        int threads = Math.max(1, Math.min(inputs.size(), Runtime.getRuntime().availableProcessors()));
        List<Outcome> out = new ArrayList<>();
        if (threads <= 1) {
            for (Input in : inputs) {
                Outcome o = lintOne(in, loader, explicit, linter, base, fixLevel, io);
                if (o != null) {
                    out.add(o);
                }
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dockdiet-lint");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Input in : inputs) {
                futures.add(pool.submit(() -> lintOne(in, loader, explicit, linter, base, fixLevel, io)));
            }
            for (Future<Outcome> f : futures) {
                try {
                    Outcome o = f.get();
                    if (o != null) {
                        out.add(o);
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Exception ex) {
                        throw ex;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private Outcome lintOne(Input in, ConfigLoader loader, Config explicit, Linter linter, Baseline base,
                            Applicability fixLevel, Main.Io io) throws IOException {
        Config cfg;
        try {
            cfg = explicit != null ? explicit : loader.forFile(in.stdin() ? Path.of(in.display()) : in.path());
        } catch (ConfigException e) {
            throw new RunFailure(e.getMessage());
        }
        cfg = withCliRules(cfg);
        if (!in.stdin() && cfg.isExcluded(in.path())) {
            return null;
        }
        TextFile file;
        try {
            file = read(in, io);
        } catch (NoSuchFileException e) {
            return new Outcome(in, null, null, cfg, in.display() + ": no such file or directory" + typoOfCommand(in));
        } catch (IOException e) {
            return new Outcome(in, null, null, cfg, describe(in, e));
        }
        if (file.text().indexOf('\0') >= 0) {
            return new Outcome(in, null, null, cfg, in.display() + ": not a text file (it contains NUL bytes)");
        }
        RuleSettings settings = Main.settings(cfg, context != null ? context
                : (in.path() != null && in.path().getParent() != null ? in.path().getParent()
                : Path.of(in.display()).toAbsolutePath().getParent()));
        var services = DefaultServices.forConfig(cfg);
        final Linter lint = online || cfg.registrySizes() ? onlineLinter(linter) : linter;
        // the reports' scan for secrets of the text they will show: beside the lint for a big file that
        // --fix leaves alone (the lint uses every core then, but not all the time), else after it on this
        // thread (one of several, one per file); a run that writes a baseline writes no report
        boolean reported = writeBaseline == null;
        TextFile read = file;
        Thread beside = reported && fixLevel == null && Linter.isBig(read.text())
                ? Parallel.start("report", () -> FileReport.prepare(read.text())) : null;
        Outcome o = lintAndFix(in, file, cfg, settings, services, lint, base, fixLevel);
        if (beside != null) {
            Parallel.join(beside);
        } else if (reported && o.file() != null) {
            FileReport.prepare(o.file().text());
        }
        return o;
    }

    /** The file's lint, and with {@code fixLevel} its fixes: written, or kept for the diff or stdout. */
    private Outcome lintAndFix(Input in, TextFile file, Config cfg, RuleSettings settings,
                               java.util.function.Function<Class<?>, Object> services, Linter lint, Baseline base,
                               Applicability fixLevel) {
        Linter.Result result = lint.lint(file.text(), in.path(), in.baselineKey(), cfg, settings, in.baseline(base), services);
        if (fixLevel != null) {
            SafeFixer.Result fixed = lint.fix(file.text(), in.path(), in.display(), cfg, settings, services, fixLevel);
            result = result.withRefusals(fixed.refused());
            if (fixed.changed()) {
                if (diff) {
                    return new Outcome(in, file, result, cfg, null, shownDiff(in.display(), file.text(), fixed.text()));
                } else if (in.stdin()) {
                    // stdin has no file to write: the fixed text is the output (like `ruff --fix -`)
                    return new Outcome(in, new TextFile(null, fixed.text(), file.bom()), result, cfg, null, null);
                } else {
                    try {
                        file.write(fixed.text());
                    } catch (IOException e) {
                        // one line for this file; its findings are still reported, the other files still fixed
                        return new Outcome(in, file, result, cfg, describeWrite(in.display(), e));
                    }
                    file = new TextFile(file.path(), fixed.text(), file.bom());
                    result = lint.lint(file.text(), in.path(), in.baselineKey(), cfg, settings, in.baseline(base), services)
                            .withRefusals(fixed.refused());
                }
            }
        }
        return new Outcome(in, file, result, cfg, null);
    }

    /** "; did you mean `explain`?" when a missing first path looks like a mistyped subcommand. */
    private String typoOfCommand(Input in) {
        if (paths.isEmpty() || !paths.get(0).equals(in.display()) || in.display().contains("/")
                || in.display().contains(".")) {
            return "";
        }
        String best = null;
        int bestDistance = 3;
        for (String name : FastLint.SUBCOMMANDS) {
            int d = dev.dockdiet.syntax.EditDistance.osa(in.display().toLowerCase(Locale.ROOT), name);
            if (d < bestDistance && d < name.length()) {
                best = name;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean `" + best + "`?";
    }

    private static String describe(Input in, IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return in.display() + ": permission denied";
        }
        if (m != null && m.contains("not valid UTF-8")) {
            return in.display() + ": not a text file (not valid UTF-8)";
        }
        return in.display() + ": cannot read: " + (m == null ? e.getClass().getSimpleName() : m);
    }

    /** "Dockerfile: cannot write the fixes (permission denied); the file is unchanged". */
    static String describeWrite(String display, IOException e) {
        String why;
        if (e instanceof java.nio.file.AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            why = f.getReason();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return display + ": cannot write the fixes (" + why.toLowerCase(Locale.ROOT) + "); the file is unchanged";
    }

    private TextFile read(Input in, Main.Io io) throws IOException {
        if (in.stdin()) {
            InputStream s = io.in();
            return TextFile.decode(Path.of(in.display()), s.readAllBytes());
        }
        if (Files.isDirectory(in.path())) {
            throw new IOException("is a directory");
        }
        if (!Files.exists(in.path(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(in.path().toString());
        }
        if (!Files.exists(in.path())) {
            throw new IOException("broken or looping symbolic link");
        }
        if (!Files.isRegularFile(in.path())) {
            // a FIFO would block forever and /dev/zero would be read until memory runs out
            throw new IOException("not a regular file");
        }
        long size = Files.size(in.path());
        if (size > 64L * 1024 * 1024) {
            throw new IOException("larger than 64 MB; not a Dockerfile");
        }
        return TextFile.read(in.path());
    }

    private Config withCliRules(Config c) {
        if (ignore.isEmpty() && select.isEmpty()) {
            return c;
        }
        List<String> ig = new ArrayList<>(c.ignore());
        for (String r : ignore) {
            ig.add(resolveRule(r));
        }
        List<String> sel = new ArrayList<>(c.select());
        for (String r : select) {
            sel.add(resolveRule(r));
        }
        return c.withRules(ig, sel);
    }

    private String resolveRule(String r) {
        return Rules.resolve(r).orElseThrow(() -> usageError("unknown rule '" + r + "'"));
    }

    private Config loadConfig(ConfigLoader loader, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RunFailure(file + ": no such config file");
        }
        try {
            return loader.load(file);
        } catch (ConfigException e) {
            throw new RunFailure(e.getMessage());
        }
    }

    /** Report paths from the working directory, with --root (which must be a directory) when given. */
    private ReportPaths reportPaths() {
        Path cwd = Path.of("").toAbsolutePath();
        if (root != null) {
            Path dir = cwd.resolve(root);
            if (!Files.exists(dir)) {
                throw new RunFailure("--root " + root + ": no such directory");
            }
            if (!Files.isDirectory(dir)) {
                throw new RunFailure("--root " + root + ": not a directory");
            }
        }
        return new ReportPaths(cwd, root);
    }

    private List<Input> inputs(ReportPaths reportPaths) throws IOException {
        List<String> ps = paths.isEmpty() ? List.of(".") : paths;
        List<Input> out = new ArrayList<>();
        for (String p : ps) {
            if (p.equals("-")) {
                // the name stands for a file at that path: reported like one (repository-relative)
                out.add(new Input(null, stdinFilename != null ? stdinFilename : "-", true,
                        stdinFilename != null ? reportPaths.locate(Path.of(stdinFilename)) : null));
                continue;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                List<Path> found = DockerfileFinder.find(path);
                for (Path f : found) {
                    out.add(new Input(f, display(f), false, reportPaths.locate(f)));
                }
                if (found.isEmpty() && !paths.isEmpty()) {
                    Main.io(spec).err().println("dockdiet: no Dockerfiles found in " + p);
                }
            } else {
                // a missing or unreadable path is reported for itself when it is read; the others are still linted
                out.add(new Input(path, display(path), false, reportPaths.locate(path)));
            }
        }
        return out;
    }

    private static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        String s = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : p.toString();
        return s.replace('\\', '/');
    }

    private Applicability parseFix() {
        if (fix == null) {
            return fixFlag ? Applicability.SAFE : null;
        }
        return switch (fix.toLowerCase(Locale.ROOT)) {
            case "safe" -> Applicability.SAFE;
            case "suggested", "unsafe" -> Applicability.SUGGESTED;
            default -> throw usageError("--fix takes safe or suggested, not '" + fix + "'");
        };
    }

    private FailOn parseFailOn() {
        if (failOn == null) {
            return null;
        }
        FailOn f = FailOn.parse(failOn);
        if (f == null) {
            throw usageError(
                    "--fail-on takes error, warning, info, style or none, not '" + failOn + "'");
        }
        return f;
    }

    private Map<String, Path> parseFormats() {
        Map<String, Path> out = new LinkedHashMap<>();
        List<String> fs = formats.isEmpty() ? List.of("text") : formats;
        int toStdout = 0;
        for (String f : fs) {
            int eq = f.indexOf('=');
            String name = (eq < 0 ? f : f.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!Reporters.NAMES.contains(name)) {
                throw usageError("unknown format '" + name + "'; valid formats: "
                        + String.join(", ", Reporters.NAMES));
            }
            Path target = eq < 0 ? output : Path.of(f.substring(eq + 1));
            if (target == null) {
                toStdout++;
            }
            out.put(name + (target == null ? "" : "=" + target), target);
        }
        if (toStdout > 1) {
            throw usageError("only one format can go to stdout; give the others =FILE");
        }
        return out;
    }

    private void writeReports(LintReport report, Map<String, Path> targets, Path srcRoot, Main.Io io) throws IOException {
        for (Map.Entry<String, Path> e : targets.entrySet()) {
            String name = e.getKey().contains("=") ? e.getKey().substring(0, e.getKey().indexOf('=')) : e.getKey();
            Path target = e.getValue();
            boolean colour = target == null && name.equals("text") && Main.colour(color, io);
            ReportOptions opts = ReportOptions.defaults().withColour(colour).withSrcRoot(srcRoot);
            Reporter reporter = Reporters.create(name, opts);
            if (target == null) {
                Writer w = io.out();
                reporter.write(report, w);
                w.flush();
            } else {
                Path parent = target.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (Writer w = new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8)) {
                    reporter.write(report, w);
                } catch (IOException ex) {
                    throw new RunFailure("cannot write " + target + ": " + ex.getMessage());
                }
            }
        }
    }


    /**
     * The {@code --diff} output: the diff of the two texts with secret values masked (stars of the same
     * length), so a token in a changed or context line is not printed. Such a diff is for reading;
     * {@code --fix} writes the real text. When the fix changes nothing but a secret value, one line says so.
     */
    static String shownDiff(String display, String original, String fixed) {
        String shown = UnifiedDiff.diff(display, dev.dockdiet.rule.Secrets.maskKeepingLength(original),
                dev.dockdiet.rule.Secrets.maskKeepingLength(fixed));
        if (shown.isEmpty() && !original.equals(fixed)) {
            return "# " + display + ": the fix changes only a secret value (not shown; dockdiet --fix applies it)\n";
        }
        return shown;
    }
}
