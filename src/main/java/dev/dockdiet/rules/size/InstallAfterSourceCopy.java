package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.LineMap;
import dev.dockdiet.syntax.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DD130: the project's dependencies are installed after the whole build context was copied
 * ({@code COPY . .} then {@code npm ci}, {@code pip install -r}, {@code go mod download},
 * {@code mvn package}, {@code cargo build}, {@code bundle install}, {@code composer install} ...),
 * so any source change invalidates the install layer and every dependency is downloaded again.
 * Copy the manifest and lock files first, install, then copy the rest. Where the reorder is
 * mechanical (the install RUN follows the copy and only installs) a suggested fix moves it.
 */
public final class InstallAfterSourceCopy implements Rule {

    public static final RuleMeta META = new RuleMeta("DD130", "install-after-source-copy", Severity.WARNING,
            Category.SIZE, Fixability.SOMETIMES, List.of(),
            "Install dependencies from their manifests before copying the whole build context");

    /** One ecosystem: its manifests (the first is required) and what to copy when the context is unknown. */
    private record Kind(String label, List<String> manifests, String unknownContext, boolean movable) {
    }

    private static final Kind NPM = new Kind("npm", List.of("package.json", "package-lock.json", "npm-shrinkwrap.json"),
            "package*.json", true);
    private static final Kind YARN = new Kind("yarn", List.of("package.json", "yarn.lock"), "package.json yarn.lock", true);
    private static final Kind PNPM = new Kind("pnpm", List.of("package.json", "pnpm-lock.yaml"),
            "package.json pnpm-lock.yaml", true);
    private static final Kind PIP = new Kind("pip", List.of(), "", true);
    private static final Kind GO = new Kind("go", List.of("go.mod", "go.sum"), "go.mod go.sum", true);
    private static final Kind MAVEN = new Kind("maven", List.of("pom.xml"), "pom.xml", true);
    private static final Kind GRADLE = new Kind("gradle", List.of("build.gradle", "build.gradle.kts", "settings.gradle",
            "settings.gradle.kts", "gradle.properties"), "", false);
    private static final Kind CARGO = new Kind("cargo", List.of("Cargo.toml", "Cargo.lock"), "", false);
    private static final Kind BUNDLER = new Kind("bundler", List.of("Gemfile", "Gemfile.lock"), "Gemfile Gemfile.lock", true);
    private static final Kind COMPOSER = new Kind("composer", List.of("composer.json", "composer.lock"),
            "composer.json composer.lock", true);

    private static final Set<String> MAVEN_GOALS = Set.of("package", "install", "verify", "compile", "test",
            "dependency:go-offline", "dependency:resolve", "dependency:resolve-plugins", "spring-boot:repackage");
    private static final Set<String> GRADLE_TASKS = Set.of("build", "assemble", "bootJar", "shadowJar", "jar", "war",
            "installDist", "distTar", "distZip", "compileJava", "compileKotlin", "classes", "dependencies", "bootWar");

