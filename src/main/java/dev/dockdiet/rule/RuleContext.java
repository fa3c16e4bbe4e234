package dev.dockdiet.rule;

import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a rule sees while it checks one file, and where it reports. One context per file and
 * rule run; not shared between threads (the contexts of one file's rules may run on several: see
 * {@link #withParsedScripts}).
 */
public final class RuleContext {

    private final Dockerfile file;
    private final Path path;
    private final RuleSettings settings;
    private final Map<Instruction.Run, ShellScript> scripts;
    private final Function<Class<?>, Object> services;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<Object, Object> memos = new java.util.HashMap<>();
    private final Map<Object, Object> shared;
    /** When the scripts map is read-only: scripts it lacks are parsed into this context's own map. */
    private final boolean parsedScripts;
    private Map<Instruction.Run, ShellScript> ownScripts;

    /**
     * @param scripts a per-file cache of parsed RUN scripts, shared by the rules checking the file
     * @param services optional collaborators by type (e.g. the size knowledge base)
     */
    public RuleContext(Dockerfile file, Path path, RuleSettings settings, Map<Instruction.Run, ShellScript> scripts,
                       Function<Class<?>, Object> services) {
        this(file, path, settings, scripts, services, new java.util.HashMap<>());
    }

    /**
     * @param shared a per-file map for {@link #sharedMemo}, shared by the contexts of the rules
     *               checking the file (like {@code scripts})
     */
    public RuleContext(Dockerfile file, Path path, RuleSettings settings, Map<Instruction.Run, ShellScript> scripts,
                       Function<Class<?>, Object> services, Map<Object, Object> shared) {
        this(file, path, settings, scripts, services, shared, false);
    }

    private RuleContext(Dockerfile file, Path path, RuleSettings settings, Map<Instruction.Run, ShellScript> scripts,
                        Function<Class<?>, Object> services, Map<Object, Object> shared, boolean parsedScripts) {
        this.parsedScripts = parsedScripts;
        this.shared = shared;
        this.file = file;
        this.path = path;
        this.settings = settings;
        this.scripts = scripts;
        this.services = services;
    }

    /**
     * A context whose rule may run on another thread than the other rules of the file: {@code scripts}
     * holds the file's parsed RUN scripts and is only read (a script it lacks is parsed for this
     * context alone), and {@code shared} must be a concurrent map.
     */
    public static RuleContext withParsedScripts(Dockerfile file, Path path, RuleSettings settings,
                                                Map<Instruction.Run, ShellScript> scripts,
                                                Function<Class<?>, Object> services,
                                                java.util.concurrent.ConcurrentMap<Object, Object> shared) {
        return new RuleContext(file, path, settings, scripts, services, shared, true);
    }

    /** A context for tests and one-off checks. */
    public static RuleContext of(Dockerfile file) {
        return new RuleContext(file, null, RuleSettings.defaults(), new IdentityHashMap<>(), t -> null);
    }

    public Dockerfile file() {
        return file;
    }

    /** The file's path, or null for stdin and tests. */
    public Path path() {
        return path;
    }

    /**
     * True for a Dockerfile under a {@code .devcontainer} directory: it builds a development
     * environment, where full images, compilers, dev dependencies, debuggers and {@code USER root}
     * (the tool connects as devcontainer.json's {@code remoteUser}) are the point.
     */
    public boolean isDevContainer() {
        if (path == null) {
            return false;
        }
        for (Path part : path) {
            if (part.toString().equals(".devcontainer")) {
                return true;
            }
        }
        return false;
    }

    public RuleSettings settings() {
        return settings;
    }

    /** The parsed shell script of a RUN (parsed once per file, whichever rule asks first). */
    public ShellScript shell(Instruction.Run run) {
        if (!parsedScripts) {
            return scripts.computeIfAbsent(run, r -> dev.dockdiet.shell.ShellParser.parse(r.script()));
        }
        ShellScript s = scripts.get(run);
        if (s != null) {
            return s;
        }
        if (ownScripts == null) {
            ownScripts = new IdentityHashMap<>();
        }
        return ownScripts.computeIfAbsent(run, r -> dev.dockdiet.shell.ShellParser.parse(r.script()));
    }

    /**
     * A value computed once per context (one file, one rule) under {@code key}: an index a rule
     * builds over the file once instead of rescanning the file for every instruction it checks.
     */
    public <T> T memo(Object key, java.util.function.Supplier<T> make) {
        @SuppressWarnings("unchecked")
        T v = (T) memos.get(key);
        if (v == null) {
            v = make.get();
            memos.put(key, v);
        }
        return v;
    }

    /**
     * A value computed once per file under {@code key} and shared by every rule that asks for it (so
     * it must be immutable and depend on the file only): e.g. the commands of all RUNs, which many
     * rules walk.
     */
    public <T> T sharedMemo(Object key, java.util.function.Supplier<T> make) {
        @SuppressWarnings("unchecked")
        T v = (T) shared.get(key);
        if (v == null) {
            v = make.get();
            // concurrent contexts may both compute it (the same value: it depends on the file only); the first is kept
            @SuppressWarnings("unchecked")
            T first = (T) shared.putIfAbsent(key, v);
            if (first != null) {
                v = first;
            }
        }
        return v;
    }

    /** A collaborator by type, or null when none was given. */
    public <T> T service(Class<T> type) {
        return type.cast(services.apply(type));
    }

    public void report(Finding finding) {
        findings.add(finding);
    }

    public void report(RuleMeta rule, SourceRange range, String message) {
        findings.add(new Finding(rule, message, range));
    }

    public void report(RuleMeta rule, SourceRange range, String message, Fix fix) {
        findings.add(new Finding(rule, message, range).withFix(fix));
    }

    public List<Finding> findings() {
        return findings;
    }
}
