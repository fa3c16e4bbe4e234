package dev.dockdiet.size.rewrite;

import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.size.Alternative;
import dev.dockdiet.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Python (pip): the packages are installed into a virtual environment in the build stage, and the
 * venv goes to a slim Python runtime of the same version.
 *
 * <p>{@link #plan} fills the job's plan or refuses.
 */
final class PythonPlanner implements EcosystemPlanner {

    static final Ecosystem PYTHON = new Ecosystem("python", "Python");

    @Override
    public List<Ecosystem> ecosystems() {
        return List.of(PYTHON);
    }

    @Override
    public Ecosystem detect(SimpleCommand c) {
        return RewriteJob.isPipInstall(c) ? PYTHON : null;
    }

    @Override
    public String unsupportedTool(SimpleCommand c) {
        return c.is("poetry", "pipenv", "uv", "pdm", "conda") ? c.nameValue() : null;
    }

    @Override
    public String buildCommands() {
        return "pip install";
    }

    @Override
    public boolean buildsOn(RewriteJob job, Ecosystem e) {
        return job.family.equals("python");
    }

    @Override
    public boolean takesSourcesFromContext() {
        return true;
    }

    @Override
    public void plan(RewriteJob job) {
        String venv = null;
        Instruction.Run firstPip = null;
        for (Instruction.Run r : job.runs()) {
            for (SimpleCommand c : job.commands(r)) {
                if (isPython(c) && c.args().size() >= 3 && c.args().get(0).value().equals("-m")
                        && c.args().get(1).value().equals("venv")) {
                    venv = job.abs(c.args().get(c.args().size() - 1).value(), job.workdirBefore.get(r), "the venv");
                } else if (c.is("virtualenv") && !c.positionals().isEmpty()) {
                    venv = job.abs(c.positionals().get(c.positionals().size() - 1).value(), job.workdirBefore.get(r), "the venv");
                }
                if (!RewriteJob.isPipInstall(c)) {
                    continue;
                }
                if (c.nameValue().contains("/") && !(venv != null && c.nameValue().startsWith(venv + "/"))) {
                    throw job.refuse("pip runs by its path (" + c.nameValue() + "), which a virtual environment does "
                            + "not redirect");
                }
                if (c.hasFlag("--user", "--target", "-t", "--prefix", "--root")) {
                    throw job.refuse("pip installs outside the environment (" + c.raw().trim() + "); the rewrite "
                            + "copies a virtual environment");
                }
                if (firstPip == null) {
                    firstPip = r;
                }
                if (venv != null && !c.nameValue().startsWith(venv + "/") && !venvOnPath(job, venv, r)) {
                    throw job.refuse("pip installs outside the virtual environment " + venv + " (" + c.raw().trim()
                            + "), so copying the environment would miss packages");
                }
                if (!c.hasFlag("--no-cache-dir")) {
                    job.mount(r, "/root/.cache/pip");
                }
            }
        }
        job.buildFrom = job.fromImageText();
        String variant = job.baseMatch == null ? null : job.baseMatch.variant();
        job.runtimeImage = null;
        if ("slim".equals(variant) || "alpine".equals(variant)) {
            job.runtimeImage = job.base.familiar();
        } else if (job.baseMatch != null) {
            for (Alternative a : job.kb.alternatives(job.baseMatch)) {
                if ("python".equals(a.family()) && "slim".equals(a.variant())) {
                    job.runtimeImage = a.image();
                    break;
                }
            }
        }
        if (job.runtimeImage == null) {
            throw job.refuse("no slim variant of " + job.base.familiar() + " is known to dockdiet");
        }
        job.runtimeHasShell = true;
        boolean fullBase = !("slim".equals(variant) || "alpine".equals(variant));
        if (fullBase && !installsCompiler(job) && !job.opt.multiStage()) {
            // nothing is compiled: a build stage only adds a venv (with pip and setuptools) to copy; the
            // original on the slim base, DD101's one-line change, is the smaller image
            job.singleStage = true;
            job.cacheMounts.clear();
            job.changes.add("The base is now " + job.runtimeImage + ", the same Python version on the slim variant of "
                    + "the same Debian release (DD101's change). Nothing in the Dockerfile installs a compiler, so "
                    + "a separate build stage would only add a virtual environment to copy: one stage is smaller.");
            job.checks.add("The slim image has no compiler: if pip builds a package from source (no wheel for "
                    + "this platform), the build fails; then `dockdiet rewrite --multi-stage` builds on "
                    + job.buildFrom + " and copies the installed packages.");
            return;
        }
        if (venv == null) {
            venv = "/opt/venv";
            List<String> pre = job.insertBefore.computeIfAbsent(firstPip, k -> new ArrayList<>());
            pre.add("RUN python -m venv /opt/venv");
            pre.add("ENV PATH=\"/opt/venv/bin:$PATH\"");
            job.runtimeEnv.add("ENV PATH=\"/opt/venv/bin:$PATH\"");
            job.changes.add("pip installs into a virtual environment, /opt/venv, created in the build stage; the final "
                    + "stage gets that folder and nothing else of the build.");
        } else {
            job.changes.add("The virtual environment " + venv + " is copied into the final stage.");
        }
        job.runtimeCopies.add("COPY --from=build " + venv + " " + venv);
        job.replayContextCopies = true;
        job.skipContextSources = Set.of("requirements.txt", "requirements*.txt", "requirements-prod.txt",
                "constraints.txt");
        job.changes.add(0, "The dependencies are installed in the \"build\" stage on " + job.buildFrom
                + ", which has the compilers some packages need; the final stage gets the installed packages "
                + "without the compilers, headers and pip cache.");
        job.changes.add("Final stage: " + job.runtimeImage + ", the same Python version on the slim variant of the same "
                + "Debian release. The application files are copied from the build context as before.");
        job.checks.add("Packages with C extensions that link system libraries (psycopg2 built from source, lxml) "
                + "need those libraries' runtime packages in the final stage.");
    }

    /** The Dockerfile installs a compiler or a -dev package: some package is built from source. */
    static boolean installsCompiler(RewriteJob job) {
        for (Instruction.Run r : job.runs()) {
            for (Packages.Install in : Packages.installs(job.scripts.get(r))) {
                for (String n : in.names()) {
                    if (Packages.isCompiler(n) || n.endsWith("-dev") || n.endsWith("-devel")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The venv's bin folder is on PATH for this RUN: through ENV PATH before it, or an activate script in it. */
    boolean venvOnPath(RewriteJob job, String venv, Instruction.Run r) {
        for (Instruction i : job.ins) {
            if (i == r) {
                break;
            }
            if (i instanceof Instruction.Env e && e.pairs().stream()
                    .anyMatch(kv -> kv.key().equals("PATH") && kv.value().contains(venv + "/bin"))) {
                return true;
            }
        }
        for (SimpleCommand c : job.commands(r)) {
            if (c.is(".", "source") && !c.args().isEmpty() && c.args().get(0).value().startsWith(venv + "/")) {
                return true;
            }
        }
        return false;
    }

    static boolean isPython(SimpleCommand c) {
        return c.name() != null && RewriteJob.PYTHON_CMD.matcher(SimpleCommandNames.base(c.nameValue())).matches();
    }
}
