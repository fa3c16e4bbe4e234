package dev.dockdiet.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An and-or list: pipelines joined by {@code &&} and {@code ||}, e.g.
 * {@code apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*}. Lists joined by
 * {@code ;}, {@code &} or newlines are separate and-or lists. Lists nest: one inside
 * {@code ( ... )}, {@code { ...; }}, {@code if}, loops and substitutions is its own list, which
 * sits inside one element of the enclosing list.
 */
public final class AndOrList {

    private final List<Connector> operators = new ArrayList<>();
    private final List<SimpleCommand> commands = new ArrayList<>();
    private int size;

    AndOrList() {
    }

    /** Number of elements (pipelines). */
    public int size() {
        return size;
    }

    /** {@code operators().get(i)} joins element i and i+1: {@link Connector#AND} or {@link Connector#OR}. */
    public List<Connector> operators() {
        return Collections.unmodifiableList(operators);
    }

    /** Every simple command inside this list, nested ones included, in execution order. */
    public List<SimpleCommand> commands() {
        return Collections.unmodifiableList(commands);
    }

    /** True when elements {@code from} and {@code to} (from < to) are joined by {@code &&} only. */
    public boolean andChained(int from, int to) {
        int lo = Math.min(from, to);
        int hi = Math.max(from, to);
        for (int i = lo; i < hi; i++) {
            if (operators.get(i) != Connector.AND) {
                return false;
            }
        }
        return true;
    }

    int addElement(Connector operatorBefore) {
        if (size > 0) {
            operators.add(operatorBefore);
        }
        return size++;
    }

    void add(SimpleCommand c) {
        commands.add(c);
    }

    /** A position of a command: element {@code element} of list {@code list}. */
    record Pos(AndOrList list, int element) {
    }
}
