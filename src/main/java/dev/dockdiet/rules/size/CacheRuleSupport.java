package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.shell.Assignment;
import dev.dockdiet.shell.ShellPattern;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.MappedText;
import dev.dockdiet.syntax.Mount;
import dev.dockdiet.syntax.Quotes;
import dev.dockdiet.syntax.SourceRange;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the package-cache rules share: which stages ship their files, which RUNs a cache mount
 * covers, whether a later command removes a directory, ENV/ARG values a RUN sees, and the two
 * minimal fix edits (insert a flag after a word; append {@code && cmd} after the script's last
 * command).
 *
 * <p>Paths are compared segment by segment; a {@code *} segment in a cache path stands for any
 * one segment (home directories: {@code /home/*}/.npm), and glob characters in the other path
 * (a COPY source, an {@code rm} argument) are matched as shell patterns.
 */
final class CacheRuleSupport {

    /** Home directories where per-user caches live: root's and any user's. */
    static final List<String> HOMES = List.of("/root", "/home/*");

    private static final Pattern TAIL = Pattern.compile("[\\s;]*(#[^\\n]*)?\\s*");

    private CacheRuleSupport() {
    }

    // ------------------------------------------------------------------ stages

    /**
     * The stages whose files at one of {@code paths} end up in the image built by default (the
     * final stage): the final stage, every stage a shipped stage is built {@code FROM}, and every
     * stage a shipped stage copies one of those paths (or a parent directory of one) from.
     */
    static Set<Integer> shippedStages(Dockerfile file, List<String> paths) {
        Set<Integer> shipped = new HashSet<>();
        Optional<Stage> last = file.finalStage();
        if (last.isEmpty()) {
            return shipped;
        }
        Deque<Stage> todo = new ArrayDeque<>();
        todo.add(last.get());
        while (!todo.isEmpty()) {
            Stage s = todo.removeFirst();
            if (!shipped.add(s.index())) {
                continue;
            }
            if (s.baseStage() >= 0) {
                todo.add(file.stages().get(s.baseStage()));
            }
            for (Instruction i : s.instructions()) {
                if (i instanceof Instruction.Copy c && c.from().isPresent()) {
                    Optional<Stage> from = file.stage(c.from().get()).filter(x -> x.index() < s.index());
                    if (from.isPresent() && c.sources().stream().anyMatch(w -> copiesAny(w.text(), paths))) {
                        todo.add(from.get());
                    }
                }
            }
        }
        return shipped;
    }

    private static boolean copiesAny(String source, List<String> paths) {
        String src = Quotes.unquoteTrimmed(source);
        if (src.isEmpty() || src.contains("$")) {
            return false;
        }
        if (src.equals(".") || src.equals("./")) {
            src = "/";
        }
        if (!src.startsWith("/")) {
            src = "/" + src;
        }
        for (String p : paths) {
            if (covers(src, p, false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The stages whose RUNs the cache rules check: a stand-in for the instructions before the first
     * FROM when they hold a RUN (see {@link #preamble}), then the stages of {@link #shippedStages}.
     */
    static List<Stage> checkedStages(Dockerfile file, List<String> paths) {
        List<Stage> out = new ArrayList<>();
        Stage pre = preamble(file);
        if (pre != null) {
            out.add(pre);
        }
        Set<Integer> shipped = shippedStages(file, paths);
        for (Stage s : file.stages()) {
            if (shipped.contains(s.index())) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A file whose RUNs come before any FROM (a fragment, reported as DD001) is still checked, as
     * hadolint checks it: its leading instructions form a stand-in stage with index -1, no FROM and
     * no base, which counts as shipped. Null when no RUN precedes the first FROM. Only the cache
     * rules see it; {@link Dockerfile#stages()} is unchanged.
     */
    static Stage preamble(Dockerfile file) {
        List<Instruction> pre = dev.dockdiet.rules.build.Runs.preamble(file);
        boolean run = false;
        for (Instruction i : pre) {
            run |= i instanceof Instruction.Run || (i instanceof Instruction.Onbuild o && o.trigger() instanceof Instruction.Run);
        }
        return run ? new Stage(-1, null, null, pre, null, null, -1) : null;
    }

    /** RUNs of a stage, ONBUILD RUN triggers included, in order. */
    static List<Instruction.Run> runs(Stage stage) {
        List<Instruction.Run> out = new ArrayList<>();
        for (Instruction i : stage.instructions()) {
            if (i instanceof Instruction.Run r) {
                out.add(r);
            } else if (i instanceof Instruction.Onbuild o && o.trigger() instanceof Instruction.Run r) {
                out.add(r);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ paths

    /**
     * True when {@code path} (a concrete path or pattern, e.g. an {@code rm} or COPY argument)
     * is {@code cache} or one of its parent directories. With {@code contents}, a final glob
     * segment one level below the cache ({@code /var/lib/apt/lists/*}) also counts: it empties it.
     */
    static boolean covers(String path, String cache, boolean contents) {
        List<String> a = segments(path);
        List<String> c = segments(cache);
        if (contents && a.size() == c.size() + 1 && ShellPattern.hasGlob(a.get(a.size() - 1))) {
            a = a.subList(0, a.size() - 1);
        }
        return a.size() <= c.size() && leadingSegmentsMatch(a, c, a.size());
    }

    /**
     * Whether the first {@code n} segments of a path (each a shell pattern) match those of a cache
     * path, where a cache segment {@code *} matches any segment.
     */
    private static boolean leadingSegmentsMatch(List<String> path, List<String> cache, int n) {
        for (int i = 0; i < n; i++) {
            String want = cache.get(i);
            if (!want.equals("*") && !ShellPattern.matches(path.get(i), want)) {
                return false;
            }
        }
        return true;
    }

    /** The segments of a path: split at '/', without empty and "." segments. */
    static List<String> segments(String p) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= p.length(); i++) {
            if (i == p.length() || p.charAt(i) == '/') {
                if (i > from && !(i - from == 1 && p.charAt(from) == '.')) {
                    out.add(p.substring(from, i));
                }
                from = i + 1;
            }
        }
        return out;
    }

    /** {@code ~/x}, {@code $HOME/x}, {@code ${HOME}/x} as {@code /root/x} (the default build user's home). */
    static String expandHome(String p) {
        if (p.isEmpty() || (p.charAt(0) != '~' && p.charAt(0) != '$')) {
            return p; // most words: no allocation
        }
        for (String h : HOME_FORMS) {
            if (p.startsWith(h) && (p.length() == h.length() || p.charAt(h.length()) == '/')) {
                return "/root" + p.substring(h.length());
            }
        }
        return p;
    }

    private static final List<String> HOME_FORMS = List.of("~", "$HOME", "${HOME}");

    /** A per-user cache ({@code .npm}) under every home directory. */
    static List<String> inHomes(String relative) {
        List<String> out = new ArrayList<>();
        for (String h : HOMES) {
            out.add(h + "/" + relative);
        }
        return out;
    }

    // ------------------------------------------------------------------ mounts

    /**
     * True when a cache or tmpfs mount of this RUN holds one of the caches: its target is the
     * cache directory or a parent of it, or (for per-user caches) ends with one of
     * {@code suffixes} (e.g. {@code .cache/pip}, so {@code $HOME/.cache/pip} and
     * {@code /home/app/.cache/pip} count).
     */
    static boolean cacheMounted(Instruction.Run run, Collection<String> caches, Collection<String> suffixes) {
        for (Mount m : run.mounts()) {
            if (!m.isCache() && !m.type().equals("tmpfs")) {
                continue;
            }
            String t = m.target();
            if (t == null || t.isEmpty()) {
                continue;
            }
            t = expandHome(Quotes.unquoteTrimmed(t));
            String norm = "/" + String.join("/", segments(t));
            for (String c : caches) {
                if (!t.contains("$") && covers(norm, c, false)) {
                    return true;
                }
            }
            for (String s : suffixes) {
                if (norm.endsWith("/" + s) || norm.contains("/" + s + "/")) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ cleanup

    /**
     * True when {@code c} deletes one of {@code dirs} or its contents: {@code rm} of the
     * directory, its contents ({@code dir/*}) or a parent, or {@code find <dir or parent> ... -delete}.
     */
    static boolean removesAny(SimpleCommand c, Collection<String> dirs) {
        if (c.is("rm")) {
            for (Word w : c.positionals()) {
                String v = expandHome(w.value());
                if (v.contains("$") || !v.startsWith("/")) {
                    continue;
                }
                for (String d : dirs) {
                    if (covers(v, d, true)) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (c.is("find") && (c.args().stream().anyMatch(w -> w.value().equals("-delete")) || execsRm(c))) {
            List<Word> a = c.args();
            if (!a.isEmpty()) {
                String v = expandHome(a.get(0).value());
                for (String d : dirs) {
                    if (v.startsWith("/") && covers(v, d, false)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean execsRm(SimpleCommand c) {
        List<Word> a = c.args();
        for (int i = 0; i + 1 < a.size(); i++) {
            if (a.get(i).value().equals("-exec") && a.get(i + 1).value().matches("(.*/)?rm")) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ words

    /** The first argument in {@code args} that is not a flag, where {@code valueFlags} take the next argument. */
    static Word firstPositional(List<Word> args, Set<String> valueFlags) {
        List<Word> p = positionals(args, valueFlags);
        return p.isEmpty() ? null : p.get(0);
    }

    /** Arguments in {@code args} that are not flags (the same logic as {@link SimpleCommand#positionals(Set)}). */
    static List<Word> positionals(List<Word> args, Set<String> valueFlags) {
        List<Word> out = new ArrayList<>();
        boolean rest = false;
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            String v = w.value();
            boolean option = v.length() > 1 && v.charAt(0) == '-';
            if (rest || !option) {
                out.add(w);
                continue;
            }
            if (v.equals("--")) {
                rest = true;
                continue;
            }
            if (v.startsWith("--") && v.indexOf('=') >= 0) {
                continue;
            }
            if (valueFlags.contains(v)) {
                i++;
            } else if (!v.startsWith("--") && v.length() > 2 && valueFlags.contains("-" + v.charAt(v.length() - 1))
                    && !valueFlags.contains(v.substring(0, 2))) {
                i++;
            }
        }
        return out;
    }

    /** The value of a flag among {@code args} ({@code --cache-dir=x} or {@code --cache-dir x}). */
    static Optional<String> flagValue(List<Word> args, String flag) {
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (v.equals("--")) {
                break;
            }
            if (v.equals(flag) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1).value());
            }
            if (v.startsWith(flag + "=")) {
                return Optional.of(v.substring(flag.length() + 1));
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ environment

    /**
     * The value of an environment variable as {@code cmd} sees it, when it is set in a way the
     * Dockerfile shows: an assignment before the command ({@code X=1 pip ...}, {@code env X=1}),
     * an {@code export X=1} earlier in the same script, or an ENV (or ARG with a default) earlier
     * in the stage or in a stage it is built FROM. Empty when not set or not known.
     */
    static Optional<String> env(RuleContext ctx, Stage stage, Instruction.Run run, ShellScript sh, SimpleCommand cmd,
                                String name) {
        for (Assignment a : cmd.assignments()) {
            if (a.name().equals(name)) {
                return Optional.of(a.value());
            }
        }
        String exported = null;
        List<Export> exports = ctx.memo(new ExportsKey(sh), () -> exports(sh)).get(name);
        if (exports != null) {
            for (Export e : exports) {
                if (e.command() != cmd && sh.runsAfter(e.command(), cmd)) {
                    exported = e.value();
                }
            }
        }
        if (exported != null) {
            return Optional.of(exported);
        }
        return stageEnv(ctx, stage, run, name);
    }

    /** An {@code export NAME=value} of a script. */
    private record Export(SimpleCommand command, String value) {
    }

    /** Memo keys: a script's exports, a stage's ENV and ARG values (by identity of the script or the stage). */
    private record ExportsKey(ShellScript sh) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ExportsKey k && k.sh == sh;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(sh);
        }
    }

    /** A memo key (equals and hashCode written out: a record's generated ones bootstrap method handles at start-up). */
    private record StageEnvKey(int stage) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StageEnvKey k && k.stage == stage;
        }

        @Override
        public int hashCode() {
            return stage * 31 + 11;
        }
    }

    /** Every {@code export NAME=value} of the script by name, in the order of its effective commands. */
    private static java.util.Map<String, List<Export>> exports(ShellScript sh) {
        java.util.Map<String, List<Export>> out = new java.util.HashMap<>();
        for (SimpleCommand c : sh.effectiveCommands()) {
            if (c.is("export")) {
                for (Word w : c.args()) {
                    String v = w.value();
                    int eq = v.indexOf('=');
                    if (eq > 0) {
                        out.computeIfAbsent(v.substring(0, eq), k -> new ArrayList<>()).add(new Export(c, v.substring(eq + 1)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * A stage's ENV and ARG-with-default settings, in order: for each name the positions (index in
     * the stage's instructions) and values, and where each instruction (or ONBUILD trigger) sits.
     */
    private record StageEnv(java.util.Map<String, List<int[]>> positions, java.util.Map<String, List<String>> values,
                            java.util.Map<Instruction, Integer> at, int size) {

        static StageEnv of(Stage s) {
            java.util.Map<String, List<int[]>> pos = new java.util.HashMap<>();
            java.util.Map<String, List<String>> val = new java.util.HashMap<>();
            java.util.Map<Instruction, Integer> at = new java.util.IdentityHashMap<>();
            List<Instruction> ins = s.instructions();
            for (int k = 0; k < ins.size(); k++) {
                Instruction i = ins.get(k);
                at.putIfAbsent(i, k);
                if (i instanceof Instruction.Onbuild o && o.trigger() != null) {
                    at.putIfAbsent(o.trigger(), k);
                }
                if (i instanceof Instruction.Env e) {
                    for (Instruction.KeyValue kv : e.pairs()) {
                        pos.computeIfAbsent(kv.key(), x -> new ArrayList<>()).add(new int[] {k});
                        val.computeIfAbsent(kv.key(), x -> new ArrayList<>()).add(kv.value());
                    }
                } else if (i instanceof Instruction.Arg a) {
                    for (Instruction.ArgDef d : a.definitions()) {
                        if (d.defaultValue() != null) {
                            pos.computeIfAbsent(d.name(), x -> new ArrayList<>()).add(new int[] {k});
                            val.computeIfAbsent(d.name(), x -> new ArrayList<>()).add(d.defaultValue());
                        }
                    }
                }
            }
            return new StageEnv(pos, val, at, ins.size());
        }

        /** The last value of {@code name} set before instruction position {@code before}, or null. */
        String valueBefore(String name, int before) {
            List<int[]> p = positions.get(name);
            if (p == null) {
                return null;
            }
            int lo = 0;
            int hi = p.size(); // first index whose position is >= before
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (p.get(mid)[0] < before) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo == 0 ? null : Quotes.unquoteTrimmed(values.get(name).get(lo - 1));
        }
    }

    /** ENV or ARG-with-default of {@code name} before {@code upTo} in the stage or its FROM ancestors. */
    static Optional<String> stageEnv(RuleContext ctx, Stage stage, Instruction upTo, String name) {
        Dockerfile file = ctx.file();
        List<Stage> chain = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Stage s = stage; s != null && seen.add(s.index());
             s = s.baseStage() >= 0 ? file.stages().get(s.baseStage()) : null) {
            chain.add(s);
        }
        // the nearest setting wins: this stage before upTo, then each ancestor as a whole
        for (Stage s : chain) {
            StageEnv e = ctx.memo(new StageEnvKey(s.index()), () -> StageEnv.of(s));
            Integer cut = e.at().get(upTo);
            String v = e.valueBefore(name, cut == null ? e.size() : cut);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ the cleanup rules' loop

    /** Where a finding is looked for: one RUN of a shipped stage, with its parsed script. */
    record Site(RuleContext ctx, Stage stage, Instruction.Run run, ShellScript sh) {
        Optional<String> env(SimpleCommand cmd, String name) {
            return CacheRuleSupport.env(ctx, stage, run, sh, cmd, name);
        }
    }

    /** A key equal only to itself's trigger: no sharing between triggers. */
    private record IdentityKey(SimpleCommand trigger) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && k.trigger == trigger;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(trigger);
        }
    }

    /** A rule of the form "a command fills a cache; a later command in the same RUN must empty it". */
    interface CleanupCheck {
        /** The word to report when {@code c} fills the cache ({@code update}, {@code install}), else null. */
        Word trigger(SimpleCommand c);

        /** True when the cache of this command does not land in the layer (a cache mount, a setting). */
        boolean exempt(Site site, SimpleCommand trigger);

        /** True when {@code later} (which runs after the trigger in the same RUN) empties the cache. */
        boolean cleans(Site site, SimpleCommand trigger, SimpleCommand later);

        /**
         * What {@link #cleans} depends on besides the later command: triggers with equal keys are
         * cleaned by the same commands, so a RUN's commands are scanned once per key, not once per
         * trigger. The default (the trigger itself) assumes nothing.
         */
        default Object cleansKey(Site site, SimpleCommand trigger) {
            return new IdentityKey(trigger);
        }

        /** The cleanup command the fix appends with {@code &&}, e.g. {@code yum clean all}. */
        String append(SimpleCommand trigger);

        String message(SimpleCommand trigger, Word word);

        /**
         * True when a later script needs the cache this check's fix removes, although it does not
         * name its directory: {@code apt-get install} without its own {@code update} (the lists),
         * {@code npm --offline}, {@code dnf -C}. A later command that names the directory always
         * needs it (see {@link LaterUse#find}).
         */
        default boolean needs(ShellScript later) {
            return false;
        }

        /**
         * True when a later script fills the cache anew before anything uses it ({@code apt-get
         * update}): the instructions after it do not use what this RUN leaves.
         */
        default boolean refills(ShellScript later) {
            return false;
        }
    }

    /** True when a command of the script named one of {@code names} has one of {@code flags}: e.g. {@code npm ci --offline}. */
    static boolean runsWithFlag(ShellScript sh, List<String> names, String... flags) {
        String[] n = names.toArray(String[]::new);
        for (SimpleCommand c : sh.effectiveCommands()) {
            if (c.is(n) && c.hasFlag(flags)) {
                return true;
            }
        }
        return false;
    }

    /** The {@link #segments} of each cache path, for {@link #withinAny} (split once, not per word asked about). */
    static List<List<String>> segmentsOf(List<String> caches) {
        return caches.stream().map(CacheRuleSupport::segments).toList();
    }

    /**
     * True when {@code path} (absolute, {@code ~} allowed) is one of the caches (their {@link
     * #segmentsOf}) or lies inside one.
     */
    static boolean withinAny(String path, List<List<String>> cacheSegments) {
        if (path.isEmpty() || (path.charAt(0) != '/' && path.charAt(0) != '~' && path.charAt(0) != '$')) {
            return false; // not absolute, nor made so by expandHome: most words (names, flags)
        }
        String v = expandHome(path);
        if (!v.startsWith("/") || v.contains("$")) {
            return false;
        }
        List<String> a = segments(v);
        for (List<String> c : cacheSegments) {
            if (a.size() >= c.size() && leadingSegmentsMatch(a, c, c.size())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports, once per RUN of a stage that ships {@code shipPaths}, the first command that fills
     * a cache which no later command of the same RUN empties, with the append fix when the
     * script's shape allows a minimal one. Scripts that do not parse are skipped: their cleanup
     * cannot be seen reliably.
     */
    static void checkCleanups(RuleContext ctx, RuleMeta meta, List<String> shipPaths, CleanupCheck check) {
        Dockerfile file = ctx.file();
        for (Stage stage : checkedStages(file, shipPaths)) {
            for (Instruction.Run run : runs(stage)) {
                ShellScript sh = ctx.shell(run);
                if (sh.hasErrors()) {
                    continue;
                }
                Site site = new Site(ctx, stage, run, sh);
                List<SimpleCommand> cmds = sh.effectiveCommands();
                // per cleansKey, the cleaning command that runs last (null: none); something cleans
                // after a trigger exactly when that one runs after it (see ShellScript#compareOrder)
                java.util.Map<Object, Optional<SimpleCommand>> lastCleaner = new java.util.HashMap<>();
                for (SimpleCommand c : cmds) {
                    Word w = check.trigger(c);
                    if (w == null || check.exempt(site, c)) {
                        continue;
                    }
                    Optional<SimpleCommand> last = lastCleaner.computeIfAbsent(check.cleansKey(site, c), k -> {
                        SimpleCommand best = null;
                        for (SimpleCommand d : cmds) {
                            if (check.cleans(site, c, d) && (best == null || sh.compareOrder(d, best) > 0)) {
                                best = d;
                            }
                        }
                        return Optional.ofNullable(best);
                    });
                    if (last.isPresent() && sh.runsAfter(c, last.get())) {
                        continue;
                    }
                    Finding f = new Finding(meta, check.message(c, w), run.shellScript().range(w.start(), w.end()));
                    Optional<String> prefix = userPrefix(sh, c);
                    String cleanup = prefix.orElse("") + check.append(c);
                    Optional<Edit> edit = prefix.isEmpty() ? Optional.empty()
                            : appendAtEnd(file, run, sh, " && " + cleanup);
                    LaterUse user = edit.isEmpty() ? null
                            : LaterUse.find(ctx, meta.id(), stage, run, shipPaths, check::needs, check::refills);
                    if (user != null) {
                        // removing what a later instruction reads would break the build: no fix
                        f = new Finding(meta, check.message(c, w) + " " + user.because(), f.range());
                    } else if (edit.isPresent()) {
                        f = f.withFix(Fix.safe("Append `&& " + cleanup + "` to the RUN", edit.get()));
                    }
                    ctx.report(CacheSavings.attach(f, ctx, stage));
                    break;
                }
            }
        }
    }

    // ------------------------------------------------------------------ fixes

    /**
     * How an appended cleanup must run to act as the user who filled the cache: {@code ""} as
     * the RUN's user, {@code "sudo "} when the command ran under a plain {@code sudo}; empty when
     * it ran as another user ({@code sudo -u}, {@code su -c}, {@code runuser}, {@code gosu},
     * {@code su-exec}, {@code doas}, {@code chroot}), where an appended command would clean the
     * wrong home or lack the rights.
     */
    static Optional<String> userPrefix(ShellScript sh, SimpleCommand trigger) {
        List<SimpleCommand> chain = new ArrayList<>();
        for (Optional<SimpleCommand> w = trigger.wrapper(); w.isPresent(); w = w.get().wrapper()) {
            chain.add(w.get());
        }
        SimpleCommand top = null;
        for (SimpleCommand c : sh.commands()) {
            if (c.start() <= trigger.start() && trigger.end() <= c.end()
                    && (top == null || c.start() >= top.start())) {
                top = c;
            }
        }
        if (top != null && top != trigger && top.effective() != trigger && !chain.contains(top)) {
            SimpleCommand owner = top.effective();
            chain.add(owner);
            for (Optional<SimpleCommand> w = owner.wrapper(); w.isPresent(); w = w.get().wrapper()) {
                chain.add(w.get());
            }
        }
        String prefix = "";
        for (SimpleCommand w : chain) {
            if (w.is("sudo")) {
                if (w.hasFlag("-u", "--user", "-g", "--group", "-i", "--login")) {
                    return Optional.empty();
                }
                prefix = "sudo ";
            } else if (w.is("su", "runuser", "gosu", "su-exec", "doas", "chroot", "setpriv", "setuidgid")) {
                return Optional.empty();
            }
        }
        return Optional.of(prefix);
    }

    /**
     * Inserts {@code text} right after a word of the RUN's script (a flag after {@code install}).
     * Empty for exec-form RUNs, whose words sit inside a JSON array.
     */
    static Optional<Edit> insertAfter(Dockerfile file, Instruction.Run run, Word word, String text) {
        if (run.command() != null && run.command().exec()) {
            return Optional.empty();
        }
        MappedText script = run.shellScript();
        if (word.end() <= 0 || word.end() > script.length()) {
            return Optional.empty();
        }
        SourceRange last = script.range(word.end() - 1, word.end());
        return Optional.of(new Edit(file.range(last.end(), last.end()), text));
    }

    /**
     * Appends {@code text} (e.g. {@code " && yum clean all"}) right after the last command of
     * the RUN's script, when that command ends the script at the top level (nothing but blanks,
     * {@code ;} or a comment after it). Empty for exec form, heredocs, scripts with syntax errors,
     * and scripts that end in a compound command or a background job.
     */
    static Optional<Edit> appendAtEnd(Dockerfile file, Instruction.Run run, ShellScript sh, String text) {
        if ((run.command() != null && run.command().exec()) || !run.node().heredocs().isEmpty() || sh.hasErrors()
                || sh.isEmpty()) {
            return Optional.empty();
        }
        SimpleCommand last = null;
        for (SimpleCommand c : sh.commands()) {
            if (last == null || c.end() > last.end()) {
                last = c;
            }
        }
        if (last == null || last.background() || last.inSubshell() || last.inBranch() || last.inLoop()
                || last.inFunction() || last.inCondition() || last.inSubstitution()) {
            return Optional.empty();
        }
        String script = run.script();
        if (last.end() <= 0 || last.end() > script.length() || !TAIL.matcher(script.substring(last.end())).matches()) {
            return Optional.empty();
        }
        SourceRange end = run.shellScript().range(last.end() - 1, last.end());
        return Optional.of(new Edit(file.range(end.end(), end.end()), text));
    }
}
