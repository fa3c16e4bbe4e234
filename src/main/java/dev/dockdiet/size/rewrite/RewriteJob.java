package dev.dockdiet.size.rewrite;

import dev.dockdiet.shell.ShellParser;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.size.ImageMatch;
import dev.dockdiet.size.KnowledgeBase;
import dev.dockdiet.size.rewrite.Rewriter.Options;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.ImageRef;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Problem;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rewrite in progress: the parsed file, what the analysis found, and the plan the ecosystem's
 * {@link EcosystemPlanner} fills in. The steps every ecosystem shares live here: the shape checks,
 * the analysis (working directories, variables, scripts), the detection of the ecosystem, the
 * launch command, the user, cache mounts and runtime files; {@link RewriteEmitter} writes the result.
 */
final class RewriteJob {

    /** Kinds that only configure the container: they move to the final stage. */
    static boolean runtimeOnly(Instruction i) {
        return i instanceof Instruction.Cmd || i instanceof Instruction.Entrypoint || i instanceof Instruction.Expose
                || i instanceof Instruction.Healthcheck || i instanceof Instruction.Label
                || i instanceof Instruction.Volume || i instanceof Instruction.StopSignal
                || i instanceof Instruction.Maintainer;
    }

    /** Environment variables that only steer a build; they are not carried into the final stage. */
    static final List<String> BUILD_ONLY_ENV_PREFIXES = List.of("CGO_", "GOOS", "GOARCH", "GOARM", "GOAMD64",
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

    static final Pattern SIMPLE_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");
    static final Pattern PYTHON_CMD = Pattern.compile("python(3(\\.\\d+)?)?");

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
    EcosystemPlanner planner;

    // the plan
    String buildFrom;
    final Map<Instruction, List<String>> insertBefore = new IdentityHashMap<>();
    final Map<Instruction.Run, List<String>> cacheMounts = new IdentityHashMap<>();
    final List<String> extraStages = new ArrayList<>();
    String runtimeImage;
    /** The runtime image as the final FROM writes it: {@link #runtimeImage}, pinned by digest when asked. */
    String runtimeFrom;
    boolean runtimeHasShell;
    final List<String> runtimeEnv = new ArrayList<>();
    final List<String> runtimeSetup = new ArrayList<>();
    final List<String> runtimeCopies = new ArrayList<>();
    boolean replayContextCopies;
    /** No stage copies from the build stage (Node without a build step): it is not written. */
    boolean omitBuildStage;
    /**
     * One stage is the smaller image (Python that compiles nothing): the original on the runtime
     * image, no build stage.
     */
    boolean singleStage;
    Set<String> skipContextSources = Set.of();
    /** Context copies of the original that the final stage does not replay. */
    final Set<Instruction> skipContextCopies = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The runtime copies go after the replayed context copies (Node: node_modules over the context's). */
    boolean contextCopiesFirst;
    /** Users the runtime image has as the build image did (node's node). */
    Set<String> imageUsers = Set.of();
    String chown;
    String defaultUser;
    final List<String> changes = new ArrayList<>();
    final List<String> checks = new ArrayList<>();
    final Map<Instruction, String> replaced = new IdentityHashMap<>();
    final Set<Instruction> dropped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    RewriteJob(Dockerfile df, KnowledgeBase kb, Options opt) {
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
        if (planner.takesSourcesFromContext()) {
            checkSourcesFromContext();
        }
        planner.plan(this);
        checkRuntimeImage();
        planUser();
        planLaunch();
        String out = new RewriteEmitter(this).emit();
        Dockerfile check = Dockerfile.parse(out);
        if (!check.errors().isEmpty() || check.stages().size() < (singleStage ? 1 : 2)) {
            throw refuse("the rewrite would not parse (" + (check.errors().isEmpty() ? "no stages"
                    : check.errors().get(0).message()) + "); please report this Dockerfile");
        }
        return new RewriteResult(out, null, eco, singleStage ? runtimeImage : buildFrom, runtimeImage);
    }

    /**
     * The runtime image the planner chose is written with an explicit tag (DD201), is one the
     * configuration allows (allowedBaseImages, DD304; trustedRegistries, DD303), and is pinned by digest when the
     * configuration asks (DD321).
     */
    void checkRuntimeImage() {
        String tagged = dev.dockdiet.size.ImageTags.explicit(runtimeImage);
        if (tagged == null) {
            throw refuse("the runtime image " + runtimeImage + " has no tag and dockdiet knows no documented one; "
                    + "please report this Dockerfile");
        }
        runtimeImage = tagged;
        ImageRef ref = ImageRef.parse(runtimeImage);
        if (!opt.allowedBases().isEmpty() && (ref == null
                || !dev.dockdiet.rule.ImagePolicy.allowsBaseImage(opt.allowedBases(), runtimeImage, ref))) {
            throw refuse("the runtime image it would use, " + runtimeImage + ", is not in the configuration's "
                    + "allowedBaseImages (" + String.join(", ", opt.allowedBases()) + ")");
        }
        if (!opt.trustedRegistries().isEmpty() && ref != null && !ref.isScratch()
                && !dev.dockdiet.rule.ImagePolicy.trustsRegistry(opt.trustedRegistries(), ref.registry())) {
            throw refuse("the runtime image it would use, " + runtimeImage + ", comes from " + ref.registry()
                    + ", which is not in the configuration's trustedRegistries (" + String.join(", ",
                    opt.trustedRegistries()) + ")");
        }
        runtimeFrom = runtimeImage;
        if (opt.pinDigests() && ref != null && !ref.isScratch() && ref.digest() == null) {
            java.util.Optional<String> digest = opt.digests().apply(runtimeImage);
            if (digest.isPresent()) {
                runtimeFrom = dev.dockdiet.size.ImageTags.pinned(runtimeImage, digest.get());
                changes.add("The final stage's base is pinned by digest, as the configuration asks (DD321).");
            } else {
                checks.add("The configuration asks for bases pinned by digest (DD321): pin " + runtimeImage + " ("
                        + "`docker buildx imagetools inspect " + runtimeImage + "` prints the digest; "
                        + "`dockdiet rewrite --online` looks it up).");
            }
        }
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
                e.pairs().forEach(kv -> vars.put(kv.key(), dev.dockdiet.syntax.Quotes.unquote(kv.value())));
            } else if (i instanceof Instruction.Arg a) {
                a.definitions().stream().filter(d -> d.defaultValue() != null)
                        .forEach(d -> vars.putIfAbsent(d.name(), dev.dockdiet.syntax.Quotes.unquote(d.defaultValue())));
            }
            if (i instanceof Instruction.Workdir w) {
                String p = expand(dev.dockdiet.syntax.Quotes.unquote(w.path().text()), vars);
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
        Map<Ecosystem, EcosystemPlanner> found = new java.util.LinkedHashMap<>();
        Map<EcosystemPlanner, String> otherTools = new java.util.LinkedHashMap<>();
        String incomplete = null;
        for (Instruction.Run r : runs()) {
            for (SimpleCommand c : commands(r)) {
                for (EcosystemPlanner p : Planners.all()) {
                    Ecosystem e = p.detect(c);
                    if (e != null) {
                        found.putIfAbsent(e, p);
                        continue;
                    }
                    String tool = p.unsupportedTool(c);
                    if (tool != null) {
                        otherTools.put(p, tool);
                    }
                    String why = p.incompleteBuild(c);
                    if (why != null) {
                        incomplete = why;
                    }
                }
            }
        }
        if (found.size() > 1) {
            throw refuse("it runs several builds (" + String.join(" and ", found.keySet().stream().map(Ecosystem::label).toList())
                    + "); dockdiet rewrites one ecosystem per file");
        }
        String builds = String.join(", ", Planners.all().stream().map(EcosystemPlanner::buildCommands).toList());
        if (found.isEmpty()) {
            if (!otherTools.isEmpty()) {
                throw refuse("it builds with " + otherTools.values().iterator().next()
                        + ", which the rewrite does not support yet (it supports " + builds + ")");
            }
            if (incomplete != null) {
                throw refuse(incomplete);
            }
            if (baseMatch != null && baseMatch.toolchain()) {
                throw refuse("cannot see the build: the image starts from " + base.familiar()
                        + " but no build command (" + builds + ") runs in the Dockerfile");
            }
            throw refuse("unknown ecosystem: no " + String.join(", ", Ecosystem.all().stream().map(Ecosystem::label).toList())
                    + " build (" + builds + ") runs in this Dockerfile");
        }
        var only = found.entrySet().iterator().next();
        eco = only.getKey();
        planner = only.getValue();
        if (otherTools.containsKey(planner) && planner.refusesMixedTools()) {
            throw refuse("it mixes " + planner.buildCommands() + " with " + otherTools.get(planner)
                    + "; the rewrite supports " + planner.buildCommands() + " only");
        }
        if (!planner.buildsOn(this, eco)) {
            throw refuse("the " + eco.label() + " build runs on " + base.familiar()
                    + ", not on the official toolchain image; the rewrite only splits builds on those images "
                    + "(the toolchain may come from system packages that the runtime stage would also need)");
        }
    }

    /** An official JDK image (eclipse-temurin, openjdk, amazoncorretto) with its toolchain. */
    boolean onJdk() {
        return Set.of("eclipse-temurin", "openjdk", "amazoncorretto").contains(family)
                && baseMatch != null && baseMatch.toolchain();
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
                            && planner.neededAtRuntime(n)) {
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

    // ---------------------------------------------------------------- shared planning

    static boolean isManifest(String src) {
        String s = src.replaceFirst("^\\./", "");
        return s.equals("package.json") || s.equals("package-lock.json") || s.equals("package*.json")
                || s.equals("npm-shrinkwrap.json") || s.equals(".npmrc");
    }

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

    /** The uid of the user the rewrite creates when the original ran as root: five digits, so DD126 stays quiet. */
    static final String APP_UID = "10001";

    void planUser() {
        Instruction.User u = last(Instruction.User.class);
        if (singleStage) {
            if (u == null) {
                addAppUser(); // the original's own user lines stay as written
            }
            return;
        }
        if (u == null) {
            if (defaultUser != null) {
                return;
            }
            if (runtimeImage.endsWith(":nonroot") || !runtimeHasShell) {
                if (!runtimeImage.endsWith(":nonroot") && !runtimeImage.equals("scratch")) {
                    checks.add("The container runs as root, as the original did: consider a non-root USER.");
                }
                return;
            }
            addAppUser();
            return;
        }
        planNamedUser(u);
    }

    /** DD314: the final stage gets an unprivileged user of its own (uid 10001, numeric for DD245). */
    void addAppUser() {
        boolean alpine = runtimeImage.contains("alpine");
        runtimeSetup.add(alpine ? "RUN addgroup -S -g " + APP_UID + " app && adduser -S -D -H -u " + APP_UID
                + " -G app app" : "RUN useradd --system --user-group --no-create-home --no-log-init --uid "
                + APP_UID + " app");
        defaultUser = APP_UID + ":" + APP_UID;
        changes.add("The " + (singleStage ? "" : "final ") + "stage runs as an unprivileged user, app (uid " + APP_UID
                + "), created for it; the original ran as root.");
        checks.add("If the program writes files outside /tmp, give the user app that folder (COPY --chown="
                + APP_UID + ":" + APP_UID + ", or RUN mkdir -p DIR && chown " + APP_UID + " DIR).");
    }

    void planNamedUser(Instruction.User u) {
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
            if (imageUsers.contains(userPart)) {
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
}
