package dev.dockdiet.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One simple command of a RUN script: assignments, a command name, arguments and redirections,
 * plus where it sits (after which operator, inside a pipeline, subshell, condition, loop,
 * substitution ...).
 *
 * <p>Rules usually look at {@link #effective()} (wrappers such as {@code sudo}, {@code env},
 * {@code nohup} removed) or use {@link ShellScript#effectiveCommands()}.
 *
 * <p>Immutable once the parse is done; thread-safe.
 */
public final class SimpleCommand {

    static final int PIPELINE = 1;
    static final int SUBSHELL = 1 << 1;
    static final int CONDITION = 1 << 2;
    static final int BRANCH = 1 << 3;
    static final int LOOP = 1 << 4;
    static final int FUNCTION = 1 << 5;
    static final int SUBSTITUTION = 1 << 6;
    static final int NEGATED = 1 << 7;
    static final int BACKGROUND = 1 << 8;
    static final int NESTED_SHELL = 1 << 9;

    final Word name;
    final List<Word> args;
    final List<Assignment> assignments;
    final List<Redirect> redirects;
    final Connector connector;
    final AndOrList.Pos[] path;
    final int start;
    final int end;
    /** The source text is rawSource[rawFrom, rawTo), cut out when first asked (rules rarely ask). */
    private final String rawSource;
    private final int rawFrom;
    private final int rawTo;
    private String raw;
    // set while the parse is being built, never after
    int flags;
    int[] order;
    SimpleCommand effective = this;
    /** The name's basename, once asked (a benign race: any thread computes the same string). */
    private String base;
    /** Whether {@link #base} equals the name's value (no slash in it), so that {@link #is} need not compare that too. */
    private boolean baseIsName;
    /** {@link #positionals()}, once asked (unmodifiable; a benign race like {@link #base}). */
    private List<Word> positionals;
    SimpleCommand wrapper;
    ShellScript nested;

    SimpleCommand(Word name, List<Word> args, List<Assignment> assignments, List<Redirect> redirects,
                  Connector connector, int flags, AndOrList.Pos[] path, int start, int end, String raw) {
        this(name, args, assignments, redirects, connector, flags, path, start, end, raw, 0, raw.length());
    }

    SimpleCommand(Word name, List<Word> args, List<Assignment> assignments, List<Redirect> redirects,
                  Connector connector, int flags, AndOrList.Pos[] path, int start, int end, String rawSource,
                  int rawFrom, int rawTo) {
        this.name = name;
        this.args = List.copyOf(args);
        this.assignments = List.copyOf(assignments);
        this.redirects = List.copyOf(redirects);
        this.connector = connector;
        this.flags = flags;
        this.path = path;
        this.start = start;
        this.end = end;
        this.rawSource = rawSource;
        this.rawFrom = rawFrom;
        this.rawTo = rawTo;
    }

    /** A copy that runs {@code words.get(from)} with the following words as arguments. */
    SimpleCommand unwrapped(int from, List<Assignment> extraAssignments) {
        List<Assignment> all = new ArrayList<>(assignments);
        all.addAll(extraAssignments);
        SimpleCommand c = new SimpleCommand(args.get(from), args.subList(from + 1, args.size()), all, redirects,
                connector, flags, path, start, end, rawSource, rawFrom, rawTo);
        c.order = order;
        c.wrapper = this;
        return c;
    }

    // ------------------------------------------------------------------ what it is

    /** The command name, or null for a command made only of assignments and/or redirections. */
    public Word name() {
        return name;
    }

    /** The command name's value, or "" when there is none. */
    public String nameValue() {
        return name == null ? "" : name.value();
    }

    /** The arguments after the name. */
    public List<Word> args() {
        return args;
    }

    /** Name and arguments. */
    public List<Word> words() {
        if (name == null) {
            return List.of();
        }
        List<Word> all = new ArrayList<>(args.size() + 1);
        all.add(name);
        all.addAll(args);
        return Collections.unmodifiableList(all);
    }

    /** Assignments before the name (and those given to {@code env}/{@code sudo} for an unwrapped command). */
    public List<Assignment> assignments() {
        return assignments;
    }

    /** The command's redirections in source order. */
    public List<Redirect> redirects() {
        return redirects;
    }

    /** The operator before this command, or before the construct that starts with it. */
    public Connector connector() {
        return connector;
    }

    /** Start offset in the outermost script. */
    public int start() {
        return start;
    }

    /** End offset in the outermost script (exclusive). */
    public int end() {
        return end;
    }

    /** The command's source text (in the script that contains it). */
    public String raw() {
        String r = raw;
        if (r == null) {
            r = rawFrom == 0 && rawTo == rawSource.length() ? rawSource : rawSource.substring(rawFrom, rawTo);
            raw = r; // a benign race, like base
        }
        return r;
    }

    /** The innermost and-or list this command belongs to. */
    public AndOrList andOrList() {
        return path[path.length - 1].list();
    }

    // ------------------------------------------------------------------ where it is

    /** Part of a pipeline of two or more commands. */
    public boolean inPipeline() {
        return (flags & PIPELINE) != 0;
    }

    /** Inside {@code ( ... )}, or inside a nested {@code sh -c} shell. */
    public boolean inSubshell() {
        return (flags & (SUBSHELL | NESTED_SHELL)) != 0;
    }

    /** In the condition of {@code if}, {@code elif}, {@code while} or {@code until}. */
    public boolean inCondition() {
        return (flags & CONDITION) != 0;
    }

    /** In a branch that may not run: {@code then}/{@code else} bodies, {@code case} items. */
    public boolean inBranch() {
        return (flags & BRANCH) != 0;
    }

    /** In the condition or body of a {@code for}, {@code while} or {@code until} loop. */
    public boolean inLoop() {
        return (flags & LOOP) != 0;
    }

    /** In a function body (runs only when the function is called). */
    public boolean inFunction() {
        return (flags & FUNCTION) != 0;
    }

    /** Inside {@code $(...)}, backticks or {@code <(...)}/{@code >(...)}. */
    public boolean inSubstitution() {
        return (flags & SUBSTITUTION) != 0;
    }

    /** Found in a script given to another shell: {@code sh -c '...'}, {@code su -c}, {@code eval}, {@code bash <<EOF}. */
    public boolean inNestedShell() {
        return (flags & NESTED_SHELL) != 0;
    }

    /** In a pipeline negated with {@code !}. */
    public boolean negated() {
        return (flags & NEGATED) != 0;
    }

    /** In an and-or list that runs in the background ({@code ... &}). */
    public boolean background() {
        return (flags & BACKGROUND) != 0;
    }

    // ------------------------------------------------------------------ questions rules ask

    /** True when the name (or its basename: {@code /usr/bin/apt-get} is {@code apt-get}) is one of these. */
    public boolean is(String... names) {
        for (String n : names) {
            if (is(n)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #is(String...)} for one name, the commonest question (no array made per call). */
    public boolean is(String n) {
        String base = base();
        return base != null && (same(n, base) || (!baseIsName && n.equals(name.value())));
    }

    /** {@link #is(String...)} for two names (no array made per call). */
    public boolean is(String n1, String n2) {
        return is(n1) || is(n2);
    }

    /**
     * {@code n.equals(base)} for a basename from {@link #base()}, which is interned: a rule's name is a
     * literal, so equal names are the same string, and the rest mostly differ in length. Every rule
     * asks this of every command, so it is kept to what needs no call.
     */
    private static boolean same(String n, String base) {
        return n == base || (n.length() == base.length() && n.equals(base));
    }

    /**
     * The name's basename, computed once (every rule asks about every command) and interned (see
     * {@link #same}); the name's own value when it has no slash; null without a name.
     */
    private String base() {
        if (name == null) {
            return null;
        }
        String base = this.base;
        if (base == null) {
            String v = name.value();
            base = basename(v);
            // false (the default, as another thread may see it) only costs a second comparison
            baseIsName = base.equals(v);
            base = base.intern();
            this.base = base;
        }
        return base;
    }

    /**
     * True when one of these flags is given (before {@code --}). Long flags ({@code --yes}) match
     * with or without {@code =value}; one-letter flags ({@code -y}) also match inside a cluster
     * ({@code -qy}); other single-dash flags ({@code -exec}) match exactly or with {@code =value}.
     */
    public boolean hasFlag(String... names) {
        for (Word w : args) {
            String v = w.value();
            if (v.equals("--")) {
                return false;
            }
            if (!isOption(v)) {
                continue;
            }
            for (String n : names) {
                if (flagMatches(v, n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The value of the first occurrence of a flag; see {@link #flagValues(String)}. */
    public Optional<String> flagValue(String flag) {
        List<String> all = flagValues(flag);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Values of a flag, in order: {@code --omit=dev} and {@code --omit dev} give {@code dev};
     * for a one-letter flag {@code -o x} and {@code -ox} give {@code x}. Stops at {@code --}.
     */
    public List<String> flagValues(String flag) {
        List<String> values = new ArrayList<>();
        boolean shortFlag = flag.length() == 2 && flag.charAt(0) == '-' && flag.charAt(1) != '-';
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (v.equals("--")) {
                break;
            }
            if (!isOption(v)) {
                continue;
            }
            if (v.equals(flag)) {
                if (i + 1 < args.size()) {
                    values.add(args.get(i + 1).value());
                    i++;
                }
            } else if (v.startsWith(flag + "=")) {
                values.add(v.substring(flag.length() + 1));
            } else if (shortFlag && v.startsWith(flag) && !v.startsWith("--")) {
                values.add(v.substring(2));
            }
        }
        return values;
    }

    /**
     * Arguments that are not flags. Flags that take a value are taken from a small table of
     * well-known tools (apt-get {@code -o}, apk {@code --virtual}, git {@code -C}, make {@code -C},
     * pip {@code -r}, curl {@code -o}, ...; see {@link KnownFlags}), so their values are not
     * positionals. Everything after {@code --} is positional.
     */
    public List<Word> positionals() {
        List<Word> p = positionals;
        if (p == null) {
            p = positionals(KnownFlags.valueFlags(basename(nameValue()))); // every rule asks: computed once
            positionals = p;
        }
        return p;
    }

    /** Arguments that are not flags, where the given flags consume the next argument. */
    public List<Word> positionals(Set<String> flagsWithValue) {
        List<Word> out = new ArrayList<>();
        boolean rest = false;
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            String v = w.value();
            if (rest || !isOption(v)) {
                out.add(w);
                continue;
            }
            if (v.equals("--")) {
                rest = true;
                continue;
            }
            if (v.indexOf('=') >= 0 && v.startsWith("--")) {
                continue;
            }
            if (flagsWithValue.contains(v)) {
                i++;
            } else if (!v.startsWith("--") && v.length() > 2 && flagsWithValue.contains("-" + v.charAt(v.length() - 1))
                    && !flagsWithValue.contains(v.substring(0, 2))) {
                i++; // cluster ending in a flag that takes the next argument: tar -xzf file
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The first positional ({@code install} in {@code apt-get -y install x}), or null when there is none. */
    public String subcommand() {
        List<Word> p = positionals();
        return p.isEmpty() ? null : p.get(0).value();
    }

    /** The first positional with the given value-taking flags, or null. */
    public String subcommand(Set<String> flagsWithValue) {
        List<Word> p = positionals(flagsWithValue);
        return p.isEmpty() ? null : p.get(0).value();
    }

    /** True when {@link #subcommand()} is one of these. */
    public boolean isSubcommand(String... names) {
        String s = subcommand();
        if (s == null) {
            return false;
        }
        for (String n : names) {
            if (n.equals(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The command that really runs: wrappers removed ({@code sudo}, {@code env}, {@code nice},
     * {@code nohup}, {@code time}, {@code exec}, {@code command}, {@code timeout}, {@code stdbuf},
     * {@code xargs}, {@code gosu}, {@code su-exec}, {@code chroot}, {@code busybox}, {@code runuser -u}).
     * A shell given a script ({@code sh -c '...'}, {@code bash -lc}, {@code su -c}, {@code eval},
     * {@code bash <<EOF}) is returned as is, with {@link #nestedScript()}. Returns this command
     * when nothing wraps it.
     */
    public SimpleCommand effective() {
        return effective;
    }

    /** For a shell run with a script: that script, parsed (offsets mapped into the outer script). */
    public Optional<ShellScript> nestedScript() {
        return Optional.ofNullable(nested);
    }

    /** The wrapper this command was unwrapped from ({@code sudo ...} for {@code apt-get ...}), if any. */
    public Optional<SimpleCommand> wrapper() {
        return Optional.ofNullable(wrapper);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Assignment a : assignments) {
            sb.append(a.word().raw()).append(' ');
        }
        for (Word w : words()) {
            sb.append(w.raw()).append(' ');
        }
        for (Redirect r : redirects) {
            sb.append(r.fd() >= 0 ? String.valueOf(r.fd()) : "").append(r.operator()).append(r.target().raw()).append(' ');
        }
        return sb.toString().trim();
    }

    // ------------------------------------------------------------------ helpers

    static String basename(String v) {
        int slash = v.lastIndexOf('/');
        return slash >= 0 && slash < v.length() - 1 ? v.substring(slash + 1) : v;
    }

    static boolean isOption(String v) {
        return v.length() > 1 && v.charAt(0) == '-';
    }

    static boolean flagMatches(String arg, String flag) {
        if (arg.equals(flag)) {
            return true;
        }
        if (flag.startsWith("--")) {
            return arg.startsWith(flag) && arg.length() > flag.length() && arg.charAt(flag.length()) == '=';
        }
        if (flag.length() == 2 && flag.charAt(0) == '-') {
            if (arg.startsWith("--") || arg.length() <= 2) {
                return false;
            }
            char want = flag.charAt(1);
            for (int i = 1; i < arg.length(); i++) {
                char c = arg.charAt(i);
                if (!Character.isLetterOrDigit(c)) {
                    return false; // -o=x, -Dfoo.bar: not a cluster
                }
            }
            return arg.indexOf(want, 1) > 0;
        }
        return arg.startsWith(flag + "=");
    }
}
