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
import dev.dockdiet.shell.Connector;
import dev.dockdiet.shell.ShellParser;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Mount;
import dev.dockdiet.syntax.Quotes;
import dev.dockdiet.syntax.SourceRange;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DD120: a RUN deletes or uninstalls what an earlier RUN of the same stage created or installed. Each
 * RUN is a layer; the earlier layer keeps the bytes, so the image does not shrink. Only the stages whose
 * layers ship (the final stage and the stages it is built on) are checked; a builder's layers are thrown
 * away anyway.
 */
public final class CleanupInLaterLayer implements Rule {

    public static final RuleMeta META = new RuleMeta("DD120", "cleanup-in-later-layer", Severity.WARNING,
            Category.SIZE, Fixability.SOMETIMES, List.of(),
            "A RUN deletes what an earlier RUN created: the earlier layer keeps the bytes");

    /** Something a RUN left in its layer: a path (absolute; {@code dir/*} for a directory's contents) or a package. */
    private record Made(String path, Packages.Manager manager, String pkg, String how, Instruction.Run run) {
    }

    /** What a cleanup command removes: a path pattern or a package, with the word that says it. */
    private record Target(Word word, String pattern, Packages.Manager manager, String pkg, boolean relative) {
    }

    private static final Set<String> CLEANUP_NAMES = Set.of("rm", "apt-get", "apt", "apk", "yum", "dnf", "microdnf",
            "pip", "pip3", "npm", "yarn", "true", ":");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        for (Stage s : SizeStages.shipped(file)) {
            checkStage(ctx, file, s);
        }
    }

    private void checkStage(RuleContext ctx, Dockerfile file, Stage stage) {
        Left left = new Left();
        String workdir = "/";
        boolean root = true;
        Set<String> env = new HashSet<>();
        for (Instruction i : stage.instructions()) {
            if (i instanceof Instruction.Workdir w) {
                workdir = resolve(workdir, w.path() == null ? "$" : Quotes.unquoteTrimmed(w.path().text()), root);
            } else if (i instanceof Instruction.User u) {
                String user = u.user() == null ? "" : u.user().text();
                root = user.equals("root") || user.equals("0") || user.startsWith("root:") || user.startsWith("0:");
            } else if (i instanceof Instruction.Env e) {
                e.pairs().forEach(p -> env.add(p.key()));
            } else if (i instanceof Instruction.Run run) {
                checkRun(ctx, file, stage, run, left, workdir, root, env);
            }
        }
    }

    private void checkRun(RuleContext ctx, Dockerfile file, Stage stage, Instruction.Run run, Left left,
                          String workdir, boolean root, Set<String> env) {
        ShellScript script = ctx.shell(run);
        List<PathGlob> mounts = new ArrayList<>();
        for (Mount m : run.mounts()) {
            String target = m.target() == null ? null : normalise(resolve(workdir, m.target(), root));
            if (target != null) {   // a relative target under an unknown WORKDIR resolves to nothing
                mounts.add(PathGlob.of(target));
            }
        }
        Left made = left.fresh();
        Set<String> mkdirs = new HashSet<>();
        String cwd = workdir;
        for (SimpleCommand c : script.effectiveCommands()) {
            if (c.is("cd", "pushd")) {
                List<Word> p = c.positionals();
                cwd = p.size() == 1 && p.get(0).isLiteral() ? resolve(cwd, p.get(0).value(), root) : null;
                continue;
            }
            List<Target> targets = targets(c, cwd, root);
            if (!targets.isEmpty()) {
                List<Made> hits = new ArrayList<>();
                Target first = null;
                for (Target t : targets) {
                    List<Made> h = left.removeMatching(t);
                    if (!h.isEmpty()) {
                        hits.addAll(h);
                        first = first == null ? t : first;
                    }
                    made.removeMatching(t);
                }
                if (first != null) {
                    report(ctx, file, stage, run, script, c, first, hits, targets);
                }
            }
            for (Made m : creates(c, cwd, root, env, mkdirs, run)) {
                if (m.path() == null || mounts.stream().noneMatch(t -> t.coversPath(m.path()))) {
                    made.add(m);
                }
            }
            if (c.is("mkdir")) {
                for (Word w : c.positionals()) {
                    if (w.isLiteral()) {
                        String p = resolve(cwd, w.value(), root);
                        if (p != null) {
                            mkdirs.add(normalise(p));
                        }
                    }
                }
            }
        }
        left.addAll(made);
    }

    /**
     * What the stage's layers left so far, indexed so that a cleanup finds what it removes without
     * looking at everything else: packages by manager and name, paths in a tree of their segments
     * (a glob's literal segments are lookups, a wildcard segment walks only the children that start
     * with its literal prefix). A cleanup takes what it matches out, so every entry is matched away
     * at most once and a stage costs time in proportion to its length.
     */
    static final class Left {

        private static final class Entry {
            final Made made;
            final long seq;
            boolean gone;

            Entry(Made made, long seq) {
                this.made = made;
                this.seq = seq;
            }
        }

        private static final class Node {
            java.util.TreeMap<String, Node> children;
            List<Entry> here;

            boolean empty() {
                return (children == null || children.isEmpty()) && (here == null || here.isEmpty());
            }
        }

        /** Shared by a stage's index and its RUNs' indexes, so that their entries compare in the order made. */
        private final long[] counter;
        private final Node root = new Node();
        private final java.util.Map<String, List<Entry>> packages = new java.util.HashMap<>();
        /** Every entry in the order it was made (gone ones too, until compacted): for draining and rare globs. */
        private List<Entry> all = new ArrayList<>();
        private int gone;

        Left() {
            this(new long[1]);
        }

        private Left(long[] counter) {
            this.counter = counter;
        }

        /** An empty index whose entries come after this one's. */
        Left fresh() {
            return new Left(counter);
        }

        void add(Made m) {
            put(new Entry(m, counter[0]++));
        }

        /** Moves what is still in {@code other} here, in the order it was made (after everything here). */
        void addAll(Left other) {
            for (Entry e : other.all) {
                if (!e.gone) {
                    put(new Entry(e.made, e.seq));
                }
            }
        }

        private void put(Entry e) {
            all.add(e);
            Made m = e.made;
            if (m.path() != null) {
                Node n = root;
                for (String seg : segments(m.path())) {
                    if (n.children == null) {
                        n.children = new java.util.TreeMap<>();
                    }
                    n = n.children.computeIfAbsent(seg, k -> new Node());
                }
                if (n.here == null) {
                    n.here = new ArrayList<>();
                }
                n.here.add(e);
            } else if (m.pkg() != null) {
                packages.computeIfAbsent(m.manager() + "\0" + m.pkg(), k -> new ArrayList<>()).add(e);
            }
        }

        /** Takes out and returns what the target removes, in the order it was made. */
        List<Made> removeMatching(Target t) {
            List<Entry> out = new ArrayList<>();
            if (t.pattern() == null) {
                List<Entry> l = packages.remove(t.manager() + "\0" + t.pkg());
                if (l != null) {
                    for (Entry e : l) {
                        if (!e.gone) {
                            out.add(e);
                        }
                    }
                }
            } else if (t.pattern().indexOf('[') >= 0) {
                // a bracket class may match '/': match whole paths, as the pattern is written
                PathGlob g = PathGlob.of(t.pattern());
                for (Entry e : all) {
                    if (!e.gone && e.made.path() != null && g.coversPath(e.made.path())) {
                        out.add(e);
                    }
                }
            } else {
                List<String> segs = segments(t.pattern());
                if (!segs.isEmpty()) {
                    collect(root, segs, 0, out);
                }
            }
            if (out.isEmpty()) {
                return List.of();
            }
            out.sort(java.util.Comparator.comparingLong(e -> e.seq));
            List<Made> made = new ArrayList<>(out.size());
            for (Entry e : out) {
                e.gone = true;
                made.add(e.made);
            }
            gone += out.size();
            if (gone > 64 && gone * 2 > all.size()) {
                all.removeIf(e -> e.gone);
                gone = 0;
            }
            return made;
        }

        /** Matches segment {@code i} of the glob below {@code node}; a match of the whole glob takes its subtree. */
        private static void collect(Node node, List<String> segs, int i, List<Entry> out) {
            if (node.children == null) {
                return;
            }
            String seg = segs.get(i);
            boolean last = i == segs.size() - 1;
            if (PathGlob.isLiteral(seg)) {
                Node child = node.children.get(seg);
                if (child != null) {
                    if (last) {
                        drain(child, out);
                    } else {
                        collect(child, segs, i + 1, out);
                    }
                    if (child.empty()) {
                        node.children.remove(seg);
                    }
                }
                return;
            }
            int meta = 0;
            while (meta < seg.length() && "*?[".indexOf(seg.charAt(meta)) < 0) {
                meta++;
            }
            String prefix = seg.substring(0, meta);
            PathGlob g = PathGlob.of(seg);
            var it = node.children.tailMap(prefix, true).entrySet().iterator();
            while (it.hasNext()) {
                var en = it.next();
                if (!en.getKey().startsWith(prefix)) {
                    break;
                }
                if (!g.matches(en.getKey())) {
                    continue;
                }
                Node child = en.getValue();
                if (last) {
                    drain(child, out);
                } else {
                    collect(child, segs, i + 1, out);
                }
                if (child.empty()) {
                    it.remove();
                }
            }
        }

        private static void drain(Node node, List<Entry> out) {
            if (node.here != null) {
                for (Entry e : node.here) {
                    if (!e.gone) {
                        out.add(e);
                    }
                }
                node.here = null;
            }
            if (node.children != null) {
                for (Node c : node.children.values()) {
                    drain(c, out);
                }
                node.children = null;
            }
        }

        private static List<String> segments(String path) {
            List<String> out = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= path.length(); i++) {
                if (i == path.length() || path.charAt(i) == '/') {
                    if (i > start) {
                        out.add(path.substring(start, i));
                    }
                    start = i + 1;
                }
            }
            return out;
        }
    }

    private void report(RuleContext ctx, Dockerfile file, Stage stage, Instruction.Run run, ShellScript script,
                        SimpleCommand c, Target first, List<Made> hits, List<Target> targets) {
        Made h = hits.get(0);
        int line = h.run().range().startLine();
        Set<Instruction.Run> creators = new HashSet<>();
        hits.forEach(x -> creators.add(x.run()));
        String cmd = script.text().substring(c.start(), c.end());
        String what = hits.stream().map(Made::how).distinct().limit(3).reduce((a, b) -> a + ", " + b).orElse("");
        String msg = "`" + abbreviate(cmd) + "` removes what the RUN on line " + line + " left behind (" + what + ")"
                + (creators.size() > 1 ? " and earlier RUNs too" : "")
                + ": that layer keeps the bytes, so the image does not shrink. Clean up in the RUN that creates them";
        Finding f = new Finding(META, msg, run.shellScript().range(first.word().start(), first.word().end()));
        if (creators.size() == 1) {
            Fix fix = moveFix(ctx, file, stage, h.run(), run, script, c, targets);
            if (fix != null) {
                f = f.withFix(fix);
            }
        }
        ctx.report(f);
    }

    // ---- what a command creates -----------------------------------------------------------------

    private static List<Made> creates(SimpleCommand c, String cwd, boolean root, Set<String> env, Set<String> mkdirs,
                                      Instruction.Run run) {
        List<Made> out = new ArrayList<>();
        Packages.Op op = Packages.of(c);
        if (op != null && op.install()) {
            for (Word w : op.packages()) {
                out.add(new Made(null, op.manager(), Packages.name(op.manager(), w.value()), label(c, op.verb()) + " "
                        + w.value(), run));
            }
            if (op.virtual() != null) {
                String v = Packages.name(op.manager(), op.virtual().value());
                out.add(new Made(null, op.manager(), v, "apk add --virtual " + v, run));
            }
        }
        String name = c.name() == null ? "" : BuildSteps.base(c.nameValue());
        String sub = c.name() == null ? null : c.subcommand();
        switch (name) {
            case "apt-get", "apt", "aptitude" -> {
                if ("update".equals(sub)) {
                    out.add(new Made("/var/lib/apt/lists/*", null, null, name + " update", run));
                }
            }
            case "apk" -> {
                if (("update".equals(sub) || "add".equals(sub) || "upgrade".equals(sub)) && !c.hasFlag("--no-cache")) {
                    out.add(new Made("/var/cache/apk/*", null, null, "apk " + sub + " without --no-cache", run));
                }
            }
            case "yum" -> {
                if (sub != null && Set.of("install", "update", "upgrade", "makecache", "groupinstall").contains(sub)) {
                    out.add(new Made("/var/cache/yum/*", null, null, "yum " + sub, run));
                }
            }
            case "dnf" -> {
                if (sub != null && Set.of("install", "update", "upgrade", "makecache", "groupinstall").contains(sub)) {
                    out.add(new Made("/var/cache/dnf/*", null, null, "dnf " + sub, run));
                    out.add(new Made("/var/cache/libdnf5/*", null, null, "dnf " + sub, run));
                }
            }
            case "npm" -> {
                if (root && ("install".equals(sub) || "ci".equals(sub) || "i".equals(sub))
                        && !env.contains("npm_config_cache") && !env.contains("NPM_CONFIG_CACHE")) {
                    out.add(new Made("/root/.npm/_cacache/*", null, null, "npm " + sub + " cache", run));
                }
            }
            case "yarn" -> {
                if (root && (sub == null || "install".equals(sub) || "add".equals(sub))
                        && !env.contains("YARN_CACHE_FOLDER")) {
                    out.add(new Made("/usr/local/share/.cache/yarn/*", null, null, "yarn cache", run));
                }
            }
            case "curl" -> {
                for (String v : c.flagValues("-o")) {
                    add(out, cwd, v, root, "curl -o " + v, run);
                }
                for (String v : c.flagValues("--output")) {
                    add(out, cwd, v, root, "curl --output " + v, run);
                }
            }
            case "wget" -> {
                List<String> o = new ArrayList<>(c.flagValues("-O"));
                o.addAll(c.flagValues("--output-document"));
                for (String v : o) {
                    if (!v.equals("-")) {
                        add(out, cwd, v, root, "wget -O " + v, run);
                    }
                }
                if (o.isEmpty()) {
                    List<String> dirs = new ArrayList<>(c.flagValues("-P"));
                    dirs.addAll(c.flagValues("--directory-prefix"));
                    String dir = dirs.isEmpty() ? cwd : resolve(cwd, dirs.get(0), root);
                    for (Word u : c.positionals()) {
                        String file = urlFile(u);
                        if (file != null && dir != null) {
                            add(out, dir, file, root, "wget " + u.value(), run);
                        }
                    }
                }
            }
            case "git" -> {
                List<Word> p = c.positionals();
                if (p.size() >= 2 && p.get(0).value().equals("clone")) {
                    String dest = p.size() >= 3 ? p.get(2).value() : repoDir(p.get(1));
                    if (dest != null && (p.size() < 3 || p.get(2).isLiteral())) {
                        add(out, cwd, dest, root, "git clone", run);
                    }
                }
            }
            case "tar", "unzip" -> {
                List<String> dirs = new ArrayList<>(c.flagValues(name.equals("tar") ? "-C" : "-d"));
                if (name.equals("tar")) {
                    dirs.addAll(c.flagValues("--directory"));
                }
                for (String d : dirs) {
                    String p = resolve(cwd, d, root);
                    if (p != null && (normalise(p).startsWith("/tmp/") || mkdirs.contains(normalise(p)))) {
                        add(out, "/", p, root, name + " into " + d, run);
                    }
                }
            }
            case "cp", "mv" -> {
                List<Word> p = c.positionals();
                if (p.size() >= 2 && p.stream().allMatch(Word::isLiteral) && !c.hasFlag("-t", "--target-directory")) {
                    String dest = p.get(p.size() - 1).value();
                    if (dest.endsWith("/") && p.size() == 2 && !p.get(0).hasGlob()) {
                        dest = dest + BuildSteps.base(p.get(0).value());
                    }
                    add(out, cwd, dest, root, name + " to " + p.get(p.size() - 1).value(), run);
                }
            }
            default -> {
            }
        }
        if (op != null && op.install() && op.manager() == Packages.Manager.PIP && root
                && !c.hasFlag("--no-cache-dir") && !env.contains("PIP_NO_CACHE_DIR")
                && c.assignments().stream().noneMatch(a -> a.name().equals("PIP_NO_CACHE_DIR"))) {
            out.add(new Made("/root/.cache/pip/*", null, null, "pip cache", run));
        }
        return out;
    }

    private static void add(List<Made> out, String cwd, String path, boolean root, String how, Instruction.Run run) {
        String p = resolve(cwd, path, root);
        if (p != null && !p.startsWith("/dev/") && !p.equals("/")) {
            out.add(new Made(normalise(p), null, null, how, run));
        }
    }

    private static String urlFile(Word u) {
        String v = u.value();
        if (!u.isLiteral() || !(v.startsWith("http://") || v.startsWith("https://") || v.startsWith("ftp://"))) {
            return null;
        }
        int q = v.indexOf('?');
        if (q >= 0) {
            v = v.substring(0, q);
        }
        String f = v.substring(v.lastIndexOf('/') + 1);
        return f.isEmpty() ? null : f;
    }

    private static String repoDir(Word url) {
        if (!url.isLiteral()) {
            return null;
        }
        String v = url.value();
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        String b = v.substring(Math.max(v.lastIndexOf('/'), v.lastIndexOf(':')) + 1);
        if (b.endsWith(".git")) {
            b = b.substring(0, b.length() - 4);
        }
        return b.isEmpty() ? null : b;
    }

    // ---- what a command removes -----------------------------------------------------------------

    private static List<Target> targets(SimpleCommand c, String cwd, boolean root) {
        List<Target> out = new ArrayList<>();
        if (c.name() == null) {
            return out;
        }
        String name = BuildSteps.base(c.nameValue());
        if (name.equals("rm")) {
            for (Word w : c.positionals()) {
                String v = w.value();
                if (!w.isLiteral() && !v.startsWith("$HOME/") || v.isEmpty()) {
                    continue;
                }
                String p = resolve(cwd, v.startsWith("$HOME/") ? "~/" + v.substring(6) : v, root);
                if (p != null) {
                    out.add(new Target(w, normalise(p), null, null, !v.startsWith("/")));
                }
            }
            return out;
        }
        Packages.Op op = Packages.of(c);
        if (op != null && !op.install()) {
            for (Word w : op.packages()) {
                out.add(new Target(w, null, op.manager(), Packages.name(op.manager(), w.value()), false));
            }
            return out;
        }
        String sub = c.subcommand();
        List<Word> pos = c.positionals();
        switch (name) {
            case "apk" -> {
                if ("cache".equals(sub) && pos.size() > 1 && Set.of("clean", "purge").contains(pos.get(1).value())) {
                    out.add(new Target(pos.get(1), "/var/cache/apk/*", null, null, false));
                }
            }
            case "yum" -> {
                if ("clean".equals(sub)) {
                    out.add(new Target(pos.get(0), "/var/cache/yum/*", null, null, false));
                }
            }
            case "dnf" -> {
                if ("clean".equals(sub)) {
                    out.add(new Target(pos.get(0), "/var/cache/dnf/*", null, null, false));
                    out.add(new Target(pos.get(0), "/var/cache/libdnf5/*", null, null, false));
                }
            }
            case "npm" -> {
                if ("cache".equals(sub) && pos.size() > 1 && pos.get(1).value().equals("clean") && root) {
                    out.add(new Target(pos.get(1), "/root/.npm/_cacache/*", null, null, false));
                }
            }
            case "yarn" -> {
                if ("cache".equals(sub) && pos.size() > 1 && pos.get(1).value().equals("clean") && root) {
                    out.add(new Target(pos.get(1), "/usr/local/share/.cache/yarn/*", null, null, false));
                }
            }
            case "pip", "pip3" -> {
                if ("cache".equals(sub) && pos.size() > 1 && Set.of("purge", "remove").contains(pos.get(1).value()) && root) {
                    out.add(new Target(pos.get(1), "/root/.cache/pip/*", null, null, false));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** True when the glob {@code pattern} names {@code path} or one of its parent directories. */
    static boolean covers(String pattern, String path) {
        return PathGlob.of(pattern).coversPath(path);
    }

    /** An absolute path, or null when it cannot be known ({@code $VAR}, an unknown directory). */
    static String resolve(String cwd, String path, boolean root) {
        if (path == null || path.isEmpty() || path.contains("$") || path.contains("`")) {
            return null;
        }
        if (path.equals("~") || path.startsWith("~/")) {
            return root ? "/root" + path.substring(1) : null;
        }
        if (path.startsWith("~")) {
            return null;
        }
        if (path.startsWith("/")) {
            return path;
        }
        if (cwd == null) {
            return null;
        }
        return cwd.endsWith("/") ? cwd + path : cwd + "/" + path;
    }

    /** Collapses {@code //}, {@code /./} and {@code dir/..}; removes a trailing slash. */
    static String normalise(String p) {
        if (p == null) {
            return null;
        }
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
        return "/" + String.join("/", parts);
    }

    private static String label(SimpleCommand c, Word verb) {
        return BuildSteps.base(c.nameValue()) + " " + verb.value();
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }

    // ---- the fix: move the cleanup into the creating RUN ----------------------------------------

    private static Fix moveFix(RuleContext ctx, Dockerfile file, Stage stage, Instruction.Run creator,
                               Instruction.Run later, ShellScript laterScript, SimpleCommand cleanup,
                               List<Target> targets) {
        if (!simpleShellForm(creator) || !simpleShellForm(later) || laterScript.hasErrors()
                || ctx.shell(creator).hasErrors()) {
            return null;
        }
        for (Target t : targets) {
            if (t.relative()) {
                return null; // the text moves verbatim: a relative path would mean another directory
            }
        }
        Positions pos = ctx.memo(new PositionsKey(stage.index()), () -> Positions.of(stage));
        int a = pos.indexOf(stage, creator);
        int b = pos.indexOf(stage, later);
        if (a < 0 || b <= a) {
            return null;
        }
        if (pos.blocking()[b] - pos.blocking()[a + 1] > 0) {
            return null; // anything else between them may use what is deleted
        }
        // the later RUN must be a flat `a && b && c` of simple commands; those before the cleanup clean up too
        List<SimpleCommand> cmds = laterScript.commands();
        int at = -1;
        for (int i = 0; i < cmds.size(); i++) {
            SimpleCommand c = cmds.get(i);
            if (c.inPipeline() || c.inSubshell() || c.inBranch() || c.inLoop() || c.inFunction() || c.inCondition()
                    || c.inSubstitution() || c.background() || c.negated() || !c.redirects().isEmpty()
                    || c.andOrList() != cmds.get(0).andOrList()
                    || !(c.connector() == Connector.START || c.connector() == Connector.AND)) {
                return null;
            }
            if (c.start() == cleanup.start()) {
                at = i;
            }
        }
        if (at < 0) {
            return null;
        }
        for (int i = 0; i < at; i++) {
            SimpleCommand c = cmds.get(i).effective();
            if (c.name() == null || !CLEANUP_NAMES.contains(BuildSteps.base(c.nameValue()))
                    || (targets(c, "/", true).isEmpty() && !isClean(c))) {
                return null;
            }
        }
        SimpleCommand written = cmds.get(at);
        String laterText = laterScript.text();
        String moved = laterText.substring(written.start(), written.end());
        // append to the creating RUN, if the result still parses to one more command
        String creatorText = creator.script();
        int end = creatorText.length();
        while (end > 0 && Character.isWhitespace(creatorText.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        ShellScript before = ctx.shell(creator);
        ShellScript after = ShellParser.parse(creatorText.substring(0, end) + " && " + moved);
        ShellScript movedScript = ShellParser.parse(moved);
        if (after.hasErrors() || after.commands().size() != before.commands().size() + movedScript.commands().size()) {
            return null;
        }
        Edit insert = new Edit(SizeStages.insertionAfter(file, creator, end), " && " + moved);
        Edit remove;
        if (cmds.size() == 1) {
            remove = new Edit(wholeLines(file, later.range()), "");
        } else if (at == 0) {
            remove = new Edit(later.shellScript().range(written.start(), cmds.get(1).start()), "");
        } else {
            remove = new Edit(later.shellScript().range(cmds.get(at - 1).end(), written.end()), "");
        }
        return Fix.suggested("move `" + abbreviate(moved) + "` into the RUN on line " + creator.range().startLine(),
                insert, remove);
    }

    /** A memo key (equals and hashCode written out: a record's generated ones bootstrap method handles at start-up). */
    private record PositionsKey(int stage) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PositionsKey k && k.stage == stage;
        }

        @Override
        public int hashCode() {
            return stage * 31 + 12;
        }
    }

    /**
     * A stage's instructions by identity, and how many of the first k may use files (anything but
     * ENV, ARG, LABEL, EXPOSE, CMD, ENTRYPOINT, HEALTHCHECK, STOPSIGNAL, MAINTAINER): built once per
     * stage, so that each fix asks in O(1) instead of scanning what lies between two RUNs.
     */
    private record Positions(java.util.Map<Instruction, Integer> at, int[] blocking) {

        static Positions of(Stage stage) {
            List<Instruction> ins = stage.instructions();
            java.util.Map<Instruction, Integer> at = new java.util.IdentityHashMap<>();
            int[] blocking = new int[ins.size() + 1];
            for (int k = 0; k < ins.size(); k++) {
                Instruction i = ins.get(k);
                at.putIfAbsent(i, k);
                boolean passive = i instanceof Instruction.Env || i instanceof Instruction.Arg
                        || i instanceof Instruction.Label || i instanceof Instruction.Expose
                        || i instanceof Instruction.Cmd || i instanceof Instruction.Entrypoint
                        || i instanceof Instruction.Healthcheck || i instanceof Instruction.StopSignal
                        || i instanceof Instruction.Maintainer;
                blocking[k + 1] = blocking[k] + (passive ? 0 : 1);
            }
            return new Positions(at, blocking);
        }

        int indexOf(Stage stage, Instruction i) {
            Integer k = at.get(i);
            return k != null ? k : stage.instructions().indexOf(i);
        }
    }

    private static boolean isClean(SimpleCommand c) {
        String sub = c.subcommand();
        return c.is("apt-get", "apt") && ("clean".equals(sub) || "autoclean".equals(sub) || "autoremove".equals(sub))
                || c.is("true", ":");
    }

    private static boolean simpleShellForm(Instruction.Run run) {
        return !run.command().exec() && run.node().heredocs().isEmpty() && run.shellScript().length() > 0;
    }

    /** The instruction's lines, from the start of its first line through the line end after it. */
    private static SourceRange wholeLines(Dockerfile file, SourceRange r) {
        String text = file.text();
        int s = r.start();
        while (s > 0 && (text.charAt(s - 1) == ' ' || text.charAt(s - 1) == '\t')) {
            s--;
        }
        if (s > 0 && text.charAt(s - 1) != '\n') {
            s = r.start();
        }
        int e = r.end();
        if (e < text.length() && text.charAt(e) == '\r') {
            e++;
        }
        if (e < text.length() && text.charAt(e) == '\n') {
            e++;
        }
        return file.range(s, e);
    }
}
