package dev.dockdiet.size.rewrite;

import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.size.rewrite.Rewriter.GoRuntime;
import dev.dockdiet.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Go: {@code go build} / {@code go install} on the golang image; the binary goes to a distroless
 * (or alpine, scratch) runtime, with CGO and module caches taken care of.
 *
 * <p>{@link #plan} fills the job's plan or refuses.
 */
final class GoPlanner implements EcosystemPlanner {

    static final Ecosystem GO = new Ecosystem("go", "Go");

    @Override
    public List<Ecosystem> ecosystems() {
        return List.of(GO);
    }

    @Override
    public Ecosystem detect(SimpleCommand c) {
        String sub = c.subcommand();
        return c.is("go") && ("build".equals(sub) || "install".equals(sub)) ? GO : null;
    }

    @Override
    public String buildCommands() {
        return "go build";
    }

    @Override
    public boolean buildsOn(RewriteJob job, Ecosystem e) {
        return job.family.equals("golang");
    }

    @Override
    public void plan(RewriteJob job) {
        List<String> produced = new ArrayList<>();
        List<String> pathDirs = new ArrayList<>(List.of("/go/bin", "/usr/local/bin", "/usr/bin", "/bin"));
        Instruction.Run firstBuild = null;
        boolean cgoOff = false;
        boolean cgoMissing = false;
        boolean missingO = false;
        for (Instruction i : job.ins) {
            if (i instanceof Instruction.Env e) {
                for (Instruction.KeyValue kv : e.pairs()) {
                    if (kv.key().equals("CGO_ENABLED")) {
                        String v = dev.dockdiet.syntax.Quotes.unquote(kv.value());
                        if (v.equals("1")) {
                            throw job.refuse("CGO is enabled (ENV CGO_ENABLED=1): the binary links libc, and dockdiet "
                                    + "does not guess the runtime's libc");
                        }
                        cgoOff = v.equals("0");
                    }
                }
            }
            if (!(i instanceof Instruction.Run r)) {
                continue;
            }
            for (SimpleCommand c : job.commands(r)) {
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
                        throw job.refuse("CGO is enabled (CGO_ENABLED=1): the binary links libc, and dockdiet does "
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
                        produced.add(job.abs(o.get(), job.workdirBefore.get(r), "go build -o"));
                    } else {
                        missingO = true;
                    }
                }
            }
        }
        String exe = job.launchWords().get(0);
        String path;
        try {
            path = job.locateExecutable(exe, produced, pathDirs, "go");
        } catch (Refusal r) {
            throw missingO ? job.refuse(r.getMessage() + " (go build without -o names the binary after the package; "
                    + "add -o)") : r;
        }
        job.buildFrom = job.fromImageText();
        if (cgoMissing) {
            job.insertBefore.computeIfAbsent(firstBuild, k -> new ArrayList<>()).add("ENV CGO_ENABLED=0");
            job.changes.add("CGO_ENABLED=0 makes go build produce a static binary, which needs no C library in the "
                    + "final image.");
        }
        for (Instruction.Run r : job.runs()) {
            if (job.commands(r).stream().anyMatch(c -> c.is("go"))) {
                job.mount(r, "/go/pkg/mod", "/root/.cache/go-build");
            }
        }
        String dest = exe.contains("/") ? path : "/usr/local/bin/" + exe;
        job.runtimeHasShell = false;
        if (job.opt.goRuntime() == GoRuntime.SCRATCH) {
            job.runtimeImage = "scratch";
            job.runtimeCopies.add("COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/");
            job.defaultUser = "65532:65532";
            job.changes.add("Final stage: scratch, an empty image. The CA certificates are copied from the build stage "
                    + "so that TLS works; it runs as the unprivileged uid 65532.");
            job.checks.add("scratch has no time zone data and no /etc/passwd: build with -tags timetzdata if the "
                    + "program uses time zones.");
        } else {
            job.runtimeImage = "gcr.io/distroless/static-debian12:nonroot";
            job.changes.add("Final stage: " + job.runtimeImage + ", which has CA certificates, time zone data and "
                    + "/etc/passwd but no shell and no C library; it runs as the non-root user nonroot (65532).");
        }
        job.runtimeCopies.add("COPY --from=build " + path + " " + dest);
        job.changes.add(0, "The build runs in the \"build\" stage on " + job.buildFrom + " as before; only the binary "
                + path + " is copied into the final image, so the Go toolchain, the module cache and the "
                + "source no longer ship.");
        if (!dest.equals(path)) {
            job.changes.add("The binary moves to " + dest + ", which is on the final image's PATH.");
        }
        job.checks.add("If the code needs cgo (import \"C\", mattn/go-sqlite3), CGO_ENABLED=0 breaks the build: build "
                + "with cgo and run on gcr.io/distroless/base-debian12:nonroot instead.");
        job.checkRuntimeFiles();
    }
}
