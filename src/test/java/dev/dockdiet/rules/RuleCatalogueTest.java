package dev.dockdiet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleMeta;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registration that cannot be forgotten: every {@link Rule} class compiled from src/main (found
 * by scanning the compiled classes, not by trusting the hand-kept group lists) is in the
 * catalogue, has its docs page and is exercised by a test; and no id, name or alias names two
 * rules (the catalogue resolves them case-insensitively, so a clash would silently pick one).
 */
class RuleCatalogueTest {

    private static final Pattern USE = Pattern.compile("\\bnew\\s+(?:\\w+\\.)*(\\w+)\\s*[(<]|\\b(\\w+)(?:::new\\b|\\.class\\b)");

    private static List<Class<? extends Rule>> ruleClasses;
    /** Class names the tests construct or name: {@code new Foo(}, {@code Foo::new}, {@code Foo.class}. */
    private static Set<String> usedInTests;

    @BeforeAll
    static void scan() throws IOException, URISyntaxException {
        ruleClasses = dev.dockdiet.CompiledClasses.implementationsOf(Rule.class);
        Set<String> used = new java.util.HashSet<>();
        java.util.regex.Matcher m = USE.matcher("");
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java")).sorted()::iterator) {
                if (!p.getFileName().toString().equals("RuleCatalogueTest.java")) {
                    m.reset(Files.readString(p, StandardCharsets.UTF_8));
                    while (m.find()) {
                        used.add(m.group(1) != null ? m.group(1) : m.group(2));
                    }
                }
            }
        }
        usedInTests = used;
    }

    @Test
    void theScanFindsTheRules() {
        // guards the scan itself: if it found nothing, every check below would pass vacuously
        assertThat(ruleClasses).hasSizeGreaterThan(40);
    }

    @Test
    void everyRuleClassIsInTheCatalogue() {
        Set<Class<?>> registered = Rules.all().stream().map(Object::getClass).collect(Collectors.toSet());
        List<String> missing = ruleClasses.stream().filter(c -> !registered.contains(c)).map(Class::getName).toList();
        assertThat(missing).as("Rule classes not registered in their group's list (e.g. SecurityRules.all())").isEmpty();
    }

    @Test
    void everyRuleHasItsDocsPage() {
        List<String> missing = Rules.metas().stream().map(RuleMeta::docFile)
                .filter(f -> !Files.isRegularFile(Path.of("rules", f))).toList();
        assertThat(missing).as("rules/ pages missing").isEmpty();
    }

    @Test
    void everyRuleClassIsExercisedByATest() {
        List<String> untested = new ArrayList<>();
        for (Class<? extends Rule> c : ruleClasses) {
            if (!usedInTests.contains(c.getSimpleName())) {
                untested.add(c.getName());
            }
        }
        assertThat(untested).as("Rule classes no test under src/test/java constructs (RuleTester.of(new Foo()) ...)").isEmpty();
    }

    @Test
    void noIdNameOrAliasNamesTwoRules() {
        Map<String, Set<String>> owners = new HashMap<>();
        for (RuleMeta m : Rules.metas()) {
            List<String> keys = new ArrayList<>();
            keys.add(m.id());
            keys.add(m.name());
            keys.addAll(m.aliases());
            for (String k : keys) {
                owners.computeIfAbsent(k.toUpperCase(Locale.ROOT), x -> new TreeSet<>()).add(m.id());
            }
        }
        Map<String, Set<String>> clashes = owners.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(clashes).as("ids, names or aliases claimed by more than one rule").isEmpty();
    }

    @Test
    void noRuleListsAnIdOrAliasTwice() {
        List<String> repeated = new ArrayList<>();
        for (RuleMeta m : Rules.metas()) {
            List<String> own = new ArrayList<>(m.aliases());
            own.add(m.id());
            own.add(m.name());
            Set<String> seen = new TreeSet<>();
            for (String k : own) {
                if (!seen.add(k.toUpperCase(Locale.ROOT))) {
                    repeated.add(m.id() + ": " + k);
                }
            }
        }
        assertThat(repeated).isEmpty();
    }

    @Test
    void eachRuleClassIsRegisteredOnce() {
        Map<Class<?>, Long> counts = Rules.all().stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
        assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey().getName()).toList()).isEmpty();
    }
}
