package dev.dockdiet.size.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A planner cannot be forgotten: every {@link EcosystemPlanner} class compiled from src/main (found
 * by scanning the compiled classes, not by trusting {@link Planners#all()}) is registered once, its
 * ecosystems have unique ids and labels, and each ecosystem has a fixture app under
 * {@code test-fixtures/size/} whose reviewed rewrite is of that ecosystem.
 */
class PlannerRegistryTest {

    static List<Class<?>> plannerClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(EcosystemPlanner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class")).sorted()::iterator) {
                String name = classes.relativize(p).toString().replace('/', '.').replace('\\', '.');
                name = name.substring(0, name.length() - ".class".length());
                if (!name.startsWith("dev.dockdiet.")) {
                    continue;
                }
                Class<?> c;
                try {
                    c = Class.forName(name, false, PlannerRegistryTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
                if (EcosystemPlanner.class.isAssignableFrom(c) && !c.isInterface()
                        && !Modifier.isAbstract(c.getModifiers()) && !c.isAnonymousClass()) {
                    found.add(c);
                }
            }
        }
        return found;
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
