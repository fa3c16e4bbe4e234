package dev.dockdiet.size.rewrite;

import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.size.Alternative;
import dev.dockdiet.syntax.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node.js (npm): the install and build run in the build stage; production {@code node_modules}
 * and the built files go to a slim Node runtime.
 *
 * <p>{@link #plan} fills the job's plan or refuses.
 */
final class NodePlanner implements EcosystemPlanner {

    static final Ecosystem NODE = new Ecosystem("node", "Node.js");

    @Override
    public List<Ecosystem> ecosystems() {
        return List.of(NODE);
    }

    @Override
    public Ecosystem detect(SimpleCommand c) {
        String sub = c.subcommand();
        return c.is("npm") && ("ci".equals(sub) || "install".equals(sub) || "i".equals(sub)) ? NODE : null;
    }

    @Override
    public String unsupportedTool(SimpleCommand c) {
        return c.is("yarn", "pnpm", "bun") ? c.nameValue() : null;
    }

    @Override
    public boolean refusesMixedTools() {
        return true;
    }

    @Override
    public String buildCommands() {
        return "npm ci";
    }

    @Override
    public boolean buildsOn(RewriteJob job, Ecosystem e) {
        return job.family.equals("node");
    }

    @Override
    public boolean takesSourcesFromContext() {
        return true;
    }

    /** node-gyp needs python3 to build native addons; the program does not. */
    @Override
    public boolean neededAtRuntime(String systemPackage) {
        return !systemPackage.equals("python3") && !systemPackage.equals("python");
    }

    @Override
    public void plan(RewriteJob job) {
        SimpleCommand install = null;
        Instruction.Run installRun = null;
        boolean buildStep = false;
        for (Instruction.Run r : job.runs()) {
            for (SimpleCommand c : job.commands(r)) {
                String sub = c.subcommand();
                if (c.is("npm") && ("ci".equals(sub) || "install".equals(sub) || "i".equals(sub))) {
                    if (c.hasFlag("-g", "--global", "--location")) {
                        throw job.refuse("it installs npm packages globally (" + c.raw().trim() + "); dockdiet cannot "
                                + "tell whether the runtime needs them");
                    }
                    if (c.positionals().size() > 1) {
                        throw job.refuse("it installs named npm packages (" + c.raw().trim() + ") outside "
                                + "package.json; the production install would miss them");
                    }
                    if (install == null) {
                        install = c;
                        installRun = r;
                    }
                    job.mount(r, "/root/.npm");
                } else if ((c.is("npm") && "run".equals(sub)) || c.is("tsc", "npx")) {
                    buildStep = true;
                }
            }
        }
        if (install == null) {
            throw job.refuse("cannot see the npm install");
        }
        if (installRun != null && job.scripts.get(installRun).effectiveCommands().stream()
                .anyMatch(c -> c.is("npm") && "run".equals(c.subcommand()))) {
            buildStep = true;
        }
        job.buildFrom = job.fromImageText();
        job.runtimeImage = null;
        String variant = job.baseMatch == null ? null : job.baseMatch.variant();
        if ("slim".equals(variant) || "alpine".equals(variant)) {
            job.runtimeImage = job.base.familiar();
        } else if (job.baseMatch != null) {
            for (Alternative a : job.kb.alternatives(job.baseMatch)) {
                if ("node".equals(a.family()) && "slim".equals(a.variant())) {
                    job.runtimeImage = a.image();
                    break;
                }
            }
        }
        if (job.runtimeImage == null) {
            throw job.refuse("no slim variant of " + job.base.familiar() + " is known to dockdiet");
        }
        job.runtimeHasShell = true;
        job.chown = "node:node";
        job.defaultUser = "1000:1000"; // the node images' user node, by number (DD245)
        job.imageUsers = java.util.Set.of("node");
        job.contextCopiesFirst = true;
        String installWd = job.workdirBefore.get(installRun);
        if (installWd == null || !job.hasWorkdir) {
            throw job.refuse("npm install runs without a WORKDIR; add one so that node_modules has a known place");
        }
        // the production dependencies, installed on the build image (it has the compilers native addons need)
        boolean lock = lockFileSeen(job);
        boolean ci = "ci".equals(install.subcommand()) || lock;
        Integer major = nodeMajor(job);
        String omit = major != null && major < 15 ? "--production" : "--omit=dev";
        StringBuilder deps = new StringBuilder();
        deps.append("FROM ").append(job.buildFrom).append(" AS prod-deps\n");
        deps.append("WORKDIR ").append(installWd).append('\n');
        boolean manifestCopied = false;
        for (Instruction i : job.ins) {
            if (i == installRun) {
                break;
            }
            if (i instanceof Instruction.Arg || i instanceof Instruction.Env) {
                deps.append(job.source(i)).append('\n');
            } else if (i instanceof Instruction.Copy c && c.from().isEmpty() && !c.sources().isEmpty()
                    && c.sources().stream().allMatch(s -> RewriteJob.isManifest(s.text()))) {
                deps.append(job.source(i)).append('\n');
                manifestCopied = true;
            }
        }
        if (!manifestCopied) {
            deps.append("COPY package*.json ./\n");
        }
        String installCmd = "npm " + (ci ? "ci" : "install") + " " + omit;
        if (job.opt.buildKit()) {
            deps.append("RUN --mount=type=cache,target=/root/.npm ").append(installCmd).append('\n');
        } else {
            deps.append("RUN ").append(installCmd).append(" && npm cache clean --force\n");
        }
        job.extraStages.add(deps.toString());
        if (!job.hasEnv("NODE_ENV")) {
            job.runtimeEnv.add("ENV NODE_ENV=production");
        }
        String nm = installWd.equals("/") ? "/node_modules" : installWd + "/node_modules";
        job.changes.add((buildStep ? "The build runs in the \"build\" stage on " + job.buildFrom + " as before. A "
                + "\"prod-deps\" stage installs" : "A \"prod-deps\" stage on " + job.buildFrom + " installs")
                + " the production dependencies only (" + installCmd + "), so devDependencies, the npm "
                + "cache and the full Debian base no longer ship.");
        if (!buildStep) {
            // nothing runs a build (npm run, tsc): the final stage copies nothing from a build stage, so there is none
            job.omitBuildStage = true;
        }
        job.changes.add("Final stage: " + job.runtimeImage + " (same Node.js version), with NODE_ENV=production, running as "
                + "the non-root user node (uid 1000).");
        if (!ci) {
            job.checks.add("No package-lock.json was seen, so the production install uses npm install: commit a lock "
                    + "file and use npm ci for reproducible installs.");
        }
        if (buildStep) {
            List<String> w = job.launchWords();
            String out = null;
            if (w.size() >= 2 && SimpleCommandNames.base(w.get(0)).equals("node")) {
                String script = w.get(1);
                int slash = script.replaceFirst("^\\./", "").indexOf('/');
                if (slash > 0 && !script.startsWith("/")) {
                    out = script.replaceFirst("^\\./", "").substring(0, slash);
                }
            }
            if (out == null) {
                throw job.refuse("the image runs a build (npm run, tsc) and the container starts with "
                        + String.join(" ", w) + ": the rewrite cannot tell which build output to copy; start it "
                        + "with node <dir>/<file>.js");
            }
            String outAbs = job.abs(out, job.finalWorkdir, "the build output");
            job.runtimeCopies.add("COPY --chown=node:node package*.json ./");
            job.runtimeCopies.add("COPY --from=prod-deps --chown=node:node " + nm + " " + nm);
            job.runtimeCopies.add("COPY --from=build --chown=node:node " + outAbs + " " + outAbs);
            job.changes.add("Only the build output " + outAbs + " is copied from the build stage; the sources and "
                    + "the build tools stay behind.");
        } else {
            job.replayContextCopies = true;
            // the manifests come again with the whole context (COPY . .): their own copy is not replayed
            boolean wholeContext = job.ins.stream().anyMatch(x -> x instanceof Instruction.Copy c2 && c2.from().isEmpty()
                    && c2.sources().stream().anyMatch(s -> s.text().equals(".") || s.text().equals("./")));
            for (Instruction i : job.ins) {
                if (wholeContext && i instanceof Instruction.Copy c && c.from().isEmpty() && !c.sources().isEmpty()
                        && c.sources().stream().allMatch(s -> RewriteJob.isManifest(s.text()))) {
                    job.skipContextCopies.add(i);
                }
            }
            job.runtimeCopies.add("COPY --from=prod-deps --chown=node:node " + nm + " " + nm);
            job.changes.add("The application files are copied from the build context as before, then the production "
                    + "node_modules from the prod-deps stage.");
            job.checks.add("Keep node_modules in .dockerignore, so that the context copy does not bring local "
                    + "devDependencies back.");
        }
        String prepare = packageJsonScript(job, "prepare");
        if (prepare != null) {
            job.checks.add("package.json has a prepare script (" + prepare + "), which npm runs on install: if it "
                    + "needs devDependencies, add --ignore-scripts to the production install.");
        } else if (job.opt.contextDir() == null) {
            job.checks.add("package.json was not read: if it has a prepare script that needs devDependencies "
                    + "(husky), add --ignore-scripts to the production install.");
        }
    }

    boolean lockFileSeen(RewriteJob job) {
        for (Instruction.Copy c : job.stage.all(Instruction.Copy.class)) {
            if (c.sources().stream().anyMatch(s -> s.text().replaceFirst("^\\./", "").equals("package-lock.json")
                    || s.text().endsWith("npm-shrinkwrap.json"))) {
                return true;
            }
        }
        return job.opt.contextDir() != null && (Files.isRegularFile(job.opt.contextDir().resolve("package-lock.json"))
                || Files.isRegularFile(job.opt.contextDir().resolve("npm-shrinkwrap.json")));
    }

    String packageJsonScript(RewriteJob job, String name) {
        if (job.opt.contextDir() == null) {
            return null;
        }
        Path p = job.opt.contextDir().resolve("package.json");
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

    Integer nodeMajor(RewriteJob job) {
        String v = job.baseMatch == null ? null : job.baseMatch.version();
        if (v == null) {
            return null;
        }
        Matcher m = Pattern.compile("^(\\d+)").matcher(v);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
