package dev.dockdiet.size.rewrite;

import dev.dockdiet.rule.Savings.SizeKind;
import dev.dockdiet.shell.ShellParser;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.size.Alternative;
import dev.dockdiet.size.ImageMatch;
import dev.dockdiet.size.KnowledgeBase;
import dev.dockdiet.size.SizeFigure;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.ImageRef;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Problem;
import dev.dockdiet.syntax.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a single-stage Dockerfile into a multi-stage one (the builder pattern): the original build
 * runs unchanged in a {@code build} stage on the original base, and a final stage on a runtime
 * image receives only what the program needs (the binary, the jar, the publish folder, production
 * {@code node_modules}, the Python virtual environment) plus the runtime settings of the original
 * (ENV, ARG, EXPOSE, USER, WORKDIR, LABEL, VOLUME, HEALTHCHECK, STOPSIGNAL, CMD, ENTRYPOINT). A
 * comment block at the top says what changed, why, the sizes at stake when the knowledge base
 * knows them, and what to check.
 *
 * <p>When it cannot be sure (unknown ecosystem, a build it cannot see, an artifact it cannot
 * locate, system packages the runtime may need) it refuses with a reason instead of guessing.
 *
 * <p>Stateless and thread-safe: every call works on its own data.
 */
public final class Rewriter {

    /** The runtime image for Go binaries. */
    public enum GoRuntime {
        /** {@code gcr.io/distroless/static-debian12:nonroot}: CA certificates, tzdata, /etc/passwd, no shell. */
        DISTROLESS,
        /** {@code scratch}: nothing at all; the CA certificates are copied from the build stage. */
        SCRATCH
    }

    /**
     * How to rewrite.
     *
     * @param contextDir the build context, read for lock files and project files (package-lock.json,
     *     *.csproj, package.json scripts); null when unknown (the rewrite then says what it could not check)
     * @param buildKit write BuildKit syntax ({@code # syntax=} and {@code RUN --mount=type=cache}); false
     *     for the classic builder
     * @param goRuntime the runtime image for Go
     */
    public record Options(Path contextDir, boolean buildKit, GoRuntime goRuntime) {

        public static Options defaults() {
            return new Options(null, true, GoRuntime.DISTROLESS);
        }

        public Options withContextDir(Path dir) {
            return new Options(dir, buildKit, goRuntime);
        }

        public Options withBuildKit(boolean on) {
            return new Options(contextDir, on, goRuntime);
        }

        public Options withGoRuntime(GoRuntime r) {
            return new Options(contextDir, buildKit, r);
        }
    }

    private final KnowledgeBase kb;
    private final Options options;

    /** A rewriter with the embedded knowledge base and default options. */
    public Rewriter() {
        this(null, Options.defaults());
    }

    /**
     * @param kb the size knowledge base; null for the embedded one (loaded on first use)
     */
    public Rewriter(KnowledgeBase kb, Options options) {
        this.kb = kb;
        this.options = options == null ? Options.defaults() : options;
    }

    public Options options() {
        return options;
    }

    /** Parses and rewrites Dockerfile text. */
    public RewriteResult rewrite(String dockerfileText) {
        return rewrite(Dockerfile.parse(dockerfileText));
    }

