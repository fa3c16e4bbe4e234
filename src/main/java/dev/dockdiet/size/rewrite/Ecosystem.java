package dev.dockdiet.size.rewrite;

import java.util.Objects;

/**
 * A build the rewrite engine knows how to split into a build stage and a runtime stage. The
 * ecosystems are not listed here: each {@link EcosystemPlanner} declares the ones it serves, and
 * {@link Planners#all()} is the one list of planners.
 *
 * @param id a stable lower-case id, e.g. {@code maven}
 * @param label a name for people, e.g. {@code Java (Maven)}
 */
public record Ecosystem(String id, String label) {

    public Ecosystem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }

    // equals and hashCode written out: a record's generated ones bootstrap method handles on first
    // use (27 classes spun at start-up, in every lint of a file the rewrite engine looks at)
    @Override
    public boolean equals(Object o) {
        return o instanceof Ecosystem e && e.id.equals(id) && e.label.equals(label);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + label.hashCode();
    }

    /** Every ecosystem some registered planner serves, in the planners' order. */
    public static java.util.List<Ecosystem> all() {
        return Planners.all().stream().flatMap(p -> p.ecosystems().stream()).toList();
    }
}
