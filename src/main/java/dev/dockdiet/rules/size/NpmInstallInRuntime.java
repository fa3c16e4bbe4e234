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
import dev.dockdiet.shell.Assignment;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.SourceRange;
import dev.dockdiet.syntax.Stage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DD104: the image {@code docker build} produces installs the project's node dependencies itself
 * ({@code npm install}, {@code npm ci}, {@code yarn}, {@code pnpm install}): npm and the install step
 * ship in the runtime image, and without {@code --omit=dev} / {@code NODE_ENV=production} the
 * devDependencies too. Explicit packages ({@code npm install -g pm2}) are not the project's install.
 */
public final class NpmInstallInRuntime implements Rule {

    public static final RuleMeta META = new RuleMeta("DD104", "npm-install-in-runtime", Severity.WARNING,
            Category.SIZE, Fixability.SOMETIMES, List.of(),
            "The final stage installs node dependencies itself, devDependencies included unless told not to");

    /** One install of the project's dependencies. */
    private record Install(String tool, String label, Word first, Word last, boolean production) {
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        if (ctx.isDevContainer()) {
            return;
        }
        Dockerfile file = ctx.file();
        List<Stage> shipped = SizeStages.shipped(file);
        if (shipped.isEmpty() || nodeModulesFromBuilder(file, shipped)) {
            return;
        }
        Map<String, String> env = new HashMap<>();
        // whether a RUN after a position (in the shipped stages, in order) uses the dependencies:
        // computed once, so that each install asks in O(1) instead of rescanning the rest of the stage
        boolean[] usedAfter = null;
        int position = 0;
        for (int si = 0; si < shipped.size(); si++) {
            Stage s = shipped.get(si);
            boolean builder = SizeStages.copiedFrom(file, s);
            List<Instruction> instructions = s.instructions();
            for (int ii = 0; ii < instructions.size(); ii++, position++) {
                Instruction i = instructions.get(ii);
                if (i instanceof Instruction.Env e) {
                    e.pairs().forEach(p -> env.put(p.key(), expand(envValue(p.value()), env)));
                } else if (i instanceof Instruction.Arg a) {
                    a.definitions().stream().filter(d -> d.defaultValue() != null)
                            .forEach(d -> env.putIfAbsent(d.name(), envValue(d.defaultValue())));
                } else if (i instanceof Instruction.Run run && !builder) {
                    ShellScript script = ctx.shell(run);
                    List<SimpleCommand> cmds = script.effectiveCommands();
                    // the variables the RUN's earlier commands set (export X=, X=1 alone), over the stage's
                    Map<String, String> local = new HashMap<>();
                    int lastPrune = -1;
                    int lastUse = -2; // not computed yet
                    for (int ci = 0; ci < cmds.size(); ci++) {
                        if (prunes(cmds.get(ci))) {
                            lastPrune = ci;
                        }
                    }
                    for (int ci = 0; ci < cmds.size(); ci++) {
                        SimpleCommand c = cmds.get(ci);
                        Install in = install(c, local, env, lastPrune > ci);
                        if (in != null) {
                            boolean follows = false;
                            if (!in.production()) {
                                if (usedAfter == null) {
                                    usedAfter = usedAfter(ctx, shipped);
                                }
                                if (lastUse == -2) {
                                    lastUse = -1;
                                    for (int k = 0; k < cmds.size(); k++) {
                                        if (usesDependencies(cmds.get(k))) {
                                            lastUse = k;
                                        }
                                    }
                                }
                                follows = lastUse > ci || usedAfter[position];
                            }
                            report(ctx, file, shipped, s, run, in, follows);
                        }
                        if (c.is("export")) {
                            for (Word w : c.args()) {
                                int eq = w.value().indexOf('=');
                                if (eq > 0) {
                                    local.put(w.value().substring(0, eq), w.value().substring(eq + 1));
                                }
                            }
                        }
                        for (Assignment a : c.name() == null ? c.assignments() : List.<Assignment>of()) {
                            local.put(a.name(), a.value());
                        }
                    }
                }
            }
        }
    }