    /**
     * A dependency install found in a RUN.
     *
     * @param pure the whole command only installs from the manifests (so it may run before the sources are there)
     * @param files for pip, the requirement files named by {@code -r}
     */
    private record Install(Kind kind, SimpleCommand command, boolean pure, List<String> files) {
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        Path context = ctx.settings().contextDir();
        if (context != null && !Files.isDirectory(context)) {
            context = null;
        }
        Map<Integer, String> finalWorkdir = new HashMap<>();
        Map<Integer, Set<String>> manifestsSeen = new HashMap<>();
        for (Stage s : file.stages()) {
            String wd = s.baseStage() >= 0 ? finalWorkdir.getOrDefault(s.baseStage(), "/") : "/";
            Set<String> seen = new java.util.HashSet<>(s.baseStage() >= 0
                    ? manifestsSeen.getOrDefault(s.baseStage(), Set.of()) : Set.of());
            Instruction.SourcesAndDest whole = null;
            String copyDir = null;
            boolean reported = false;
            List<Instruction> in = s.instructions();
            for (int k = 0; k < in.size(); k++) {
                Instruction i = in.get(k);
                if (i instanceof Instruction.Workdir w && w.path() != null) {
                    wd = resolve(wd, dev.dockdiet.syntax.Quotes.unquote(w.path().text()));
                } else if (i instanceof Instruction.SourcesAndDest sd && !(i instanceof Instruction.Copy c
                        && c.from().isPresent())) {
                    if (whole == null && copiesWholeContext(sd)) {
                        whole = sd;
                        copyDir = sd.destination() == null ? wd : resolve(wd, dev.dockdiet.syntax.Quotes.unquote(sd.destination().text()));
                    } else if (whole == null) {
                        for (Word2 w : names(sd)) {
                            seen.add(w.name());
                        }
                    }
                } else if (i instanceof Instruction.Run run && whole == null) {
                    // an install before the whole copy: the project already installs from its manifests
                    for (Install inst : installs(ctx.shell(run))) {
                        seen.add("install:" + inst.kind().label());
                    }
                } else if (i instanceof Instruction.Run run && !reported) {
                    ShellScript sh = ctx.shell(run);
                    if (sh.hasErrors()) {
                        continue;
                    }
                    for (Install inst : installs(sh)) {
                        String dir = installDir(sh, inst, wd, copyDir);
                        if (dir == null || alreadyLayered(inst.kind(), seen) || dependenciesCached(run, inst.kind())) {
                            continue;
                        }
                        if (needsSources(context, inst) || manifestMissing(context, inst, copyDir, dir)) {
                            continue;
                        }
                        boolean next = k > 0 && in.get(k - 1) == whole;
                        report(ctx, file, context, whole, run, inst, wd, dir, copyDir, next);
                        reported = true;
                        break;
                    }
                }
            }
            finalWorkdir.put(s.index(), wd);
            manifestsSeen.put(s.index(), seen);
        }
    }

    /**
     * True when a cache mount of the RUN holds the dependency cache of {@code kind} (BuildKit keeps
     * it between builds): a source change then re-runs the build, but downloads nothing again,
     * which is what this rule warns about.
     */
    private static boolean dependenciesCached(Instruction.Run run, Kind kind) {
        if (run.mounts().isEmpty()) {
            return false;
        }
        List<String> caches;
        List<String> suffixes;
        switch (kind.label()) {
            case "npm" -> { caches = CacheRuleSupport.inHomes(".npm"); suffixes = List.of(".npm"); }
            case "yarn" -> { caches = List.of("/usr/local/share/.cache/yarn"); suffixes = List.of(".cache/yarn", ".yarn/berry/cache"); }
            case "pnpm" -> { caches = List.of(); suffixes = List.of("pnpm/store", ".pnpm-store"); }
            case "pip" -> { caches = CacheRuleSupport.inHomes(".cache/pip"); suffixes = List.of(".cache/pip"); }
            case "go" -> { caches = List.of("/go/pkg/mod", "/root/go/pkg/mod"); suffixes = List.of("go/pkg/mod"); }
            case "maven" -> { caches = CacheRuleSupport.inHomes(".m2"); suffixes = List.of(".m2", ".m2/repository"); }
            case "gradle" -> { caches = CacheRuleSupport.inHomes(".gradle"); suffixes = List.of(".gradle", ".gradle/caches"); }
            case "cargo" -> { caches = List.of("/usr/local/cargo/registry"); suffixes = List.of("cargo/registry"); }
            case "bundler" -> { caches = List.of("/usr/local/bundle/cache"); suffixes = List.of("bundle/cache"); }
            case "composer" -> { caches = CacheRuleSupport.inHomes(".composer/cache"); suffixes = List.of(".composer/cache", ".cache/composer"); }
            default -> { return false; }
        }
        return CacheRuleSupport.cacheMounted(run, caches, suffixes);
    }

    private record Word2(String name) {
    }

    /** The base names of the sources a COPY/ADD takes from the context. */
    private static List<Word2> names(Instruction.SourcesAndDest sd) {
        List<Word2> out = new ArrayList<>();
        for (dev.dockdiet.syntax.Word w : sd.sourcePaths()) {
            String t = dev.dockdiet.syntax.Quotes.unquote(w.text());
            int slash = t.replaceAll("/+$", "").lastIndexOf('/');
            out.add(new Word2(slash < 0 ? t : t.substring(slash + 1)));
        }
        return out;
    }

