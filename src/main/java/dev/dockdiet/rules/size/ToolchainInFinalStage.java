package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.size.Alternative;
import dev.dockdiet.size.ImageMatch;
import dev.dockdiet.size.KnowledgeBase;
import dev.dockdiet.size.rewrite.Packages;
import dev.dockdiet.size.rewrite.RewriteResult;
import dev.dockdiet.size.rewrite.Rewriter;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.ImageRef;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DD102: the final image is built on a toolchain image (golang, rust, maven, gradle, dotnet/sdk, a
 * JDK, gcc, buildpack-deps, a full node image that builds), or installs compilers in a layer that
 * keeps them. Builder stages are not the final image and are never flagged.
 */
public final class ToolchainInFinalStage implements Rule {

    public static final RuleMeta META = new RuleMeta("DD102", "toolchain-in-final-stage", Severity.WARNING,
            Category.SIZE, Fixability.SOMETIMES, List.of(),
            "The final image ships a compiler or build toolchain: build in an earlier stage and copy only the result");

    private static final Set<String> NODE_BUILD_TOOLS = Set.of("tsc", "ng", "next", "vite", "webpack", "nest", "nuxt");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile df = ctx.file();
        Optional<Stage> last = df.finalStage();
        if (last.isEmpty()) {
            return;
        }
        Stage fin = last.get();
        List<Stage> chain = df.baseChain(fin);
        Stage root = chain.get(chain.size() - 1);
        if (!runsAnApplication(chain) || ctx.isDevContainer()) {
            return;
        }
        KnowledgeBase kb = ctx.service(KnowledgeBase.class);
        if (kb == null) {
            kb = KnowledgeBase.get();
        }
        List<Finding> found = new ArrayList<>();
        RewriteResult rewrite = null;
        boolean rewriteTried = false;
        ImageMatch match = root.base() == null ? null : kb.match(root.base()).orElse(null);
        if (match != null && match.toolchain()
                && (!match.family().equals("node") || buildsNode(ctx, chain))) {
            rewrite = rewrite(ctx, kb);
            rewriteTried = true;
            found.add(baseFinding(kb, fin, root, match, rewrite));
        } else {
            for (int s = chain.size() - 1; s >= 0; s--) {
                for (Instruction.Run run : chain.get(s).all(Instruction.Run.class)) {
                    ShellScript script = ctx.shell(run);
                    for (Packages.Install in : Packages.installs(script)) {
                        List<String> compilers = new ArrayList<>();
                        Word at = null;
                        List<String> names = in.names(); // once: per package it was quadratic (a fuzz find)
                        for (int k = 0; k < names.size(); k++) {
                            Word w = in.packages().get(k);
                            String n = names.get(k);
                            if (Packages.isCompiler(n) && !Packages.removedLater(script, in, n)) {
                                compilers.add(n);
                                if (at == null) {
                                    at = w;
                                }
                            }
                        }
                        if (at != null) {
                            String which = compilers.size() == 1 ? "`" + compilers.get(0) + "` is"
                                    : "`" + String.join("`, `", compilers) + "` are";
                            found.add(CacheSavings.compilers(new Finding(META, which + " installed in the final image and not removed in the "
                                    + "same RUN, so the compiler ships with the application; build in an earlier stage "
                                    + "and copy only the result", run.shellScript().range(at.start(), at.end())), ctx,
                                    chain.get(s), compilers));
                        }
                    }
                }
            }
        }
        if (found.isEmpty()) {
            return;
        }
        if (!rewriteTried) {
            rewrite = rewrite(ctx, kb);
        }
        for (int i = 0; i < found.size(); i++) {
            Finding f = found.get(i);
            if (i == 0 && rewrite != null && rewrite.rewritten()) {
                f = f.withFix(Fix.suggested("Rewrite as a multi-stage build (" + rewrite.ecosystem().label()
                        + "): build on " + rewrite.buildImage() + ", run on " + rewrite.runtimeImage(),
                        new Edit(df.range(0, df.text().length()), rewrite.text())));
            }
            ctx.report(f);
        }
    }

    private static final Set<String> SHELLS_AND_INTERPRETERS = Set.of("sh", "bash", "zsh", "ash", "dash", "fish",
            "python", "python3", "node", "irb", "ruby", "php", "jshell", "pwsh", "sleep");
    private static final Set<String> BUILD_DRIVERS = Set.of("make", "cmake", "gcc", "g++", "cc", "clang", "clang++",
            "ninja", "bazel", "javac", "tsc", "rustc");
    private static final Set<String> TOOLCHAIN_CLIS = Set.of("go", "cargo", "mvn", "mvnw", "gradle", "gradlew",
            "dotnet", "npm", "yarn", "pnpm", "sbt");
    private static final Set<String> RUN_VERBS = Set.of("run", "start", "serve", "watch", "exec", "spring-boot:run",
            "bootRun", "quarkus:dev", "dev");

    /**
     * Whether the final image runs an application. An image without CMD or ENTRYPOINT (a base or
     * development image), one that starts a bare shell or interpreter (a language base image:
     * {@code CMD ["python3"]}), or one whose entrypoint is the build tool itself (a CI builder:
     * {@code ENTRYPOINT ["make"]}, {@code ["cargo"]}) ships its toolchain on purpose.
     */
    private static boolean runsAnApplication(List<Stage> chain) {
        Instruction.Command entry = null;
        Instruction.Command cmd = null;
        for (Stage s : chain) {
            List<Instruction.Entrypoint> ep = s.all(Instruction.Entrypoint.class);
            if (entry == null && !ep.isEmpty()) {
                entry = ep.get(ep.size() - 1).command();
            }
            List<Instruction.Cmd> c = s.all(Instruction.Cmd.class);
            if (cmd == null && !c.isEmpty()) {
                cmd = c.get(c.size() - 1).command();
            }
        }
        Instruction.Command launch = entry != null ? entry : cmd;
        if (launch == null) {
            return false;
        }
        List<String> words = words(launch);
        // an entrypoint wrapper script (docker-entrypoint.sh) runs what CMD says
        if (entry != null && cmd != null && words.size() == 1 && words.get(0).contains("entrypoint")) {
            words = words(cmd);
        }
        if (words.isEmpty()) {
            return false;
        }
        String exe = words.get(0);
        exe = exe.substring(exe.lastIndexOf('/') + 1);
        if (words.size() == 1 && SHELLS_AND_INTERPRETERS.contains(exe)) {
            return false;
        }
        if (BUILD_DRIVERS.contains(exe)) {
            return false;
        }
        if (TOOLCHAIN_CLIS.contains(exe)) {
            // `go run`, `dotnet run`, `dotnet app.dll`, `npm start`: the app runs from the toolchain
            return words.size() > 1 && (RUN_VERBS.contains(words.get(1)) || words.get(1).endsWith(".dll"));
        }
        return true;
    }

    private static List<String> words(Instruction.Command launch) {
        List<String> words;
        if (launch.exec()) {
            words = launch.args().stream().map(dev.dockdiet.syntax.Word::text).toList();
        } else {
            List<SimpleCommand> cmds = dev.dockdiet.shell.ShellParser.parse(launch.script().text()).effectiveCommands();
            words = cmds.isEmpty() ? List.of() : cmds.get(0).words().stream().map(Word::value).toList();
        }
        return words;
    }

    /** A full node image is a toolchain only when the image is built in it (npm run build, tsc ...). */
    private static boolean buildsNode(RuleContext ctx, List<Stage> chain) {
        for (Stage s : chain) {
            for (Instruction.Run run : s.all(Instruction.Run.class)) {
                for (SimpleCommand c : ctx.shell(run).effectiveCommands()) {
                    if (isNodeBuild(c)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isNodeBuild(SimpleCommand c) {
        List<Word> pos = c.positionals();
        if (c.is("npm", "yarn", "pnpm", "bun")) {
            if (pos.isEmpty()) {
                return false;
            }
            String sub = pos.get(0).value();
            if (sub.equals("run") || sub.equals("run-script")) {
                return pos.size() > 1 && pos.get(1).value().contains("build");
            }
            return !c.is("npm") && sub.equals("build");
        }
        if (c.is("npx", "pnpx")) {
            return !pos.isEmpty() && NODE_BUILD_TOOLS.contains(pos.get(0).value());
        }
        if (c.is("tsc", "webpack")) {
            return true;
        }
        return c.is("ng", "next", "vite", "nest", "nuxt") && !pos.isEmpty() && pos.get(0).value().equals("build");
    }

    private static Finding baseFinding(KnowledgeBase kb, Stage fin, Stage root, ImageMatch match, RewriteResult rewrite) {
        String image = root.base().familiar();
        String via = fin == root ? "" : " (through FROM " + fin.from().image().text() + ")";
        String runtime = null;
        Savings savings = null;
        String sizes = "";
        ImageMatch rt = null;
        if (rewrite != null && rewrite.rewritten()) {
            runtime = rewrite.runtimeImage();
            rt = kb.match(ImageRef.parse(runtime)).orElse(null);
            savings = kb.saving(match, rt).orElse(null);
        } else {
            for (Alternative a : kb.alternatives(match)) {
                Optional<Savings> s = kb.saving(match, a);
                if (s.isPresent()) {
                    runtime = a.image();
                    rt = kb.match(a.ref()).orElse(null);
                    savings = s.get();
                    break;
                }
            }
            if (runtime == null && !kb.alternatives(match).isEmpty()) {
                runtime = kb.alternatives(match).get(0).image();
            }
        }
        if (savings != null) {
            sizes = "; " + image + " is " + SizeText.describe(match, savings.kind()) + ", " + runtime + " "
                    + SizeText.describe(rt, savings.kind()) + ": saves " + SizeText.amount(savings)
                    + " excluding your application";
        } else if (SizeText.describe(match, null) != null) {
            sizes = "; " + image + " is " + SizeText.describe(match, null);
        }
        String what = match.family().equals("node") ? "a full node image that builds the app"
                : "a build image (" + match.family() + ")";
        String message = "The final stage runs on " + image + via + ", " + what + ", so the toolchain ships with "
                + "the application: build in a first stage and copy only the result into a runtime image"
                + (runtime == null ? "" : " such as " + runtime) + sizes;
        Finding f = new Finding(META, message, fin.from().image().range());
        return savings == null ? f : f.withSavings(savings);
    }

    /** The whole-file rewrite, only for single-stage files (a multi-stage file is refused anyway). */
    private static RewriteResult rewrite(RuleContext ctx, KnowledgeBase kb) {
        if (ctx.file().stages().size() != 1) {
            return null;
        }
        // the configuration's image policy: the fix never writes a base that DD303/DD304 would then flag
        return new Rewriter(kb, Rewriter.Options.defaults().withContextDir(ctx.settings().contextDir())
                .withPolicy(ctx.settings().allowedBaseImages(), ctx.settings().trustedRegistries(), false))
                .rewrite(ctx.file());
    }
}
