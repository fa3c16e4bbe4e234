package dev.dockdiet.lint;

import dev.dockdiet.config.Baseline;
import dev.dockdiet.config.CheckDirective;
import dev.dockdiet.config.Config;
import dev.dockdiet.config.Suppressions;
import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rules.Rules;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.size.KnowledgeBase;
import dev.dockdiet.size.SavingsLedger;
import dev.dockdiet.size.SizePicture;
import dev.dockdiet.syntax.Comment;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Parallel;
import dev.dockdiet.syntax.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Lints one Dockerfile: parse, run the enabled rules, apply configuration, inline suppressions and
 * the baseline. Thread-safe; the CLI calls it for many files in parallel. It never prints.
 */
public final class Linter {

    /** A rule that threw: a bug in dockdiet, reported as a run failure, never swallowed. */
    public record RuleFailure(String ruleId, RuntimeException error) {
    }

    /**
     * Everything known about one linted file.
     *
     * @param notes lines for the user that are not findings (e.g. a registry that gave no size)
     */
    public record Result(Dockerfile model, List<Finding> findings, List<RuleFailure> failures, SizePicture size,
                         List<String> notes) {
        public Result(Dockerfile model, List<Finding> findings, List<RuleFailure> failures, SizePicture size) {
            this(model, findings, failures, size, List.of());
        }

        /**
         * This result with the fixes that {@link #fix} refused marked: the finding stays, its fix
         * description says "fixable but refused by --fix: why", and a note names it. A refusal that
         * matches no finding here (this text is not the one fixed) is only a note.
         */
        public Result withRefusals(List<SafeFixer.Refusal> refused) {
            if (refused.isEmpty()) {
                return this;
            }
            Map<List<Object>, String> why = new java.util.HashMap<>();
            List<String> more = new ArrayList<>(notes);
            for (SafeFixer.Refusal r : refused) {
                Finding f = r.finding();
                why.putIfAbsent(List.of(f.rule().id(), f.range(), f.fix()), r.reason());
                more.add("fix of " + f.rule().id() + " " + f.rule().name() + " at line " + f.range().startLine()
                        + " refused (" + f.fix().description() + "): " + r.reason());
            }
            List<Finding> marked = new ArrayList<>(findings.size());
            for (Finding f : findings) {
                String reason = f.fix() == null ? null : why.get(List.of(f.rule().id(), f.range(), f.fix()));
                marked.add(reason == null ? f : f.withFix(f.fix().refusedBecause(reason)));
            }
            return new Result(model, List.copyOf(marked), failures, size, List.copyOf(more));
        }
    }