    private static boolean copiesWholeContext(Instruction.SourcesAndDest sd) {
        for (dev.dockdiet.syntax.Word w : sd.sourcePaths()) {
            String t = dev.dockdiet.syntax.Quotes.unquote(w.text());
            if (t.equals(".") || t.equals("./") || t.equals("./.") || t.equals("/")) {
                return true;
            }
        }
        return false;
    }

    /** True when a manifest of this ecosystem was copied on its own (or installed from) before the whole copy. */
    private static boolean alreadyLayered(Kind kind, Set<String> seen) {
        if (seen.contains("install:" + kind.label())) {
            return true;
        }
        for (String name : seen) {
            if (name.startsWith("install:")) {
                continue;
            }
            if (kind == PIP) {
                if (name.startsWith("requirements") || name.equals("pyproject.toml") || name.equals("Pipfile")) {
                    return true;
                }
                continue;
            }
            if (kind == GRADLE && (name.startsWith("build.gradle") || name.startsWith("settings.gradle"))) {
                return true;
            }
            String first = kind.manifests().isEmpty() ? null : kind.manifests().get(0);
            if (first != null && (name.equals(first) || (name.contains("*") && globMatches(name, first)))) {
                return true;
            }
        }
        return false;
    }

    /** {@code *} any text, {@code ?} one character (linear: the pattern is Dockerfile text). */
    private static boolean globMatches(String glob, String name) {
        return dev.dockdiet.syntax.GlobMatcher.wildcard(glob, false).matches(name);
    }

    /**
     * Where the install runs (the WORKDIR, a {@code cd} before it in the RUN, its {@code --prefix}),
     * when that is the directory the context was copied to or below it; null otherwise.
     */
    private static String installDir(ShellScript sh, Install inst, String wd, String copyDir) {
        String dir = wd;
        for (SimpleCommand c : sh.effectiveCommands()) {
            if (c == inst.command()) {
                break;
            }
            if (c.is("cd") && !c.positionals().isEmpty()) {
                dir = resolve(dir, c.positionals().get(0).value());
            }
        }
        String prefix = inst.command().flagValue("--prefix").orElse(null);
        if (prefix == null) {
            prefix = inst.command().flagValue("-C").orElse(null);
        }
        if (prefix == null) {
            prefix = inst.command().flagValue("--cwd").orElse(null);
        }
        if (prefix != null) {
            dir = resolve(dir, prefix);
        }
        return dir.equals(copyDir) || dir.startsWith(copyDir.endsWith("/") ? copyDir : copyDir + "/") ? dir : null;
    }

    /**
     * With a known context: the ecosystem's main manifest is not where the install runs (a
     * GOPATH-era {@code go build}, a {@code package.json} made by an earlier step ...), so there is
     * nothing to copy first.
     */
    private static boolean manifestMissing(Path context, Install inst, String copyDir, String dir) {
        if (context == null) {
            return false;
        }
        String sub = dir.equals(copyDir) ? "" : dir.substring(copyDir.length() + (copyDir.endsWith("/") ? 0 : 1)) + "/";
        List<String> primary;
        if (inst.kind() == PIP) {
            primary = inst.files().stream().filter(f -> !f.startsWith("/") && !f.contains("$")).toList();
            if (primary.size() != inst.files().size()) {
                return false;
            }
        } else if (inst.kind() == GRADLE) {
            primary = List.of("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts");
        } else {
            primary = List.of(inst.kind().manifests().get(0));
        }
        if (sub.contains("$")) {
            return false;
        }
        for (String m : primary) {
            if (Files.exists(context.resolve(sub + m))) {
                return false;
            }
        }
        return true;
    }

