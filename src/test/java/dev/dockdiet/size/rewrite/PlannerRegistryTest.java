package dev.dockdiet.size.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A planner cannot be forgotten: every {@link EcosystemPlanner} class compiled from src/main (found
 * by scanning the compiled classes, not by trusting {@link Planners#all()}) is registered once, its
 * ecosystems have unique ids and labels, and each ecosystem has a fixture app under
 * {@code test-fixtures/size/} whose reviewed rewrite is of that ecosystem.
 */
class PlannerRegistryTest {

    static List<Class<?>> plannerClasses() throws IOException, URISyntaxException {
        return List.copyOf(dev.dockdiet.CompiledClasses.implementationsOf(EcosystemPlanner.class));
    }

    @Test
    void everyPlannerClassIsRegisteredOnce() throws Exception {
        List<Class<?>> classes = plannerClasses();
        assertThat(classes).as("the scan finds the planners").hasSizeGreaterThanOrEqualTo(6);
        List<Class<?>> registered = Planners.all().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(registered).as("a class implements EcosystemPlanner but is not listed in Planners.all()")
                .containsExactlyInAnyOrderElementsOf(classes);
        assertThat(registered).doesNotHaveDuplicates();
    }

    @Test
    void ecosystemIdsAndLabelsAreUnique() {
        List<Ecosystem> all = Ecosystem.all();
        assertThat(all).isNotEmpty();
        assertThat(all.stream().map(Ecosystem::id).toList()).doesNotHaveDuplicates();
        assertThat(all.stream().map(Ecosystem::label).toList()).doesNotHaveDuplicates();
        for (Ecosystem e : all) {
            assertThat(Planners.of(e).ecosystems()).contains(e);
        }
    }

    /** Each ecosystem is exercised end to end by at least one fixture app with a reviewed rewrite. */
    @Test
    void everyEcosystemHasAFixtureApp() throws IOException {
        Set<String> covered = new HashSet<>();
        for (String app : RewriteFixturesTest.apps().toList()) {
            RewriteResult r = RewriteFixturesTest.rewrite(RewriteFixturesTest.DIR.resolve(app));
            if (r.rewritten()) {
                covered.add(r.ecosystem().id());
            }
        }
        assertThat(covered).as("ecosystems with a fixture app under test-fixtures/size/")
                .containsAll(Ecosystem.all().stream().map(Ecosystem::id).toList());
    }
}
