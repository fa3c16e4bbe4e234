package dev.dockdiet.size.rewrite;

import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;

/**
 * Rust: {@code cargo build --release} / {@code cargo install} on the rust image; the binary goes to
 * a Debian slim or alpine runtime matching the build image.
 *
 * <p>{@link #plan} fills the job's plan or refuses.
 */
final class RustPlanner implements EcosystemPlanner {

    static final Ecosystem RUST = new Ecosystem("rust", "Rust");

    @Override
    public List<Ecosystem> ecosystems() {
        return List.of(RUST);
    }

    @Override
    public Ecosystem detect(SimpleCommand c) {
        String sub = c.subcommand();
        return c.is("cargo") && ("build".equals(sub) || "install".equals(sub)) ? RUST : null;
    }

    @Override
    public String buildCommands() {
        return "cargo build";
    }

    @Override
    public boolean buildsOn(RewriteJob job, Ecosystem e) {
        return job.family.equals("rust");
    }

    @Override
    public void plan(RewriteJob job) {
        List<String> produced = new ArrayList<>();
        Instruction.Run firstBuild = null;
        boolean install = false;
        for (Instruction.Run r : job.runs()) {
            for (SimpleCommand c : job.commands(r)) {
                if (!c.is("cargo")) {
                    continue;
                }
                String sub = c.subcommand();
                if ("install".equals(sub)) {
                    install = true;
                    produced.add("/usr/local/cargo/bin/");
                } else if ("build".equals(sub)) {
                    if (c.flagValue("--target-dir").isPresent()) {
                        produced.add(job.abs(c.flagValue("--target-dir").get(), job.workdirBefore.get(r), "--target-dir")
                                + "/");
                    } else {
                        produced.add(job.abs("target", job.workdirBefore.get(r), "the target folder") + "/");
                    }
                } else {
                    continue;
                }
                if (firstBuild == null) {
                    firstBuild = r;
                }
                job.mount(r, "/usr/local/cargo/registry");
            }
        }
        for (Instruction i : job.ins) {
            if (i instanceof Instruction.Env e && e.pairs().stream().anyMatch(kv -> kv.key().equals("CARGO_TARGET_DIR"))) {
                throw job.refuse("CARGO_TARGET_DIR is set, and the rewrite does not resolve where cargo writes");
            }
        }
        String exe = job.launchWords().get(0);
        String path = job.locateExecutable(exe, produced, List.of("/usr/local/cargo/bin", "/usr/local/bin", "/usr/bin"),
                "cargo");
        String dest = exe.contains("/") ? path : "/usr/local/bin/" + exe;
        String os = job.baseMatch == null ? null : job.baseMatch.os();
        String tag = job.base.tag() == null ? "latest" : job.base.tag();
        boolean alpine = tag.contains("alpine");
        String fromText = job.fromImageText();
        if (alpine) {
            job.buildFrom = fromText;
            job.runtimeImage = "gcr.io/distroless/static-debian12:nonroot";
            job.changes.add("Final stage: " + job.runtimeImage + ": the alpine toolchain builds for musl, which Rust links "
                    + "statically, so the binary needs no C library; it runs as the non-root user nonroot (65532).");
        } else {
            String debian = os == null ? "bookworm" : os;
            String release = switch (debian) {
                case "bullseye" -> "11";
                case "bookworm" -> "12";
                case "trixie" -> "13";
                default -> throw job.refuse("the rust image's Debian release " + debian + " has no matching distroless "
                        + "cc image known to dockdiet");
            };
            if (os == null) {
                if (fromText.contains("$") || job.base.digest() != null) {
                    throw job.refuse("the rust image's Debian release is not visible (" + fromText + "), and the "
                            + "runtime's C library must match it");
                }
                String newTag = tag.equals("latest") ? "bookworm" : tag.contains("slim")
                        ? tag.replace("slim", "slim-bookworm") : tag + "-bookworm";
                job.buildFrom = fromText.substring(0, fromText.length() - (job.base.tag() == null ? 0 : job.base.tag().length() + 1))
                        + ":" + newTag;
                job.changes.add("The build image is pinned to Debian bookworm (" + job.buildFrom + ") so that the binary's "
                        + "C library matches the final image's; " + fromText + " follows the newest Debian release.");
            } else {
                job.buildFrom = fromText;
            }
            job.runtimeImage = "gcr.io/distroless/cc-debian" + release + ":nonroot";
            job.changes.add("Final stage: " + job.runtimeImage + " (glibc and libgcc of Debian " + release
                    + ", no shell), running as the non-root user nonroot (65532).");
        }
        job.runtimeHasShell = false;
        job.runtimeCopies.add("COPY --from=build " + path + " " + dest);
        job.changes.add(0, "The build runs in the \"build\" stage; only the binary " + path
                + " is copied into the final image, so the Rust toolchain, the cargo registry and target/ no "
                + "longer ship.");
        if (install) {
            job.changes.add("The binary installed by cargo install moves to " + dest + ", on the final image's PATH.");
        }
        job.checks.add("Shared libraries the binary links besides glibc (libssl, libpq) are not in the final image: "
                + "use rustls or vendored OpenSSL, or a runtime that has them.");
        job.checkRuntimeFiles();
    }
}