    /** What the context tells: requirement files that install the project itself, Gemfiles that read a gemspec. */
    private static boolean needsSources(Path context, Install inst) {
        if (context == null) {
            return false;
        }
        if (inst.kind() == PIP) {
            for (String f : inst.files()) {
                String text = read(context.resolve(f));
                if (text == null) {
                    continue;
                }
                for (String line : text.split("\n")) {
                    String l = line.strip();
                    if (l.startsWith("-e") || l.startsWith("--editable") || l.equals(".") || l.startsWith("./")
                            || l.startsWith("file:")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String read(Path p) {
        try {
            return Files.isRegularFile(p) && Files.size(p) < 1_000_000 ? Files.readString(p, StandardCharsets.UTF_8)
                    : null;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    // ---- what counts as an install ----------------------------------------------------------------

    private static List<Install> installs(ShellScript sh) {
        List<Install> out = new ArrayList<>();
        List<SimpleCommand> cmds = sh.effectiveCommands();
        for (SimpleCommand c : cmds) {
            Install i = install(c);
            if (i != null) {
                out.add(i);
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        boolean pure = true;
        for (SimpleCommand c : cmds) {
            if (!harmless(c) && out.stream().noneMatch(i -> i.command() == c && i.pure())) {
                pure = false;
            }
        }
        List<Install> result = new ArrayList<>();
        for (Install i : out) {
            result.add(new Install(i.kind(), i.command(), pure && i.pure(), i.files()));
        }
        return result;
    }

    /** Commands that may run before the sources are there without changing what they do. */
    private static boolean harmless(SimpleCommand c) {
        if (c.name() == null) {
            return true; // an assignment only
        }
        if (c.is("npm") && (c.isSubcommand("config", "cache", "set"))) {
            return true;
        }
        if (c.is("yarn") && c.isSubcommand("cache", "config")) {
            return true;
        }
        if (c.is("pip", "pip3") && c.isSubcommand("install")) {
            List<Word> p = c.positionals();
            return p.size() > 1 && p.subList(1, p.size()).stream()
                    .allMatch(w -> Set.of("pip", "setuptools", "wheel", "--upgrade").contains(w.value()));
        }
        return c.is("rm", "true", "echo", "corepack");
    }

    private static Install install(SimpleCommand c) {
        if (c.name() == null || !c.name().isLiteral()) {
            return null;
        }
        List<Word> pos = c.positionals();
        String sub = pos.isEmpty() ? null : pos.get(0).value();
        if (c.is("npm")) {
            if (sub == null || c.hasFlag("-g", "--global", "--location=global") || pos.size() > 1) {
                return null;
            }
            return sub.equals("ci") || sub.equals("install") || sub.equals("i") ? new Install(NPM, c, true, List.of())
                    : null;
        }
        if (c.is("yarn")) {
            if (sub == null || (sub.equals("install") && pos.size() == 1)) {
                return c.hasFlag("--version", "-v", "--help", "-h") ? null : new Install(YARN, c, true, List.of());
            }
            return null;
        }
        if (c.is("pnpm")) {
            return (sub != null && (sub.equals("install") || sub.equals("i")) && pos.size() == 1)
                    ? new Install(PNPM, c, true, List.of()) : null;
        }
        boolean pip = c.is("pip", "pip3");
        List<Word> args = c.args();
        if (!pip && c.is("python", "python3") && args.size() >= 2 && args.get(0).value().equals("-m")
                && (args.get(1).value().equals("pip"))) {
            pip = true;
            pos = pos.size() > 1 ? pos.subList(1, pos.size()) : List.of();
            sub = pos.isEmpty() ? null : pos.get(0).value();
        }
        if (pip) {
            if (!"install".equals(sub)) {
                return null;
            }
            List<String> files = new ArrayList<>(c.flagValues("-r"));
            files.addAll(c.flagValues("--requirement"));
            if (files.isEmpty()) {
                return null;
            }
            // more positionals install something else too (often the project itself: pip install -r r.txt .)
            return new Install(PIP, c, pos.size() == 1, List.copyOf(files));
        }
        if (c.is("go")) {
            if ("mod".equals(sub) && pos.size() >= 2 && pos.get(1).value().equals("download")) {
                return new Install(GO, c, true, List.of());
            }
            if ("mod".equals(sub) && pos.size() >= 2 && pos.get(1).value().equals("tidy")) {
                return new Install(GO, c, false, List.of()); // downloads too, and reads the sources
            }
            if ("get".equals(sub) && pos.size() == 1) {
                return new Install(GO, c, false, List.of()); // GOPATH-era: fetch what the sources import
            }
            if (("build".equals(sub) || "install".equals(sub) || "test".equals(sub))
                    && c.flagValues("-mod").stream().noneMatch("vendor"::equals)
                    && pos.stream().skip(1).noneMatch(w -> w.value().contains("@"))) {
                return new Install(GO, c, false, List.of());
            }
            return null;
        }
        if (c.is("mvn", "mvnw")) {
            if (c.hasFlag("-o", "--offline")) {
                return null;
            }
            for (Word w : pos) {
                if (MAVEN_GOALS.contains(w.value())) {
                    boolean offline = w.value().startsWith("dependency:");
                    return new Install(MAVEN, c, offline && pos.size() == 1, List.of());
                }
            }
            return null;
        }
        if (c.is("gradle", "gradlew")) {
            if (c.hasFlag("--offline")) {
                return null;
            }
            for (Word w : pos) {
                String t = w.value().startsWith(":") ? w.value().substring(w.value().lastIndexOf(':') + 1) : w.value();
                if (GRADLE_TASKS.contains(t)) {
                    return new Install(GRADLE, c, false, List.of());
                }
            }
            return null;
        }
        if (c.is("cargo")) {
            return "build".equals(sub) && !c.hasFlag("--offline", "--frozen") ? new Install(CARGO, c, false, List.of())
                    : null;
        }
        if (c.is("bundle", "bundler")) {
            return (sub == null || sub.equals("install")) && !c.hasFlag("--local", "--version", "-v")
                    ? new Install(BUNDLER, c, true, List.of()) : null;
        }
        if (c.is("composer")) {
            return "install".equals(sub)
                    ? new Install(COMPOSER, c, c.hasFlag("--no-scripts") && c.hasFlag("--no-autoloader"), List.of())
                    : null;
        }
        return null;
    }

    // ---- the report and the fix --------------------------------------------------------------------

    private static void report(RuleContext ctx, Dockerfile file, Path context, Instruction.SourcesAndDest whole,
                               Instruction.Run run, Install inst, String wd, String dir, String copyDir,
                               boolean next) {
        List<String> manifests = manifests(context, inst, copyDir, dir);
        String what = manifests.isEmpty() ? describe(inst.kind()) : String.join(", ", manifests);
        String cmd = commandText(inst.command());
        String msg = "`" + cmd + "` runs after `" + whole.keyword() + " "
                + whole.sourcePaths().get(0).text() + "` (line " + whole.range().startLine()
                + ") copied the whole build context, so every source change re-runs it and downloads every "
                + "dependency again. Copy " + what + " first, install, then copy the rest";
        if (inst.kind() == CARGO) {
            msg += " (cargo needs a stub src/main.rs for that, or `cargo chef`)";
        } else if (inst.kind() == GO && !inst.pure()) {
            msg += " (`RUN go mod download` after copying go.mod and go.sum)";
        } else if (inst.kind() == MAVEN && !inst.pure()) {
            msg += " (`RUN mvn dependency:go-offline` after copying pom.xml)";
        } else if (inst.kind() == COMPOSER && !inst.pure()) {
            msg += " (`composer install --no-scripts --no-autoloader`, then `composer dump-autoload` after the copy)";
        }
        Finding f = new Finding(META, msg, run.range());
        Fix fix = fix(file, context, whole, run, inst, wd.equals(dir) ? wd : null, copyDir, next, manifests);
        ctx.report(fix == null ? f : f.withFix(fix));
    }

    private static String describe(Kind kind) {
        return switch (kind.label()) {
            case "pip" -> "the requirements files";
            case "gradle" -> "build.gradle(.kts), settings.gradle(.kts), gradle.properties and the wrapper";
            default -> String.join(", ", kind.manifests());
        };
    }

    private static String commandText(SimpleCommand c) {
        String raw = c.raw().strip();
        return raw.length() > 60 ? raw.substring(0, 57) + "..." : raw;
    }

    /** The manifests to copy: those that exist in the context when it is known, else the usual ones. */
    private static List<String> manifests(Path context, Install inst, String copyDir, String dir) {
        List<String> candidates = inst.kind() == PIP ? inst.files() : inst.kind().manifests();
        String sub = dir.equals(copyDir) ? "" : dir.substring(copyDir.length() + (copyDir.endsWith("/") ? 0 : 1)) + "/";
        List<String> out = new ArrayList<>();
        for (String m : candidates) {
            String rel = sub + m;
            if (context == null) {
                if (inst.kind() != GRADLE && !m.equals("npm-shrinkwrap.json")) {
                    out.add(rel);
                }
            } else if (Files.isRegularFile(context.resolve(rel))) {
                out.add(rel);
            }
        }
        return out;
    }

    private static Fix fix(Dockerfile file, Path context, Instruction.SourcesAndDest whole, Instruction.Run run,
                           Install inst, String wd, String copyDir, boolean next, List<String> manifests) {
        if (wd == null || !inst.pure() || !inst.kind().movable() || !next || !wd.equals(copyDir)) {
            return null;
        }
        String sources;
        if (context == null) {
            sources = inst.kind() == PIP ? String.join(" ", inst.files()) : inst.kind().unknownContext();
            if (inst.kind() == PIP && inst.files().stream().anyMatch(f -> f.contains("/") || f.contains("$"))) {
                return null;
            }
        } else {
            if (manifests.isEmpty() || !monorepoFree(context, inst)) {
                return null;
            }
            String primary = inst.kind() == PIP ? inst.files().get(0) : inst.kind().manifests().get(0);
            if (!manifests.contains(primary) || manifests.stream().anyMatch(m -> m.contains("/"))) {
                return null;
            }
            sources = String.join(" ", manifests);
        }
        if (sources.isEmpty()) {
            return null;
        }
        String text = file.text();
        LineMap lines = file.lines();
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        String dest = whole.destination() == null ? "./" : dev.dockdiet.syntax.Quotes.unquote(whole.destination().text());
        if (dest.contains("$")) {
            return null;
        }
        if (!dest.endsWith("/")) {
            dest = dest + "/";
        }
        StringBuilder flags = new StringBuilder();
        for (Flag f : whole.node().flags()) {
            if (f.name().equals("chown") || f.name().equals("chmod") || f.name().equals("link")) {
                flags.append(f.text()).append(' ');
            }
        }
        int copyStart = lines.lineStart(whole.range().startLine());
        int blockStart = lineAfter(lines, text, whole.range().endLine());
        int blockEnd = lineAfter(lines, text, run.range().endLine());
        String block = text.substring(blockStart, blockEnd);
        String moved = block.replaceFirst("^(?:[ \\t]*\\r?\\n)+", "");
        if (!moved.endsWith("\n")) {
            moved = moved + nl;
        }
        String insert = "COPY " + flags + sources + " " + dest + nl + moved;
        return Fix.suggested("copy " + sources + " and install before copying the whole context",
                new Edit(lines.range(copyStart, copyStart), insert),
                new Edit(lines.range(blockStart, blockEnd), ""));
    }

    /** False for workspaces (npm/yarn/pnpm), Berry yarn, gemspec Gemfiles and multi-module Maven builds. */
    private static boolean monorepoFree(Path context, Install inst) {
        String label = inst.kind().label();
        if (label.equals("npm") || label.equals("yarn") || label.equals("pnpm")) {
            String pkg = read(context.resolve("package.json"));
            if (pkg != null && (pkg.contains("\"workspaces\"") || pkg.contains("\"postinstall\"")
                    || pkg.contains("\"preinstall\"") || pkg.contains("\"prepare\"") || pkg.contains("\"install\""))) {
                return false;
            }
            return !Files.exists(context.resolve("pnpm-workspace.yaml")) && !Files.exists(context.resolve("lerna.json"))
                    && !Files.exists(context.resolve(".yarnrc.yml"));
        }
        if (label.equals("bundler")) {
            String gemfile = read(context.resolve("Gemfile"));
            return gemfile == null || !gemfile.contains("gemspec");
        }
        if (label.equals("maven")) {
            String pom = read(context.resolve("pom.xml"));
            return pom == null || !pom.contains("<modules>");
        }
        if (label.equals("pip")) {
            for (String f : inst.files()) {
                String req = read(context.resolve(f));
                if (req != null && (req.contains("-r ") || req.contains("-c ") || req.contains("--requirement")
                        || req.contains("--constraint"))) {
                    return false; // nested requirement files would need copying too
                }
            }
        }
        return true;
    }

    /** The offset where the line after {@code line} starts, or the end of the text. */
    private static int lineAfter(LineMap lines, String text, int line) {
        return line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
    }

    // ---- paths ------------------------------------------------------------------------------------

    static String resolve(String dir, String path) {
        String p = path;
        if (p.isEmpty()) {
            return dir;
        }
        return CleanupInLaterLayer.normalise(p.startsWith("/") ? p : (dir.endsWith("/") ? dir : dir + "/") + p);
    }
}