    private static void report(RuleContext ctx, Dockerfile file, List<Stage> shipped, Stage s, Instruction.Run run,
                               Install in, boolean buildFollows) {
        SourceRange range = run.shellScript().range(in.first().start(), in.last().end());
        String where = SizeStages.describe(file, s);
        if (in.production()) {
            ctx.report(new Finding(META, "`" + in.label() + "` installs production dependencies in " + where
                    + ": " + in.tool() + " and its install step ship in the runtime image. Install in a build stage and"
                    + " COPY --from it node_modules", range).withSeverity(Severity.INFO));
            return;
        }
        String how = switch (in.tool()) {
            case "npm" -> "--omit=dev";
            case "pnpm" -> "--prod";
            default -> "--production";
        };
        Finding f = new Finding(META, "`" + in.label() + "` in " + where + " installs devDependencies too (no "
                + how + ", NODE_ENV is not production). Install in a build stage and COPY --from it the production"
                + " node_modules, or at least add " + how, range);
        if (in.tool().equals("npm") && !buildFollows && !SizeStages.baseOfOtherStage(file, s, shipped)
                && !run.command().exec()) {
            SourceRange at = SizeStages.insertionAfter(file, run, in.last().end());
            f = f.withFix(Fix.suggested("add --omit=dev", new Edit(at, " --omit=dev")));
        }
        ctx.report(f);
    }

    /**
     * The install this command runs, or null. {@code local} holds what the RUN's earlier commands set,
     * {@code env} the stage's ENV and ARG values; {@code pruned}: an {@code npm prune} follows in the RUN.
     */
    private static Install install(SimpleCommand c, Map<String, String> local, Map<String, String> env, boolean pruned) {
        if (c.name() == null || !c.name().isLiteral()) {
            return null;
        }
        String name = BuildSteps.base(c.nameValue());
        if (!name.equals("npm") && !name.equals("yarn") && !name.equals("pnpm")) {
            return null;
        }
        List<Word> pos = c.positionals();
        Map<String, String> own = new HashMap<>();
        for (Assignment a : c.assignments()) {
            own.put(a.name(), a.value());
        }
        java.util.function.UnaryOperator<String> vars = k -> own.containsKey(k) ? own.get(k)
                : local.containsKey(k) ? local.get(k) : env.get(k);
        boolean nodeEnvProd = "production".equals(vars.apply("NODE_ENV"));
        switch (name) {
            case "npm": {
                if (pos.isEmpty() || c.hasFlag("-g", "--global", "--location=global")) {
                    return null;
                }
                String sub = pos.get(0).value();
                if (!(sub.equals("install") || sub.equals("i") || sub.equals("ci") || sub.equals("isntall"))
                        || pos.size() > 1) {
                    return null;
                }
                boolean prod = nodeEnvProd || c.flagValues("--omit").contains("dev") || trueFlag(c, "--production")
                        || c.flagValues("--only").stream().anyMatch(v -> v.startsWith("prod"))
                        || "true".equalsIgnoreCase(vars.apply("NPM_CONFIG_PRODUCTION"))
                        || "true".equalsIgnoreCase(vars.apply("npm_config_production"))
                        || "dev".equals(vars.apply("NPM_CONFIG_OMIT")) || "dev".equals(vars.apply("npm_config_omit"))
                        || pruned;
                return new Install("npm", "npm " + sub, c.name(), pos.get(0), prod);
            }
            case "yarn": {
                if (c.hasFlag("-g", "--global")) {
                    return null;
                }
                boolean prod = nodeEnvProd || trueFlag(c, "--production") || c.hasFlag("--prod")
                        || "true".equalsIgnoreCase(vars.apply("YARN_PRODUCTION")) || pruned;
                if (pos.isEmpty()) {
                    if (c.hasFlag("--version", "-v", "--help", "-h")) {
                        return null;
                    }
                    return new Install("yarn", "yarn", c.name(), c.name(), prod);
                }
                if (pos.get(0).value().equals("install") && pos.size() == 1) {
                    return new Install("yarn", "yarn install", c.name(), pos.get(0), prod);
                }
                if (pos.size() >= 2 && pos.get(0).value().equals("workspaces") && pos.get(1).value().equals("focus")) {
                    return new Install("yarn", "yarn workspaces focus", c.name(), pos.get(1), prod);
                }
                return null;
            }
            case "pnpm": {
                if (pos.isEmpty() || c.hasFlag("-g", "--global")) {
                    return null;
                }
                String sub = pos.get(0).value();
                if (!(sub.equals("install") || sub.equals("i")) || pos.size() > 1) {
                    return null;
                }
                boolean prod = nodeEnvProd || c.hasFlag("--prod", "-P") || trueFlag(c, "--production")
                        || pruned;
                return new Install("pnpm", "pnpm " + sub, c.name(), pos.get(0), prod);
            }
            default:
                return null;
        }
    }

