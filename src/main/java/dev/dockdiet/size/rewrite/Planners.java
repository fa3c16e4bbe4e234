package dev.dockdiet.size.rewrite;

import java.util.List;

/**
 * The one list of ecosystem planners. Detection asks each in this order; a build that two
 * planners claim is refused as "several builds". {@code PlannerRegistryTest} scans the compiled
 * classes and fails when an {@link EcosystemPlanner} is missing here or has no fixture app.
 */
final class Planners {

    private static final List<EcosystemPlanner> ALL = List.of(new GoPlanner(), new RustPlanner(), new JavaPlanner(),
            new DotnetPlanner(), new NodePlanner(), new PythonPlanner(), new RubyPlanner());

    private Planners() {
    }

    static List<EcosystemPlanner> all() {
        return ALL;
    }

    /** The planner that serves an ecosystem. */
    static EcosystemPlanner of(Ecosystem e) {
        for (EcosystemPlanner p : ALL) {
            if (p.ecosystems().contains(e)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no planner for " + e);
    }
}
