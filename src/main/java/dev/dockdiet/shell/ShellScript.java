package dev.dockdiet.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed RUN script: its simple commands in execution order, its and-or lists, and any syntax
 * errors. A script with errors still has every command the parser could recover.
 *
 * <p>Immutable and thread-safe.
 */
public final class ShellScript {

    private final String text;
    private final List<SimpleCommand> commands;
    private final List<SimpleCommand> effective;
    private final List<AndOrList> lists;
    private final List<ShellError> errors;

    ShellScript(String text, List<SimpleCommand> commands, List<AndOrList> lists, List<ShellError> errors) {
        this.text = text;
        this.commands = List.copyOf(commands);
        this.lists = List.copyOf(lists);
        this.errors = List.copyOf(errors);
        List<SimpleCommand> eff = new ArrayList<>();
        for (SimpleCommand c : this.commands) {
            SimpleCommand e = c.effective();
            if (e.nested != null) {
                eff.addAll(e.nested.effectiveCommands());
            } else {
                eff.add(e);
            }
        }
        this.effective = List.copyOf(eff);
    }

    /** The script text that was parsed. */
    public String text() {
        return text;
    }

    /**
     * Every simple command as written, in execution order: source order, except that the
     * commands of a {@code $(...)}, backtick or {@code <(...)} substitution come before the
     * command whose words contain it. Includes commands in pipelines, subshells, groups,
     * conditions, loop and branch bodies, case items and function bodies.
     */
    public List<SimpleCommand> commands() {
        return commands;
    }

    /**
     * What actually runs: each command of {@link #commands()} replaced by its
     * {@link SimpleCommand#effective()} form, and a shell given a script ({@code sh -c "..."},
     * {@code su -c}, {@code eval}, {@code bash <<EOF}) replaced by the effective commands of that
     * script. The usual entry point for rules.
     */
    public List<SimpleCommand> effectiveCommands() {
        return effective;
    }

    /** Effective commands with one of these names (basename match, see {@link SimpleCommand#is}). */
    public List<SimpleCommand> find(String... names) {
        List<SimpleCommand> out = new ArrayList<>();
        for (SimpleCommand c : effective) {
            if (c.is(names)) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Every and-or list (top-level and nested), in source order of their first command. */
    public List<AndOrList> andOrLists() {
        return lists;
    }

    /** Syntax errors, in the order found; empty for a script that parsed cleanly. */
    public List<ShellError> errors() {
        return errors;
    }

    /** True when there is at least one syntax error. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** True when the script has no command at all (empty, blanks or comments only). */
    public boolean isEmpty() {
        return commands.isEmpty();
    }

    /**
     * The commands that run after {@code command}: the rest of {@link #commands()} when it is one
     * of them, else (an effective or nested command) the effective commands that run after it.
     */
    public List<SimpleCommand> commandsAfter(SimpleCommand command) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i) == command) {
                return commands.subList(i + 1, commands.size());
            }
        }
        List<SimpleCommand> out = new ArrayList<>();
        for (SimpleCommand c : effective) {
            if (runsAfter(command, c)) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * True when {@code later} comes after {@code first} in execution order. A command and the
     * commands it wraps or nests ({@code sudo x}, {@code sh -c '...'}) are neither before nor after
     * each other.
     */
    public boolean runsAfter(SimpleCommand first, SimpleCommand later) {
        int[] a = first.order;
        int[] b = later.order;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return b[i] > a[i];
            }
        }
        return false;
    }

    /**
     * Execution order as a total order: negative when {@code a} comes first. Consistent with
     * {@link #runsAfter}: when {@code runsAfter(c, d)} for some d, it holds for the greatest d
     * by this order, so "does anything of a set run after c" is one comparison with the set's greatest.
     * A command sorts before the commands it wraps or nests.
     */
    public int compareOrder(SimpleCommand a, SimpleCommand b) {
        return java.util.Arrays.compare(a.order, b.order);
    }

    /**
     * True when both commands sit in one and-or chain with only {@code &&} between them, so the
     * later one runs only if the earlier succeeded: {@code a && b}, {@code a && (b; c)},
     * {@code a && sh -c 'b'}. Also true for two commands of the same pipeline or the same command
     * (and its effective form). False across {@code ;}, {@code &}, newlines or {@code ||}.
     */
    public boolean inSameAndChain(SimpleCommand a, SimpleCommand b) {
        AndOrList.Pos[] pa = a.path;
        AndOrList.Pos[] pb = b.path;
        int n = Math.min(pa.length, pb.length);
        for (int i = 0; i < n; i++) {
            if (pa[i].list() != pb[i].list()) {
                return false;
            }
            if (pa[i].element() != pb[i].element()) {
                return pa[i].list().andChained(pa[i].element(), pb[i].element());
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return commands.toString();
    }
}