    /** {@code --production} or {@code --production=true}, not {@code --production=false}. */
    private static boolean trueFlag(SimpleCommand c, String flag) {
        if (!c.hasFlag(flag)) {
            return false;
        }
        List<String> values = c.flagValues(flag);
        for (Word w : c.args()) {
            if (w.value().equals(flag)) {
                return true;
            }
        }
        return values.isEmpty() || !values.get(0).equalsIgnoreCase("false");
    }

    /** {@code npm prune --omit=dev|--production} (later in the same RUN) removes the devDependencies in this layer. */
    private static boolean prunes(SimpleCommand a) {
        if (a.is("npm") && a.isSubcommand("prune")
                && (a.flagValues("--omit").contains("dev") || trueFlag(a, "--production"))) {
            return true;
        }
        return a.is("pnpm") && a.isSubcommand("prune") && a.hasFlag("--prod");
    }

    /**
     * For each instruction position of the shipped stages (in order): whether a RUN after it uses the
     * dependencies (a build, a test, a script). One backward pass.
     */
    private static boolean[] usedAfter(RuleContext ctx, List<Stage> shipped) {
        int n = 0;
        for (Stage s : shipped) {
            n += s.instructions().size();
        }
        boolean[] out = new boolean[n];
        boolean later = false;
        int pos = n;
        for (int si = shipped.size() - 1; si >= 0; si--) {
            List<Instruction> ins = shipped.get(si).instructions();
            for (int k = ins.size() - 1; k >= 0; k--) {
                pos--;
                out[pos] = later;
                if (!later && ins.get(k) instanceof Instruction.Run r) {
                    for (SimpleCommand c : ctx.shell(r).effectiveCommands()) {
                        if (usesDependencies(c)) {
                            later = true;
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A build, a test or a script run: it may need the devDependencies. */
    private static boolean usesDependencies(SimpleCommand c) {
        if (BuildSteps.of(c) != null || c.is("node", "npx", "pnpx", "tsc")) {
            return true;
        }
        if (c.is("npm", "yarn", "pnpm")) {
            String sub = c.subcommand();
            return sub == null ? c.is("yarn") && !c.hasFlag("--version", "-v")
                    : !Set.of("install", "i", "ci", "cache", "config", "set", "--version", "-v").contains(sub);
        }
        return false;
    }

    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("\\$\\{?(\\w+)}?");

    /** {@code $X} or {@code ${X}} as a whole value, from what is known; anything else as is. */
    private static String expand(String value, Map<String, String> env) {
        if (value == null) {
            return null;
        }
        java.util.regex.Matcher m = VARIABLE.matcher(value);
        if (m.matches() && env.containsKey(m.group(1))) {
            return env.get(m.group(1));
        }
        return value;
    }

    private static boolean nodeModulesFromBuilder(Dockerfile file, List<Stage> shipped) {
        for (Stage s : shipped) {
            for (Instruction.Copy c : s.all(Instruction.Copy.class)) {
                if (c.from().isEmpty()) {
                    continue;
                }
                for (dev.dockdiet.syntax.Word w : c.sources()) {
                    String v = w.text();
                    while (v.endsWith("/")) {
                        v = v.substring(0, v.length() - 1);
                    }
                    if (v.equals("node_modules") || v.endsWith("/node_modules")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** An ENV/ARG value as npm reads it: quotes and blanks gone, any casing of "production" is "production". */
    private static String envValue(String v) {
        if (v == null) {
            return null;
        }
        String s = dev.dockdiet.syntax.Quotes.unquoteTrimmed(v);
        return s.toLowerCase(Locale.ROOT).equals("production") ? "production" : s;
    }
}