    private static final Comparator<Finding> ORDER = Comparator
            .comparingInt((Finding f) -> f.range().start())
            .thenComparingInt(f -> f.range().end())
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::message);

    private final List<Rule> rules;
    private final Function<Class<?>, Object> services;
    private final OnlineSizes online;
    /** Threads checking one file's rules: 0 for {@link Parallel#threadsFor}; a test sets it (1: one thread). */
    private final int threads;

    public Linter(List<Rule> rules, Function<Class<?>, Object> services) {
        this(rules, services, null);
    }

    private Linter(List<Rule> rules, Function<Class<?>, Object> services, OnlineSizes online) {
        this(rules, services, online, 0);
    }

    private Linter(List<Rule> rules, Function<Class<?>, Object> services, OnlineSizes online, int threads) {
        this.threads = threads;
        this.rules = List.copyOf(rules);
        this.services = services;
        this.online = online;
    }

    /** The same linter, asking registries for the sizes of bases the knowledge base does not know. */
    public Linter withOnlineSizes(OnlineSizes sizes) {
        return new Linter(rules, services, sizes, threads);
    }

    /** The same linter checking every file's rules on {@code n} threads, whatever its size (for tests). */
    Linter withThreads(int n) {
        return new Linter(rules, services, online, n);
    }

    public Linter() {
        this(Rules.all(), t -> null);
    }

    /** At most this many passes of fixes change a file (then the fixes are reported as not converging). */
    public static final int MAX_FIX_PASSES = 10;

    /**
     * Applies the fixes allowed at {@code level} until nothing changes, refusing any fix whose
     * result has a finding the text before it did not have (a DD001 parse error included): see
     * {@link SafeFixer}. No baseline: a fix must not add a finding even where a baseline would hide it.
     */
    public SafeFixer.Result fix(String text, Path path, String displayPath, Config config, RuleSettings settings,
                                Function<Class<?>, Object> services, Applicability level) {
        return SafeFixer.fix(text, t -> lint(t, path, displayPath, config, settings, null, services).findings(), level,
                MAX_FIX_PASSES);
    }

    /**
     * @param text the file text without BOM
     * @param path the file (for the build context and messages), null for stdin
     * @param displayPath the baseline key: the repository-relative path machine formats report
     * @param baseline findings to hide, or null
     */
    public Result lint(String text, Path path, String displayPath, Config config, RuleSettings settings,
                       Baseline baseline) {
        return lint(text, path, displayPath, config, settings, baseline, services);
    }

    /** As above, with the services for this file's configuration (e.g. its private base images). */
    public Result lint(String text, Path path, String displayPath, Config config, RuleSettings settings,
                       Baseline baseline, Function<Class<?>, Object> services) {
        Dockerfile df = Dockerfile.parse(text);
        List<String> notes = List.of();
        if (online != null) {
            OnlineSizes.Prepared prepared = online.prepare(df, services);
            services = prepared.services();
            notes = prepared.notes();
        }
        Set<String> ran = new HashSet<>();
        CheckDirective check = CheckDirective.of(df);
        Set<String> byDirective = new HashSet<>();
        List<Rule> selected = new ArrayList<>();
        for (Rule rule : rules) {
            String id = rule.meta().id();
            // an opt-in rule also runs when BuildKit's # check=experimental= names it
            if (!config.isEnabled(rule.meta())) {
                if (!(config.isEnabled(id) && check.enablesExperimental(rule.meta()))) {
                    continue;
                }
                byDirective.add(id);
            }
            ran.add(id);
            selected.add(rule);
        }
        RuleRun[] runs = new RuleRun[selected.size()];
        int threads = this.threads > 0 ? this.threads : Parallel.threadsFor(text);
        if (threads <= 1) {
            Map<Instruction.Run, ShellScript> scripts = new IdentityHashMap<>();
            Map<Object, Object> shared = new java.util.HashMap<>();
            for (int i = 0; i < runs.length; i++) {
                runs[i] = check(selected.get(i), new RuleContext(df, path, settings, scripts, services, shared));
            }
        } else {
            // a big file: its RUN scripts parsed and its rules checked on every core. The parsed
            // scripts are then read-only; what the rules share is computed at most once per key.
            Map<Instruction.Run, ShellScript> scripts = parseScripts(df, threads);
            java.util.concurrent.ConcurrentMap<Object, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();
            Function<Class<?>, Object> svc = services;
            Parallel.run("rules", threads, runs.length, i -> runs[i] = check(selected.get(i),
                    RuleContext.withParsedScripts(df, path, settings, scripts, svc, shared)));
        }
        List<Finding> raw = new ArrayList<>();
        List<RuleFailure> failures = new ArrayList<>();
        for (int i = 0; i < runs.length; i++) {
            if (runs[i].failure() != null) {
                failures.add(new RuleFailure(selected.get(i).meta().id(), runs[i].failure()));
            } else {
                raw.addAll(runs[i].findings());
            }
        }
        // BuildKit's # check= directive (skip=, experimental=, error=) for the rules that are BuildKit checks
        List<Finding> findings = config.apply(check.apply(raw, config::explicitlyEnables), byDirective);

        if (!config.disableIgnorePragma()) {
            // hadolint's disable-ignore-pragma: no ignore comment is honoured (nor checked)
            List<Suppressions.Comment> comments = new ArrayList<>();
            for (Comment c : df.comments()) {
                comments.add(new Suppressions.Comment(text.substring(c.range().start(), c.range().end()), c.range()));
            }
            List<SourceRange> instructions = df.instructions().stream().map(Instruction::range).toList();
            Suppressions sup = new Suppressions(Rules::resolve, ran::contains, false);
            // the linter's own findings obey the config too
            Suppressions.Result r = sup.apply(text, comments, instructions, findings);
            findings = config.apply(r.all(), byDirective);
        }
        if (baseline != null) {
            findings = baseline.newFindings(displayPath, text, findings);
        }
        findings = new ArrayList<>(findings);
        findings.sort(ORDER);
        findings = SavingsLedger.countOnce(findings);
        SizePicture size = null;
        if (failures.isEmpty() && df.finalStage().isPresent()) {
            Object kb = services.apply(KnowledgeBase.class);
            size = SizeSummary.of(df, findings, kb instanceof KnowledgeBase k ? k : null);
        }
        return new Result(df, List.copyOf(findings), List.copyOf(failures), size, notes);
    }

    /** What one rule found in a file, or why it failed. */
    private record RuleRun(List<Finding> findings, RuntimeException failure) {
    }

    private static RuleRun check(Rule rule, RuleContext ctx) {
        try {
            rule.check(ctx);
            return new RuleRun(ctx.findings(), null);
        } catch (RuntimeException e) {
            return new RuleRun(List.of(), e);
        } catch (StackOverflowError e) {
            // hostile input that a rule recursed too deeply on: a failure of that rule, not of the run
            return new RuleRun(List.of(), new IllegalStateException("stack overflow", e));
        }
    }

    /** Whether a text is big enough for its work to be spread over several threads ({@link Parallel#threadsFor}). */
    public static boolean isBig(String text) {
        return Parallel.threadsFor(text) > 1;
    }

    /** The scripts of every RUN of the file (ONBUILD triggers included), parsed on {@code threads} threads. */
    private static Map<Instruction.Run, ShellScript> parseScripts(Dockerfile df, int threads) {
        List<Instruction.Run> all = df.all(Instruction.Run.class);
        ShellScript[] parsed = new ShellScript[all.size()];
        Parallel.run("scripts", threads, all.size(), i -> parsed[i] = dev.dockdiet.shell.ShellParser.parse(all.get(i).script()));
        Map<Instruction.Run, ShellScript> scripts = new IdentityHashMap<>(all.size() * 2);
        for (int i = 0; i < parsed.length; i++) {
            scripts.put(all.get(i), parsed[i]);
        }
        return scripts;
    }
}