    /** Rewrites a parsed Dockerfile; never throws for bad input. */
    public RewriteResult rewrite(Dockerfile file) {
        try {
            return new Job(file, kb != null ? kb : KnowledgeBase.get(), options).run();
        } catch (Refusal r) {
            return RewriteResult.refused(r.ecosystem, r.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------

    /** Why the file cannot be rewritten: carried out of the job as a result, never to the caller. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Ecosystem ecosystem;

        Refusal(Ecosystem ecosystem, String reason) {
            super(reason, null, false, false);
            this.ecosystem = ecosystem;
        }
    }

    /** Kinds that only configure the container: they move to the final stage. */
    private static boolean runtimeOnly(Instruction i) {
        return i instanceof Instruction.Cmd || i instanceof Instruction.Entrypoint || i instanceof Instruction.Expose
                || i instanceof Instruction.Healthcheck || i instanceof Instruction.Label
                || i instanceof Instruction.Volume || i instanceof Instruction.StopSignal
                || i instanceof Instruction.Maintainer;
    }

    /** Environment variables that only steer a build; they are not carried into the final stage. */
    private static final List<String> BUILD_ONLY_ENV_PREFIXES = List.of("CGO_", "GOOS", "GOARCH", "GOARM", "GOAMD64",
            "GOFLAGS", "GOPROXY", "GOPRIVATE", "GONOSUMDB", "GONOPROXY", "GOSUMDB", "GOCACHE", "GOMODCACHE",
            "GO111MODULE", "CARGO_", "RUSTFLAGS", "MAVEN_OPTS", "MAVEN_CONFIG", "GRADLE_OPTS", "GRADLE_USER_HOME",
            "NPM_CONFIG_", "YARN_", "PIP_", "NUGET_", "DOTNET_CLI_TELEMETRY_OPTOUT", "DOTNET_SKIP_FIRST_TIME_EXPERIENCE",
            "DOTNET_NOLOGO");

    static boolean buildOnlyEnv(String key) {
        String k = key.toUpperCase(Locale.ROOT);
        for (String p : BUILD_ONLY_ENV_PREFIXES) {
            if (p.endsWith("_") ? k.startsWith(p) : k.equals(p)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern SIMPLE_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");
    private static final Pattern JAVA_MAJOR = Pattern.compile(
            "(?:jdk|temurin|corretto|openjdk|semeru|sapmachine|zulu|liberica|graalvm)-?(\\d{1,2})(?![\\d.])");
    private static final Pattern PYTHON_CMD = Pattern.compile("python(3(\\.\\d+)?)?");

    /** One rewrite in progress. */
    private static final class Job {
        final Dockerfile df;
        final String text;
        final KnowledgeBase kb;
        final Options opt;
        Stage stage;
        List<Instruction> ins;
        final Map<Instruction.Run, ShellScript> scripts = new IdentityHashMap<>();
        final Map<Instruction, String> workdirBefore = new IdentityHashMap<>();
        String finalWorkdir;
        boolean hasWorkdir;
        ImageRef base;
        ImageMatch baseMatch;
        String family;
        Ecosystem eco;

        // the plan
        String buildFrom;
        final Map<Instruction, List<String>> insertBefore = new IdentityHashMap<>();
        final Map<Instruction.Run, List<String>> cacheMounts = new IdentityHashMap<>();
        final List<String> extraStages = new ArrayList<>();
        String runtimeImage;
        boolean runtimeHasShell;
        final List<String> runtimeEnv = new ArrayList<>();
        final List<String> runtimeSetup = new ArrayList<>();
        final List<String> runtimeCopies = new ArrayList<>();
        boolean replayContextCopies;
        Set<String> skipContextSources = Set.of();
        String chown;
        String defaultUser;
        final List<String> changes = new ArrayList<>();
        final List<String> checks = new ArrayList<>();
        final Map<Instruction, String> replaced = new IdentityHashMap<>();
        final Set<Instruction> dropped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Job(Dockerfile df, KnowledgeBase kb, Options opt) {
            this.df = df;
            this.text = df.text();
            this.kb = kb;
            this.opt = opt;
        }

        Refusal refuse(String reason) {
            return new Refusal(eco, reason);
        }

        RewriteResult run() {
            checkShape();
            analyse();
            detect();
            checkSystemPackages();
            if (eco == Ecosystem.NODE || eco == Ecosystem.PYTHON) {
                checkSourcesFromContext();
            }
            switch (eco) {
                case GO -> planGo();
                case RUST -> planRust();
                case MAVEN, GRADLE -> planJava();
                case DOTNET -> planDotnet();
                case NODE -> planNode();
                case PYTHON -> planPython();
                default -> throw refuse("unsupported ecosystem");
            }
            planUser();
            planLaunch();
            String out = emit();
            Dockerfile check = Dockerfile.parse(out);
            if (!check.errors().isEmpty() || check.stages().size() < 2) {
                throw refuse("the rewrite would not parse (" + (check.errors().isEmpty() ? "no stages"
                        : check.errors().get(0).message()) + "); please report this Dockerfile");
            }
            return new RewriteResult(out, null, eco, buildFrom, runtimeImage);
        }

        // ---------------------------------------------------------------- shape and analysis

        void checkShape() {
            if (!df.parses()) {
                Problem p = df.problems().stream().filter(x -> x.layer() == Problem.Layer.PARSE).findFirst().orElseThrow();
                throw refuse("the Dockerfile does not parse (line " + p.range().startLine() + ": " + p.message() + ")");
            }
            if (!df.errors().isEmpty()) {
                Problem p = df.errors().get(0);
                throw refuse("the Dockerfile has an error BuildKit rejects (line " + p.range().startLine() + ": "
                        + p.message() + ")");
            }
            if (df.stages().isEmpty()) {
                throw refuse("there is no FROM");
            }
            if (df.stages().size() > 1) {
                throw refuse("it is already a multi-stage build (" + df.stages().size() + " stages)");
            }
            if (df.directive("escape").isPresent()) {
                throw refuse("the file changes the escape character (# escape=), which the rewrite does not carry over");
            }
            stage = df.stages().get(0);
            ins = stage.instructions();
            for (Instruction i : ins) {
                if (i instanceof Instruction.Onbuild) {
                    throw refuse("it has ONBUILD triggers: it is a base image for other builds, not an application");
                }
            }
            if (stage.isScratch() || stage.base() == null) {
                throw refuse(stage.baseName() == null ? "the base image cannot be resolved (an ARG without a default?)"
                        : "the base " + stage.baseName() + " is not a build image");
            }
        }

        void analyse() {
            base = stage.base();
            baseMatch = kb.match(base).orElse(null);
            family = baseMatch != null ? baseMatch.family() : base.familiarName();
            String wd = family.equals("golang") ? "/go" : family.equals("gradle") ? null : "/";
            Map<String, String> vars = new java.util.HashMap<>();
            for (Instruction i : ins) {
                workdirBefore.put(i, wd);
                if (i instanceof Instruction.Env e) {
                    e.pairs().forEach(kv -> vars.put(kv.key(), unquote(kv.value())));
                } else if (i instanceof Instruction.Arg a) {
                    a.definitions().stream().filter(d -> d.defaultValue() != null)
                            .forEach(d -> vars.putIfAbsent(d.name(), unquote(d.defaultValue())));
                }
                if (i instanceof Instruction.Workdir w) {
                    String p = expand(unquote(w.path().text()), vars);
                    if (p.contains("$")) {
                        throw refuse("WORKDIR " + p + " uses a variable, which the rewrite does not resolve");
                    }
                    wd = p.startsWith("/") ? normalize(p) : wd == null ? null : normalize(wd + "/" + p);
                    hasWorkdir = true;
                } else if (i instanceof Instruction.Run r) {
                    scripts.put(r, ShellParser.parse(r.script()));
                }
            }
            finalWorkdir = wd;
        }

        /** {@code $NAME} and {@code ${NAME}} replaced by known values; unknown ones are left as written. */
        static String expand(String s, Map<String, String> vars) {
            Matcher m = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*))").matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                String v = vars.get(name);
                m.appendReplacement(out, Matcher.quoteReplacement(v != null && !v.contains("$") ? v : m.group()));
            }
            m.appendTail(out);
            return out.toString();
        }

        List<SimpleCommand> commands(Instruction.Run r) {
            return scripts.get(r).effectiveCommands();
        }

        List<Instruction.Run> runs() {
            return stage.all(Instruction.Run.class);
        }

        // ---------------------------------------------------------------- ecosystem

        void detect() {
            Set<Ecosystem> found = new LinkedHashSet<>();
            String otherTool = null;
            boolean dotnetBuildOnly = false;
            for (Instruction.Run r : runs()) {
                for (SimpleCommand c : commands(r)) {
                    String sub = c.subcommand();
                    if (c.is("go") && ("build".equals(sub) || "install".equals(sub))) {
                        found.add(Ecosystem.GO);
                    } else if (c.is("cargo") && ("build".equals(sub) || "install".equals(sub))) {
                        found.add(Ecosystem.RUST);
                    } else if (c.is("mvn", "mvnw") && hasAny(c, "package", "install", "verify", "deploy")) {
                        found.add(Ecosystem.MAVEN);
                    } else if (c.is("gradle", "gradlew") && hasAny(c, "build", "assemble", "bootJar", "jar", "shadowJar",
                            "installDist")) {
                        found.add(Ecosystem.GRADLE);
                    } else if (c.is("dotnet") && "publish".equals(sub)) {
                        found.add(Ecosystem.DOTNET);
                    } else if (c.is("dotnet") && "build".equals(sub)) {
                        dotnetBuildOnly = true;
                    } else if (c.is("npm") && ("ci".equals(sub) || "install".equals(sub) || "i".equals(sub))) {
                        found.add(Ecosystem.NODE);
                    } else if (c.is("yarn", "pnpm", "bun")) {
                        otherTool = c.nameValue();
                    } else if (isPipInstall(c)) {
                        found.add(Ecosystem.PYTHON);
                    } else if (c.is("poetry", "pipenv", "uv", "pdm", "conda")) {
                        otherTool = c.nameValue();
                    }
                }
            }
            if (found.size() > 1) {
                throw refuse("it runs several builds (" + String.join(" and ", found.stream().map(Ecosystem::label).toList())
                        + "); dockdiet rewrites one ecosystem per file");
            }
            if (found.isEmpty()) {
                if (otherTool != null) {
                    throw refuse("it builds with " + otherTool + ", which the rewrite does not support yet (npm, pip, "
                            + "go, cargo, mvn, gradle and dotnet are)");
                }
                if (dotnetBuildOnly) {
                    throw refuse("it runs dotnet build but not dotnet publish, so there is no publish folder to copy");
                }
                if (baseMatch != null && baseMatch.toolchain()) {
                    throw refuse("cannot see the build: the image starts from " + base.familiar()
                            + " but no build command (go build, cargo build, mvn package, gradle build, dotnet publish, "
                            + "npm ci) runs in the Dockerfile");
                }
                throw refuse("unknown ecosystem: no Go, Node.js (npm), Java (Maven, Gradle), Python (pip), Rust "
                        + "(cargo) or .NET build runs in this Dockerfile");
            }
            eco = found.iterator().next();
            if (otherTool != null && eco == Ecosystem.NODE) {
                throw refuse("it mixes npm with " + otherTool + "; the rewrite supports npm only");
            }
            boolean jdk = Set.of("eclipse-temurin", "openjdk", "amazoncorretto").contains(family)
                    && baseMatch != null && baseMatch.toolchain();
            boolean ok = switch (eco) {
                case GO -> family.equals("golang");
                case RUST -> family.equals("rust");
                case NODE -> family.equals("node");
                case PYTHON -> family.equals("python");
                case DOTNET -> family.equals("dotnet/sdk");
                case MAVEN -> family.equals("maven") || jdk;
                case GRADLE -> family.equals("gradle") || jdk;
            };
            if (!ok) {
                throw refuse("the " + eco.label() + " build runs on " + base.familiar()
                        + ", not on the official toolchain image; the rewrite only splits builds on those images "
                        + "(the toolchain may come from system packages that the runtime stage would also need)");
            }
        }

        static boolean hasAny(SimpleCommand c, String... goals) {
            for (var w : c.args()) {
                for (String g : goals) {
                    if (w.value().equals(g)) {
                        return true;
                    }
                }
            }
            return false;
        }

        static boolean isPipInstall(SimpleCommand c) {
            if (c.is("pip", "pip3") || (c.name() != null && c.nameValue().matches("(.*/)?pip3(\\.\\d+)?"))) {
                return "install".equals(c.subcommand());
            }
            if (c.name() != null && PYTHON_CMD.matcher(SimpleCommandNames.base(c.nameValue())).matches()) {
                List<String> a = c.args().stream().map(w -> w.value()).toList();
                return a.size() >= 3 && a.get(0).equals("-m") && (a.get(1).equals("pip") || a.get(1).equals("pip3"))
                        && a.get(2).equals("install");
            }
            return false;
        }

        void checkSystemPackages() {
            List<String> runtimeNeeds = new ArrayList<>();
            for (Instruction.Run r : runs()) {
                ShellScript s = scripts.get(r);
                for (Packages.Install in : Packages.installs(s)) {
                    for (String n : in.names()) {
                        if (!Packages.isBuildOnly(n) && !Packages.removedLater(s, in, n) && !runtimeNeeds.contains(n)
                                && !(eco == Ecosystem.NODE && (n.equals("python3") || n.equals("python")))) {
                            runtimeNeeds.add(n);
                        }
                    }
                }
            }
            if (!runtimeNeeds.isEmpty()) {
                throw refuse("it installs system packages (" + String.join(", ", runtimeNeeds)
                        + ") that the program may need at run time; dockdiet does not guess which of them (or which "
                        + "runtime libraries for -dev packages) the final stage needs");
            }
        }

        /**
         * Node and Python stages get the application files from the build context again; that is only
         * right when the original took them from there, not from a {@code git clone} in a RUN.
         */
        void checkSourcesFromContext() {
            for (Instruction.Run r : runs()) {
                for (SimpleCommand c : commands(r)) {
                    if (c.is("git") && "clone".equals(c.subcommand())) {
                        throw refuse("the application is fetched with git clone in a RUN, and the rewrite takes the "
                                + "application files from the build context");
                    }
                }
            }
            boolean fromContext = ins.stream().anyMatch(i -> i instanceof Instruction.Add
                    || (i instanceof Instruction.Copy c && c.from().isEmpty()));
            if (!fromContext) {
                throw refuse("no COPY or ADD brings the application into the image, so the rewrite cannot tell "
                        + "where its files come from");
            }
        }

        // ---------------------------------------------------------------- launch

        /** The words of what the container runs: ENTRYPOINT (+ CMD when the entrypoint is exec form) or CMD. */
        List<String> launchWords() {
            Instruction.Entrypoint ep = last(Instruction.Entrypoint.class);
            Instruction.Cmd cmd = last(Instruction.Cmd.class);
            List<String> out = new ArrayList<>();
            if (ep != null) {
                out.addAll(words(ep.command()));
                if (ep.command().exec() && cmd != null) {
                    out.addAll(words(cmd.command()));
                }
            } else if (cmd != null) {
                out.addAll(words(cmd.command()));
            }
            if (out.isEmpty()) {
                throw refuse("there is no CMD or ENTRYPOINT: what the container runs comes from the base image, which "
                        + "the rewrite replaces");
            }
            return out;
        }

        <T extends Instruction> T last(Class<T> kind) {
            List<T> all = stage.all(kind);
            return all.isEmpty() ? null : all.get(all.size() - 1);
        }

        /** Exec form args, or the words of a one-command shell form (empty when it is more than that). */
        List<String> words(Instruction.Command c) {
            if (c.exec()) {
                return c.args().stream().map(dev.dockdiet.syntax.Word::text).toList();
            }
            List<String> simple = simpleShell(c);
            if (simple != null) {
                return simple;
            }
            ShellScript s = ShellParser.parse(c.script().text());
            List<SimpleCommand> cmds = s.effectiveCommands();
            return cmds.isEmpty() ? List.of() : cmds.get(0).words().stream().map(w -> w.value()).toList();
        }

        /** The words of a shell form that is one plain command (no expansion, operator or quoting): null otherwise. */
        static List<String> simpleShell(Instruction.Command c) {
            if (c.exec()) {
                return null;
            }
            String t = c.script().text().trim();
            if (t.isEmpty()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (String w : t.split("[ \t]+")) {
                if (!SIMPLE_WORD.matcher(w).matches()) {
                    return null;
                }
                out.add(w);
            }
            return out;
        }

        static String execForm(List<String> words) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < words.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append('"').append(words.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
            return sb.append(']').toString();
        }

        /** Without a shell in the final image, shell-form CMD, ENTRYPOINT and HEALTHCHECK must become exec form. */
        void planLaunch() {
            for (Instruction i : ins) {
                Instruction.Command c = i instanceof Instruction.Cmd x ? x.command()
                        : i instanceof Instruction.Entrypoint x ? x.command()
                        : i instanceof Instruction.Healthcheck x ? x.command() : null;
                if (c == null) {
                    continue;
                }
                if (i instanceof Instruction.Healthcheck) {
                    List<String> w = words(c);
                    String tool = w.isEmpty() ? "" : SimpleCommandNames.base(w.get(0));
                    if (Set.of("curl", "wget", "nc", "netcat").contains(tool)) {
                        throw refuse("the HEALTHCHECK runs " + tool + ", which the runtime image ("
                                + runtimeImage + ") does not have; dockdiet does not guess how to install it");
                    }
                }
                if (runtimeHasShell || c.exec()) {
                    continue;
                }
                List<String> simple = simpleShell(c);
                if (simple == null) {
                    throw refuse("the " + i.keyword() + " needs a shell (" + c.script().text().trim()
                            + "), which the runtime image " + runtimeImage + " does not have");
                }
                String src = source(i);
                int at = c.script().sourceOffset(0) - i.range().start();
                int end = c.script().sourceOffset(c.script().length() - 1) + 1 - i.range().start();
                replaced.put(i, src.substring(0, at) + execForm(simple) + src.substring(end));
                changes.add(i.keyword() + " is now in exec form, since " + runtimeImage + " has no shell to run it.");
            }
        }

        // ---------------------------------------------------------------- paths and producers

        String abs(String path, String wd, String what) {
            if (path.contains("$")) {
                throw refuse(what + " " + path + " uses a variable, which the rewrite does not resolve");
            }
            if (path.startsWith("/")) {
                return normalize(path);
            }
            if (wd == null) {
                throw refuse(what + " " + path + " is relative and the working directory of " + base.familiar()
                        + " is not known; add a WORKDIR");
            }
            return normalize(wd + "/" + path);
        }

        static String normalize(String p) {
            boolean dir = p.endsWith("/") && p.length() > 1;
            List<String> parts = new ArrayList<>();
            for (String s : p.split("/")) {
                if (s.isEmpty() || s.equals(".")) {
                    continue;
                }
                if (s.equals("..")) {
                    if (!parts.isEmpty()) {
                        parts.remove(parts.size() - 1);
                    }
                    continue;
                }
                parts.add(s);
            }
            String out = "/" + String.join("/", parts);
            return dir && !out.equals("/") ? out + "/" : out;
        }

        /** Destinations of cp/mv/install/ln in the RUNs, resolved: files or folders a build step put there. */
        List<String> copiedTo() {
            List<String> out = new ArrayList<>();
            for (Instruction.Run r : runs()) {
                for (SimpleCommand c : commands(r)) {
                    if (c.is("cp", "mv", "install", "ln")) {
                        List<dev.dockdiet.shell.Word> p = c.positionals();
                        if (p.size() >= 2 && p.get(p.size() - 1).isLiteral()) {
                            out.add(abs(p.get(p.size() - 1).value(), workdirBefore.get(r), "the path"));
                        }
                    }
                }
            }
            return out;
        }

        /**
         * Where the program the container runs is, given the paths the build writes: an absolute path
         * in the build stage. Bare names are looked up in {@code dirsOnPath}.
         */
        String locateExecutable(String exe, List<String> produced, List<String> pathDirs, String tool) {
            List<String> all = new ArrayList<>(produced);
            all.addAll(copiedTo());
            if (!exe.contains("/")) {
                for (String d : pathDirs) {
                    String cand = d + "/" + exe;
                    for (String p : all) {
                        if (p.equals(cand) || p.equals(d) || p.equals(d + "/")) {
                            return cand;
                        }
                    }
                }
                throw refuse("the container runs " + exe + ", and the rewrite cannot see where the " + tool
                        + " build puts it");
            }
            String path = abs(exe, finalWorkdir, "the program");
            for (String p : all) {
                if (p.equals(path) || (p.endsWith("/") && path.startsWith(p))) {
                    return path;
                }
                if (!p.endsWith("/") && path.startsWith(p + "/")) {
                    return path;
                }
            }
            throw refuse("the container runs " + exe + ", which no " + tool + " build step in the Dockerfile is seen to "
                    + "produce");
        }

        // ---------------------------------------------------------------- Go

        void planGo() {
            List<String> produced = new ArrayList<>();
            List<String> pathDirs = new ArrayList<>(List.of("/go/bin", "/usr/local/bin", "/usr/bin", "/bin"));
            Instruction.Run firstBuild = null;
            boolean cgoOff = false;
            boolean cgoMissing = false;
            boolean missingO = false;
            for (Instruction i : ins) {
                if (i instanceof Instruction.Env e) {
                    for (Instruction.KeyValue kv : e.pairs()) {
                        if (kv.key().equals("CGO_ENABLED")) {
                            String v = unquote(kv.value());
                            if (v.equals("1")) {
                                throw refuse("CGO is enabled (ENV CGO_ENABLED=1): the binary links libc, and dockdiet "
                                        + "does not guess the runtime's libc");
                            }
                            cgoOff = v.equals("0");
                        }
                    }
                }
                if (!(i instanceof Instruction.Run r)) {
                    continue;
                }
                for (SimpleCommand c : commands(r)) {
                    if (!c.is("go")) {
                        continue;
                    }
                    String sub = c.subcommand();
                    if (!"build".equals(sub) && !"install".equals(sub)) {
                        continue;
                    }
                    if (firstBuild == null) {
                        firstBuild = r;
                    }
                    boolean offHere = false;
                    for (var a : c.assignments()) {
                        if (a.name().equals("CGO_ENABLED") && a.value().equals("1")) {
                            throw refuse("CGO is enabled (CGO_ENABLED=1): the binary links libc, and dockdiet does "
                                    + "not guess the runtime's libc");
                        }
                        offHere |= a.name().equals("CGO_ENABLED") && a.value().equals("0");
                    }
                    if (!cgoOff && !offHere) {
                        cgoMissing = true;
                    }
                    if ("install".equals(sub)) {
                        produced.add("/go/bin/");
                    } else {
                        Optional<String> o = c.flagValue("-o");
                        if (o.isPresent()) {
                            produced.add(abs(o.get(), workdirBefore.get(r), "go build -o"));
                        } else {
                            missingO = true;
                        }
                    }
                }
            }
            String exe = launchWords().get(0);
            String path;
            try {
                path = locateExecutable(exe, produced, pathDirs, "go");
            } catch (Refusal r) {
                throw missingO ? refuse(r.getMessage() + " (go build without -o names the binary after the package; "
                        + "add -o)") : r;
            }
            buildFrom = fromImageText();
            if (cgoMissing) {
                insertBefore.computeIfAbsent(firstBuild, k -> new ArrayList<>()).add("ENV CGO_ENABLED=0");
                changes.add("CGO_ENABLED=0 makes go build produce a static binary, which needs no C library in the "
                        + "final image.");
            }
            for (Instruction.Run r : runs()) {
                if (commands(r).stream().anyMatch(c -> c.is("go"))) {
                    mount(r, "/go/pkg/mod", "/root/.cache/go-build");
                }
            }
            String dest = exe.contains("/") ? path : "/usr/local/bin/" + exe;
            runtimeHasShell = false;
            if (opt.goRuntime() == GoRuntime.SCRATCH) {
                runtimeImage = "scratch";
                runtimeCopies.add("COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/");
                defaultUser = "65532:65532";
                changes.add("Final stage: scratch, an empty image. The CA certificates are copied from the build stage "
                        + "so that TLS works; it runs as the unprivileged uid 65532.");
                checks.add("scratch has no time zone data and no /etc/passwd: build with -tags timetzdata if the "
                        + "program uses time zones.");
            } else {
                runtimeImage = "gcr.io/distroless/static-debian12:nonroot";
                changes.add("Final stage: " + runtimeImage + ", which has CA certificates, time zone data and "
                        + "/etc/passwd but no shell and no C library; it runs as the non-root user nonroot (65532).");
            }
            runtimeCopies.add("COPY --from=build " + path + " " + dest);
            changes.add(0, "The build runs in the \"build\" stage on " + buildFrom + " as before; only the binary "
                    + path + " is copied into the final image, so the Go toolchain, the module cache and the "
                    + "source no longer ship.");
            if (!dest.equals(path)) {
                changes.add("The binary moves to " + dest + ", which is on the final image's PATH.");
            }
            checks.add("If the code needs cgo (import \"C\", mattn/go-sqlite3), CGO_ENABLED=0 breaks the build: build "
                    + "with cgo and run on gcr.io/distroless/base-debian12 instead.");
            checkRuntimeFiles();
        }

        // ---------------------------------------------------------------- Rust

        void planRust() {
            List<String> produced = new ArrayList<>();
            Instruction.Run firstBuild = null;
            boolean install = false;
            for (Instruction.Run r : runs()) {
                for (SimpleCommand c : commands(r)) {
                    if (!c.is("cargo")) {
                        continue;
                    }
                    String sub = c.subcommand();
                    if ("install".equals(sub)) {
                        install = true;
                        produced.add("/usr/local/cargo/bin/");
                    } else if ("build".equals(sub)) {
                        if (c.flagValue("--target-dir").isPresent()) {
                            produced.add(abs(c.flagValue("--target-dir").get(), workdirBefore.get(r), "--target-dir")
                                    + "/");
                        } else {
                            produced.add(abs("target", workdirBefore.get(r), "the target folder") + "/");
                        }
                    } else {
                        continue;
                    }
                    if (firstBuild == null) {
                        firstBuild = r;
                    }
                    mount(r, "/usr/local/cargo/registry");
                }
            }
            for (Instruction i : ins) {
                if (i instanceof Instruction.Env e && e.pairs().stream().anyMatch(kv -> kv.key().equals("CARGO_TARGET_DIR"))) {
                    throw refuse("CARGO_TARGET_DIR is set, and the rewrite does not resolve where cargo writes");
                }
            }
            String exe = launchWords().get(0);
            String path = locateExecutable(exe, produced, List.of("/usr/local/cargo/bin", "/usr/local/bin", "/usr/bin"),
                    "cargo");
            String dest = exe.contains("/") ? path : "/usr/local/bin/" + exe;
            String os = baseMatch == null ? null : baseMatch.os();
            String tag = base.tag() == null ? "latest" : base.tag();
            boolean alpine = tag.contains("alpine");
            String fromText = fromImageText();
            if (alpine) {
                buildFrom = fromText;
                runtimeImage = "gcr.io/distroless/static-debian12";
                changes.add("Final stage: " + runtimeImage + ": the alpine toolchain builds for musl, which Rust links "
                        + "statically, so the binary needs no C library.");
            } else {
                String debian = os == null ? "bookworm" : os;
                String release = switch (debian) {
                    case "bullseye" -> "11";
                    case "bookworm" -> "12";
                    case "trixie" -> "13";
                    default -> throw refuse("the rust image's Debian release " + debian + " has no matching distroless "
                            + "cc image known to dockdiet");
                };
                if (os == null) {
                    if (fromText.contains("$") || base.digest() != null) {
                        throw refuse("the rust image's Debian release is not visible (" + fromText + "), and the "
                                + "runtime's C library must match it");
                    }
                    String newTag = tag.equals("latest") ? "bookworm" : tag.contains("slim")
                            ? tag.replace("slim", "slim-bookworm") : tag + "-bookworm";
                    buildFrom = fromText.substring(0, fromText.length() - (base.tag() == null ? 0 : base.tag().length() + 1))
                            + ":" + newTag;
                    changes.add("The build image is pinned to Debian bookworm (" + buildFrom + ") so that the binary's "
                            + "C library matches the final image's; " + fromText + " follows the newest Debian release.");
                } else {
                    buildFrom = fromText;
                }
                runtimeImage = "gcr.io/distroless/cc-debian" + release;
                changes.add("Final stage: " + runtimeImage + " (glibc and libgcc of Debian " + release
                        + ", no shell).");
            }
            runtimeHasShell = false;
            runtimeCopies.add("COPY --from=build " + path + " " + dest);
            changes.add(0, "The build runs in the \"build\" stage; only the binary " + path
                    + " is copied into the final image, so the Rust toolchain, the cargo registry and target/ no "
                    + "longer ship.");
            if (install) {
                changes.add("The binary installed by cargo install moves to " + dest + ", on the final image's PATH.");
            }
            checks.add("Shared libraries the binary links besides glibc (libssl, libpq) are not in the final image: "
                    + "use rustls or vendored OpenSSL, or a runtime that has them.");
            checkRuntimeFiles();
        }

        // ---------------------------------------------------------------- Java

        void planJava() {
            List<String> w = launchWords();
            int j = w.indexOf("-jar");
            if (j < 0 || j + 1 >= w.size()) {
                throw refuse("the container does not run a jar (java -jar ...), so the rewrite cannot tell what to "
                        + "copy into the runtime stage");
            }
            String jar = abs(w.get(j + 1), finalWorkdir, "the jar");
            for (Instruction.Run r : runs()) {
                for (SimpleCommand c : commands(r)) {
                    if (c.is("mvn", "mvnw")) {
                        mount(r, "/root/.m2");
                    } else if (c.is("gradle", "gradlew")) {
                        mount(r, family.equals("gradle") ? "/home/gradle/.gradle" : "/root/.gradle");
                    }
                }
            }
            buildFrom = fromImageText();
            runtimeImage = null;
            if (baseMatch != null) {
                for (Alternative a : kb.alternatives(baseMatch)) {
                    if ("eclipse-temurin".equals(a.family()) && a.variant() != null && a.variant().startsWith("jre")) {
                        runtimeImage = a.image();
                        break;
                    }
                }
            }
            if (runtimeImage == null) {
                Matcher m = JAVA_MAJOR.matcher(base.tag() == null ? "" : base.tag());
                if (!m.find()) {
                    throw refuse("the Java version of " + base.familiar() + " is not in its tag; pin it (for example "
                            + "maven:3-eclipse-temurin-21 or gradle:jdk21) so that the runtime JRE can match it");
                }
                runtimeImage = "eclipse-temurin:" + m.group(1) + "-jre" + (base.familiar().contains("alpine") ? "-alpine" : "");
            }
            runtimeHasShell = true;
            String dest = jar.contains("*") ? jar.substring(0, jar.lastIndexOf('/') + 1) : jar;
            runtimeCopies.add("COPY --from=build " + jar + " " + dest);
            changes.add("The build runs in the \"build\" stage on " + buildFrom + " as before; only the jar " + jar
                    + " is copied into the final image, so the JDK, " + (eco == Ecosystem.MAVEN ? "Maven" : "Gradle")
                    + ", its dependency cache and the source no longer ship.");
            changes.add("Final stage: " + runtimeImage + ", a Java runtime (JRE) of the same Java version as the "
                    + "build's JDK.");
            if (family.equals("openjdk")) {
                changes.add("The openjdk images are deprecated; the runtime is Eclipse Temurin of the same Java version.");
            }
            checks.add("A JRE has no jcmd, jmap or javac: if the app or its tooling calls them, use a JDK runtime.");
            checkRuntimeFiles();
        }

        // ---------------------------------------------------------------- .NET

        void planDotnet() {
            String publishDir = null;
            for (Instruction.Run r : runs()) {
                for (SimpleCommand c : commands(r)) {
                    if (!c.is("dotnet")) {
                        continue;
                    }
                    mount(r, "/root/.nuget/packages");
                    if ("publish".equals(c.subcommand())) {
                        Optional<String> o = c.flagValue("-o");
                        if (o.isEmpty()) {
                            o = c.flagValue("--output");
                        }
                        if (o.isEmpty()) {
                            throw refuse("dotnet publish has no -o, so the rewrite cannot tell where the published "
                                    + "app is");
                        }
                        publishDir = abs(o.get(), workdirBefore.get(r), "dotnet publish -o");
                        if (publishDir.endsWith("/") && publishDir.length() > 1) {
                            publishDir = publishDir.substring(0, publishDir.length() - 1);
                        }
                    }
                }
            }
            List<String> w = launchWords();
            String target = w.get(0).equals("dotnet") && w.size() > 1 ? w.get(1) : w.get(0);
            String path = abs(target, finalWorkdir, "the program");
            if (publishDir == null || !(path.startsWith(publishDir + "/") || publishDir.equals("/"))) {
                throw refuse("the container runs " + target + ", which is not in the dotnet publish folder ("
                        + publishDir + ")");
            }
            buildFrom = fromImageText();
            List<Alternative> alts = baseMatch == null ? List.of() : kb.alternatives(baseMatch);
            Alternative aspnet = alts.stream().filter(a -> "dotnet/aspnet".equals(a.family())).findFirst().orElse(null);
            Alternative runtime = alts.stream().filter(a -> "dotnet/runtime".equals(a.family())).findFirst().orElse(null);
            if (aspnet == null) {
                throw refuse("no aspnet or runtime image of the same .NET version as " + base.familiar()
                        + " is known");
            }
            Boolean web = webProject();
            if (Boolean.FALSE.equals(web) && runtime != null) {
                runtimeImage = runtime.image();
                changes.add("Final stage: " + runtimeImage + ", the .NET runtime of the same version as the SDK "
                        + "(the project is not an ASP.NET Core project).");
            } else {
                runtimeImage = aspnet.image();
                changes.add("Final stage: " + runtimeImage + ", the ASP.NET Core runtime of the same version as the SDK.");
                if (web == null) {
                    checks.add("The project file was not read: " + runtimeImage + " also runs console apps; for one, "
                            + (runtime != null ? runtime.image() : "the runtime image") + " is smaller.");
                }
            }
            runtimeHasShell = true;
            runtimeCopies.add("COPY --from=build " + publishDir + " " + publishDir);
            changes.add(0, "The build runs in the \"build\" stage on " + buildFrom + " as before; only the publish "
                    + "folder " + publishDir + " is copied into the final image, so the SDK, the NuGet cache and the "
                    + "source no longer ship.");
        }

        /** True/false when the context's project files say whether it is a web project; null when not known. */
        Boolean webProject() {
            if (opt.contextDir() == null || !Files.isDirectory(opt.contextDir())) {
                return null;
            }
            try (Stream<Path> s = Files.walk(opt.contextDir(), 3)) {
                List<Path> projects = s.filter(p -> p.getFileName().toString().endsWith(".csproj")
                        || p.getFileName().toString().endsWith(".fsproj")).toList();
                if (projects.isEmpty()) {
                    return null;
                }
                for (Path p : projects) {
                    if (Files.readString(p).contains("Microsoft.NET.Sdk.Web")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        // ---------------------------------------------------------------- Node

        void planNode() {
            SimpleCommand install = null;
            Instruction.Run installRun = null;
            boolean buildStep = false;
            for (Instruction.Run r : runs()) {
                for (SimpleCommand c : commands(r)) {
                    String sub = c.subcommand();
                    if (c.is("npm") && ("ci".equals(sub) || "install".equals(sub) || "i".equals(sub))) {
                        if (c.hasFlag("-g", "--global", "--location")) {
                            throw refuse("it installs npm packages globally (" + c.raw().trim() + "); dockdiet cannot "
                                    + "tell whether the runtime needs them");
                        }
                        if (c.positionals().size() > 1) {
                            throw refuse("it installs named npm packages (" + c.raw().trim() + ") outside "
                                    + "package.json; the production install would miss them");
                        }
                        if (install == null) {
                            install = c;
                            installRun = r;
                        }
                        mount(r, "/root/.npm");
                    } else if ((c.is("npm") && "run".equals(sub)) || c.is("tsc", "npx")) {
                        buildStep = true;
                    }
                }
            }
            if (install == null) {
                throw refuse("cannot see the npm install");
            }
            if (installRun != null && scripts.get(installRun).effectiveCommands().stream()
                    .anyMatch(c -> c.is("npm") && "run".equals(c.subcommand()))) {
                buildStep = true;
            }
            buildFrom = fromImageText();
            runtimeImage = null;
            String variant = baseMatch == null ? null : baseMatch.variant();
            if ("slim".equals(variant) || "alpine".equals(variant)) {
                runtimeImage = base.familiar();
            } else if (baseMatch != null) {
                for (Alternative a : kb.alternatives(baseMatch)) {
                    if ("node".equals(a.family()) && "slim".equals(a.variant())) {
                        runtimeImage = a.image();
                        break;
                    }
                }
            }
            if (runtimeImage == null) {
                throw refuse("no slim variant of " + base.familiar() + " is known to dockdiet");
            }
            runtimeHasShell = true;
            chown = "node:node";
            defaultUser = "node";
            String installWd = workdirBefore.get(installRun);
            if (installWd == null || !hasWorkdir) {
                throw refuse("npm install runs without a WORKDIR; add one so that node_modules has a known place");
            }
            // the production dependencies, installed on the build image (it has the compilers native addons need)
            boolean lock = lockFileSeen();
            boolean ci = "ci".equals(install.subcommand()) || lock;
            Integer major = nodeMajor();
            String omit = major != null && major < 15 ? "--production" : "--omit=dev";
            StringBuilder deps = new StringBuilder();
            deps.append("FROM ").append(buildFrom).append(" AS prod-deps\n");
            deps.append("WORKDIR ").append(installWd).append('\n');
            boolean manifestCopied = false;
            for (Instruction i : ins) {
                if (i == installRun) {
                    break;
                }
                if (i instanceof Instruction.Arg || i instanceof Instruction.Env) {
                    deps.append(source(i)).append('\n');
                } else if (i instanceof Instruction.Copy c && c.from().isEmpty() && !c.sources().isEmpty()
                        && c.sources().stream().allMatch(s -> isManifest(s.text()))) {
                    deps.append(source(i)).append('\n');
                    manifestCopied = true;
                }
            }
            if (!manifestCopied) {
                deps.append("COPY package*.json ./\n");
            }
            String installCmd = "npm " + (ci ? "ci" : "install") + " " + omit;
            if (opt.buildKit()) {
                deps.append("RUN --mount=type=cache,target=/root/.npm ").append(installCmd).append('\n');
            } else {
                deps.append("RUN ").append(installCmd).append(" && npm cache clean --force\n");
            }
            extraStages.add(deps.toString());
            if (!hasEnv("NODE_ENV")) {
                runtimeEnv.add("ENV NODE_ENV=production");
            }
            String nm = installWd.equals("/") ? "/node_modules" : installWd + "/node_modules";
            changes.add("The build runs in the \"build\" stage on " + buildFrom + " as before. A \"prod-deps\" stage "
                    + "installs the production dependencies only (" + installCmd + "), so devDependencies, the npm "
                    + "cache and the full Debian base no longer ship.");
            changes.add("Final stage: " + runtimeImage + " (same Node.js version), with NODE_ENV=production, running as "
                    + "the non-root user node.");
            if (!ci) {
                checks.add("No package-lock.json was seen, so the production install uses npm install: commit a lock "
                        + "file and use npm ci for reproducible installs.");
            }
            if (buildStep) {
                List<String> w = launchWords();
                String out = null;
                if (w.size() >= 2 && SimpleCommandNames.base(w.get(0)).equals("node")) {
                    String script = w.get(1);
                    int slash = script.replaceFirst("^\\./", "").indexOf('/');
                    if (slash > 0 && !script.startsWith("/")) {
                        out = script.replaceFirst("^\\./", "").substring(0, slash);
                    }
                }
                if (out == null) {
                    throw refuse("the image runs a build (npm run, tsc) and the container starts with "
                            + String.join(" ", w) + ": the rewrite cannot tell which build output to copy; start it "
                            + "with node <dir>/<file>.js");
                }
                String outAbs = abs(out, finalWorkdir, "the build output");
                runtimeCopies.add("COPY --chown=node:node package*.json ./");
                runtimeCopies.add("COPY --from=prod-deps --chown=node:node " + nm + " " + nm);
                runtimeCopies.add("COPY --from=build --chown=node:node " + outAbs + " " + outAbs);
                changes.add("Only the build output " + outAbs + " is copied from the build stage; the sources and "
                        + "the build tools stay behind.");
            } else {
                replayContextCopies = true;
                runtimeCopies.add("COPY --from=prod-deps --chown=node:node " + nm + " " + nm);
                changes.add("The application files are copied from the build context as before, then the production "
                        + "node_modules from the prod-deps stage.");
                checks.add("Keep node_modules in .dockerignore, so that the context copy does not bring local "
                        + "devDependencies back.");
            }
            String prepare = packageJsonScript("prepare");
            if (prepare != null) {
                checks.add("package.json has a prepare script (" + prepare + "), which npm runs on install: if it "
                        + "needs devDependencies, add --ignore-scripts to the production install.");
            } else if (opt.contextDir() == null) {
                checks.add("package.json was not read: if it has a prepare script that needs devDependencies "
                        + "(husky), add --ignore-scripts to the production install.");
            }
        }

        static boolean isManifest(String src) {
            String s = src.replaceFirst("^\\./", "");
            return s.equals("package.json") || s.equals("package-lock.json") || s.equals("package*.json")
                    || s.equals("npm-shrinkwrap.json") || s.equals(".npmrc");
        }

        boolean lockFileSeen() {
            for (Instruction.Copy c : stage.all(Instruction.Copy.class)) {
                if (c.sources().stream().anyMatch(s -> s.text().replaceFirst("^\\./", "").equals("package-lock.json")
                        || s.text().endsWith("npm-shrinkwrap.json"))) {
                    return true;
                }
            }
            return opt.contextDir() != null && (Files.isRegularFile(opt.contextDir().resolve("package-lock.json"))
                    || Files.isRegularFile(opt.contextDir().resolve("npm-shrinkwrap.json")));
        }

        String packageJsonScript(String name) {
            if (opt.contextDir() == null) {
                return null;
            }
            Path p = opt.contextDir().resolve("package.json");
            try {
                if (!Files.isRegularFile(p)) {
                    return null;
                }
                Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(Files.readString(p));
                return m.find() ? m.group(1) : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        Integer nodeMajor() {
            String v = baseMatch == null ? null : baseMatch.version();
            if (v == null) {
                return null;
            }
            Matcher m = Pattern.compile("^(\\d+)").matcher(v);
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }

        // ---------------------------------------------------------------- Python

        void planPython() {
            String venv = null;
            Instruction.Run firstPip = null;
            for (Instruction.Run r : runs()) {
                for (SimpleCommand c : commands(r)) {
                    if (isPython(c) && c.args().size() >= 3 && c.args().get(0).value().equals("-m")
                            && c.args().get(1).value().equals("venv")) {
                        venv = abs(c.args().get(c.args().size() - 1).value(), workdirBefore.get(r), "the venv");
                    } else if (c.is("virtualenv") && !c.positionals().isEmpty()) {
                        venv = abs(c.positionals().get(c.positionals().size() - 1).value(), workdirBefore.get(r), "the venv");
                    }
                    if (!isPipInstall(c)) {
                        continue;
                    }
                    if (c.nameValue().contains("/") && !(venv != null && c.nameValue().startsWith(venv + "/"))) {
                        throw refuse("pip runs by its path (" + c.nameValue() + "), which a virtual environment does "
                                + "not redirect");
                    }
                    if (c.hasFlag("--user", "--target", "-t", "--prefix", "--root")) {
                        throw refuse("pip installs outside the environment (" + c.raw().trim() + "); the rewrite "
                                + "copies a virtual environment");
                    }
                    if (firstPip == null) {
                        firstPip = r;
                    }
                    if (venv != null && !c.nameValue().startsWith(venv + "/") && !venvOnPath(venv, r)) {
                        throw refuse("pip installs outside the virtual environment " + venv + " (" + c.raw().trim()
                                + "), so copying the environment would miss packages");
                    }
                    if (!c.hasFlag("--no-cache-dir")) {
                        mount(r, "/root/.cache/pip");
                    }
                }
            }
            buildFrom = fromImageText();
            String variant = baseMatch == null ? null : baseMatch.variant();
            runtimeImage = null;
            if ("slim".equals(variant) || "alpine".equals(variant)) {
                runtimeImage = base.familiar();
            } else if (baseMatch != null) {
                for (Alternative a : kb.alternatives(baseMatch)) {
                    if ("python".equals(a.family()) && "slim".equals(a.variant())) {
                        runtimeImage = a.image();
                        break;
                    }
                }
            }
            if (runtimeImage == null) {
                throw refuse("no slim variant of " + base.familiar() + " is known to dockdiet");
            }
            runtimeHasShell = true;
            if (venv == null) {
                venv = "/opt/venv";
                List<String> pre = insertBefore.computeIfAbsent(firstPip, k -> new ArrayList<>());
                pre.add("RUN python -m venv /opt/venv");
                pre.add("ENV PATH=\"/opt/venv/bin:$PATH\"");
                runtimeEnv.add("ENV PATH=\"/opt/venv/bin:$PATH\"");
                changes.add("pip installs into a virtual environment, /opt/venv, created in the build stage; the final "
                        + "stage gets that folder and nothing else of the build.");
            } else {
                changes.add("The virtual environment " + venv + " is copied into the final stage.");
            }
            runtimeCopies.add("COPY --from=build " + venv + " " + venv);
            replayContextCopies = true;
            skipContextSources = Set.of("requirements.txt", "requirements*.txt", "requirements-prod.txt",
                    "constraints.txt");
            changes.add(0, "The dependencies are installed in the \"build\" stage on " + buildFrom
                    + ", which has the compilers some packages need; the final stage gets the installed packages "
                    + "without the compilers, headers and pip cache.");
            changes.add("Final stage: " + runtimeImage + ", the same Python version on the slim variant of the same "
                    + "Debian release. The application files are copied from the build context as before.");
            checks.add("Packages with C extensions that link system libraries (psycopg2 built from source, lxml) "
                    + "need those libraries' runtime packages in the final stage.");
        }

        /** The venv's bin folder is on PATH for this RUN: through ENV PATH before it, or an activate script in it. */
        boolean venvOnPath(String venv, Instruction.Run r) {
            for (Instruction i : ins) {
                if (i == r) {
                    break;
                }
                if (i instanceof Instruction.Env e && e.pairs().stream()
                        .anyMatch(kv -> kv.key().equals("PATH") && kv.value().contains(venv + "/bin"))) {
                    return true;
                }
            }
            for (SimpleCommand c : commands(r)) {
                if (c.is(".", "source") && !c.args().isEmpty() && c.args().get(0).value().startsWith(venv + "/")) {
                    return true;
                }
            }
            return false;
        }

        static boolean isPython(SimpleCommand c) {
            return c.name() != null && PYTHON_CMD.matcher(SimpleCommandNames.base(c.nameValue())).matches();
        }

        // ---------------------------------------------------------------- shared planning

        void mount(Instruction.Run r, String... targets) {
            if (!opt.buildKit()) {
                return;
            }
            List<String> have = new ArrayList<>();
            r.mounts().forEach(m -> {
                if (m.target() != null) {
                    have.add(normalize(m.target()));
                }
            });
            List<String> list = cacheMounts.computeIfAbsent(r, k -> new ArrayList<>());
            for (String t : targets) {
                if (!have.contains(t) && !list.contains(t)) {
                    list.add(t);
                }
            }
        }

        boolean hasEnv(String key) {
            for (Instruction.Env e : stage.all(Instruction.Env.class)) {
                for (Instruction.KeyValue kv : e.pairs()) {
                    if (kv.key().equals(key)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** For compiled programs: files copied from the context besides the sources may be read at run time. */
        void checkRuntimeFiles() {
            checks.add("Only the build output reaches the final stage: if the program reads other files at run time "
                    + "(templates, static assets, configuration), copy them from the build stage too.");
        }

        void planUser() {
            Instruction.User u = last(Instruction.User.class);
            if (u == null) {
                if (defaultUser != null) {
                    return;
                }
                if (runtimeImage.endsWith(":nonroot")) {
                    return;
                }
                checks.add("The container runs as root, as the original did: consider a non-root USER.");
                return;
            }
            String name = u.user().text();
            String userPart = name.split(":", 2)[0];
            if (userPart.matches("\\d+") || userPart.equals("root")) {
                return;
            }
            List<String> creating = new ArrayList<>();
            for (Instruction.Run r : runs()) {
                for (SimpleCommand c : commands(r)) {
                    if (c.is("useradd", "adduser", "groupadd", "addgroup")) {
                        creating.add(c.raw().trim());
                        if (c.is("useradd", "adduser") && !c.positionals().isEmpty()
                                && c.positionals().get(c.positionals().size() - 1).value().equals(userPart)) {
                            creating.add("\u0000");
                        }
                    }
                }
            }
            boolean created = creating.remove("\u0000");
            if (!created) {
                if (eco == Ecosystem.NODE && userPart.equals("node")) {
                    return;
                }
                if (!runtimeHasShell) {
                    replaceUser(u, "65532:65532", "USER " + name + " comes from " + base.familiar()
                            + ", not from the runtime image; the final stage runs as the unprivileged uid 65532.");
                    return;
                }
                checks.add("USER " + name + " is assumed to exist in " + runtimeImage + " as it did in "
                        + base.familiar() + ".");
                return;
            }
            if (!runtimeHasShell) {
                replaceUser(u, "65532:65532", "USER " + name + " was created with a RUN in the original image; "
                        + runtimeImage + " has no shell to create it, so the final stage runs as its non-root uid 65532.");
                return;
            }
            runtimeSetup.add("RUN " + String.join(" && ", creating));
            changes.add("The user " + userPart + " is created in the final stage as it was in the original image.");
        }

        void replaceUser(Instruction.User u, String user, String why) {
            String src = source(u);
            int at = u.user().range().start() - u.range().start();
            int end = u.user().range().end() - u.range().start();
            replaced.put(u, src.substring(0, at) + user + src.substring(end));
            changes.add(why);
        }

        String fromImageText() {
            return stage.from().image().text();
        }

        static String unquote(String v) {
            return dev.dockdiet.syntax.Quotes.unquote(v);
        }

        String source(Instruction i) {
            return text.substring(i.range().start(), i.range().end());
        }

        String comments(Instruction i) {
            StringBuilder sb = new StringBuilder();
            for (var c : i.node().comments()) {
                sb.append(text, c.range().start(), c.range().end()).append('\n');
            }
            return sb.toString();
        }

        // ---------------------------------------------------------------- emit

        String emit() {
            StringBuilder out = new StringBuilder();
            if (df.directive("syntax").isPresent()) {
                for (var d : df.directives()) {
                    out.append(text, d.range().start(), d.range().end()).append('\n');
                }
            } else {
                for (var d : df.directives()) {
                    out.append(text, d.range().start(), d.range().end()).append('\n');
                }
                if (opt.buildKit()) {
                    out.append("# syntax=docker/dockerfile:1\n");
                }
            }
            out.append(header());
            for (Instruction.Arg a : df.metaArgs()) {
                out.append(comments(a)).append(source(a)).append('\n');
            }
            Instruction.From from = stage.from();
            out.append(comments(from));
            out.append("FROM ");
            from.node().flags().forEach(f -> out.append(f.text()).append(' '));
            out.append(buildFrom).append(" AS build\n");
            for (Instruction i : ins) {
                if (runtimeOnly(i)) {
                    continue;
                }
                for (String pre : insertBefore.getOrDefault(i, List.of())) {
                    out.append(pre).append('\n');
                }
                out.append(comments(i));
                String src = source(i);
                if (i instanceof Instruction.Run r && !cacheMounts.getOrDefault(r, List.of()).isEmpty()) {
                    int kw = r.node().keywordRange().end() - r.range().start();
                    StringBuilder m = new StringBuilder();
                    for (String t : cacheMounts.get(r)) {
                        m.append(" --mount=type=cache,target=").append(t);
                    }
                    src = src.substring(0, kw) + m + src.substring(kw);
                }
                out.append(src).append('\n');
            }
            for (String s : extraStages) {
                out.append('\n').append(s);
            }
            out.append('\n').append("FROM ").append(runtimeImage).append('\n');
            // runtime settings: ARG and ENV (minus build-only variables), LABEL
            Set<String> neededArgs = argsUsedAtRuntime();
            for (Instruction i : ins) {
                if (i instanceof Instruction.Arg a) {
                    List<Instruction.ArgDef> keep = a.definitions().stream().filter(d -> neededArgs.contains(d.name())).toList();
                    if (keep.size() == a.definitions().size()) {
                        out.append(comments(i)).append(source(i)).append('\n');
                    } else if (!keep.isEmpty()) {
                        out.append("ARG ").append(String.join(" ", keep.stream()
                                .map(d -> d.defaultValue() == null ? d.name() : d.name() + "=" + d.defaultValue()).toList()))
                                .append('\n');
                    }
                } else if (i instanceof Instruction.Env e) {
                    List<Instruction.KeyValue> keep = e.pairs().stream().filter(kv -> !buildOnlyEnv(kv.key())).toList();
                    if (keep.size() == e.pairs().size()) {
                        out.append(comments(i)).append(source(i)).append('\n');
                    } else if (!keep.isEmpty()) {
                        out.append("ENV ").append(String.join(" ", keep.stream().map(kv -> kv.key() + "=" + quoteIfNeeded(kv.value()))
                                .toList())).append('\n');
                    }
                } else if (i instanceof Instruction.Label || i instanceof Instruction.Maintainer) {
                    out.append(comments(i)).append(source(i)).append('\n');
                }
            }
            runtimeEnv.forEach(l -> out.append(l).append('\n'));
            if (hasWorkdir && finalWorkdir != null) {
                out.append("WORKDIR ").append(finalWorkdir).append('\n');
            }
            runtimeSetup.forEach(l -> out.append(l).append('\n'));
            boolean contextFirst = eco == Ecosystem.NODE;
            if (!contextFirst) {
                runtimeCopies.forEach(l -> out.append(l).append('\n'));
            }
            if (replayContextCopies) {
                for (Instruction i : ins) {
                    if (!(i instanceof Instruction.Copy || i instanceof Instruction.Add)) {
                        continue;
                    }
                    if (i instanceof Instruction.Copy c && c.from().isPresent()) {
                        continue;
                    }
                    List<dev.dockdiet.syntax.Word> srcs = i instanceof Instruction.Copy c ? c.sources()
                            : ((Instruction.Add) i).sources();
                    if (eco == Ecosystem.NODE && srcs.stream().allMatch(s -> isManifest(s.text()))
                            && ins.stream().anyMatch(x -> x instanceof Instruction.Copy c2 && c2.sources().stream()
                            .anyMatch(s -> s.text().equals(".") || s.text().equals("./")))) {
                        continue;
                    }
                    if (srcs.stream().allMatch(s -> skipContextSources.contains(s.text().replaceFirst("^\\./", "")))) {
                        continue;
                    }
                    String src = source(i);
                    if (chown != null && i.flag("chown").isEmpty()) {
                        int kw = i.node().keywordRange().end() - i.range().start();
                        src = src.substring(0, kw) + " --chown=" + chown + src.substring(kw);
                    }
                    out.append(src).append('\n');
                }
            }
            if (contextFirst) {
                runtimeCopies.forEach(l -> out.append(l).append('\n'));
            }
            boolean userSeen = false;
            for (Instruction i : ins) {
                if (i instanceof Instruction.User) {
                    userSeen = true;
                    // only the last USER matters at run time
                    if (i != last(Instruction.User.class)) {
                        continue;
                    }
                } else if (!(runtimeOnly(i)) || i instanceof Instruction.Label || i instanceof Instruction.Maintainer) {
                    continue;
                }
                if (i instanceof Instruction.Cmd || i instanceof Instruction.Entrypoint) {
                    if (!userSeen && defaultUser != null) {
                        out.append("USER ").append(defaultUser).append('\n');
                        userSeen = true;
                    }
                }
                out.append(comments(i)).append(replaced.getOrDefault(i, source(i))).append('\n');
            }
            if (!userSeen && defaultUser != null) {
                out.append("USER ").append(defaultUser).append('\n');
            }
            return out.toString();
        }

        static String quoteIfNeeded(String v) {
            if (v.startsWith("\"") || v.startsWith("'") || !v.matches(".*\\s.*")) {
                return v;
            }
            return "\"" + v.replace("\"", "\\\"") + "\"";
        }

        /** ARG names referenced by what the final stage keeps (ENV, LABEL, CMD ...). */
        Set<String> argsUsedAtRuntime() {
            StringBuilder used = new StringBuilder();
            for (Instruction i : ins) {
                if (i instanceof Instruction.Env e) {
                    e.pairs().stream().filter(kv -> !buildOnlyEnv(kv.key())).forEach(kv -> used.append(kv.value()).append(' '));
                } else if (runtimeOnly(i) || i instanceof Instruction.User || i instanceof Instruction.Workdir) {
                    used.append(source(i)).append(' ');
                }
            }
            Set<String> out = new LinkedHashSet<>();
            for (Instruction.Arg a : stage.all(Instruction.Arg.class)) {
                for (Instruction.ArgDef d : a.definitions()) {
                    if (Pattern.compile("\\$\\{?" + Pattern.quote(d.name()) + "(?![A-Za-z0-9_])").matcher(used).find()) {
                        out.add(d.name());
                    }
                }
            }
            return out;
        }

        String header() {
            List<String> lines = new ArrayList<>();
            lines.add("Rewritten by dockdiet into a multi-stage build (" + eco.label() + ").");
            lines.add("");
            lines.add("What changed and why:");
            for (String c : changes) {
                lines.add("- " + c);
            }
            String sizes = sizes();
            if (sizes != null) {
                lines.add("- " + sizes);
            }
            if (opt.buildKit() && !cacheMounts.isEmpty()) {
                lines.add("- Package caches live in BuildKit cache mounts (RUN --mount=type=cache): faster rebuilds, "
                        + "no cache in any layer.");
            }
            if (!checks.isEmpty()) {
                lines.add("");
                lines.add("Check before you ship:");
                for (String c : checks) {
                    lines.add("- " + c);
                }
            }
            StringBuilder sb = new StringBuilder();
            for (String l : lines) {
                wrap(sb, l);
            }
            return sb.append('\n').toString();
        }

        static void wrap(StringBuilder sb, String line) {
            if (line.isEmpty()) {
                sb.append("#\n");
                return;
            }
            String indent = line.startsWith("- ") ? "  " : "";
            int width = 96;
            String rest = line;
            boolean first = true;
            while (true) {
                String prefix = "# " + (first ? "" : indent);
                if (prefix.length() + rest.length() <= width) {
                    sb.append(prefix).append(rest).append('\n');
                    return;
                }
                int cut = rest.lastIndexOf(' ', width - prefix.length());
                if (cut <= 0) {
                    cut = rest.indexOf(' ');
                    if (cut < 0) {
                        sb.append(prefix).append(rest).append('\n');
                        return;
                    }
                }
                sb.append(prefix).append(rest, 0, cut).append('\n');
                rest = rest.substring(cut + 1);
                first = false;
            }
        }

        /** The sizes at stake, from the knowledge base: base and runtime figures, compared only within one kind. */
        String sizes() {
            ImageMatch rt = kb.match(ImageRef.parse(runtimeImage)).orElse(null);
            String b = describe(baseMatch, base.familiar());
            String r = describe(rt, runtimeImage);
            if (baseMatch != null && rt != null) {
                for (SizeKind k : List.of(SizeKind.COMPRESSED, SizeKind.UNCOMPRESSED)) {
                    Optional<SizeFigure> fb = baseMatch.figure(k);
                    Optional<SizeFigure> fr = rt.figure(k);
                    if (fb.isPresent() && fr.isPresent() && fb.get().bytes() > fr.get().bytes()) {
                        SizeFigure x = fb.get();
                        SizeFigure y = fr.get();
                        return "Sizes (dockdiet knowledge base, " + k.label() + "): " + base.familiar() + " "
                                + x.megabytes() + basis(x, base.familiar()) + " (" + x.asOf() + ") -> " + runtimeImage
                                + " " + y.megabytes() + basis(y, runtimeImage) + " (" + y.asOf() + "), about "
                                + String.format(Locale.ROOT, "%.1f MB", (x.bytes() - y.bytes()) / 1_000_000.0)
                                + " less before the application's own files.";
                    }
                }
            }
            return "Sizes (dockdiet knowledge base): " + b + "; " + r + ".";
        }

        static String describe(ImageMatch m, String name) {
            if (m == null || m.figure().isEmpty()) {
                return name + " size unknown";
            }
            SizeFigure f = m.figure().get();
            return name + " " + f.megabytes() + " " + f.kind().label() + basis(f, name) + " (" + f.asOf() + ")";
        }

        static String basis(SizeFigure f, String name) {
            return f.basis().equals(name) ? "" : " as " + f.basis();
        }
    }

    /** Command-name helpers shared by the planning code. */
    static final class SimpleCommandNames {
        private SimpleCommandNames() {
        }

        static String base(String name) {
            int slash = name.lastIndexOf('/');
            return slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name;
        }
    }
}
