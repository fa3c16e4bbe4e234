package dev.dockdiet.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dockdiet.lint.SafeFixer;
import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Valid / invalid / fix-output tables for one rule, in the style of ESLint's RuleTester and Error
 * Prone's test helpers, and as strict: duplicate cases fail; an invalid case must say where and
 * what; a case whose fix is declared must give the exact output; a fix must converge, re-parse,
 * and leave nothing for the same rule to fix; a rule that declares no fix must emit none.
 */
public final class RuleTester {

    private final Rule rule;
    private final List<String> valid = new ArrayList<>();
    private final List<Invalid> invalid = new ArrayList<>();
    private RuleSettings settings = RuleSettings.defaults();
    private Function<Class<?>, Object> services = t -> null;

    /** An expected finding: 1-based line and column of its start and a piece of its message. */
    public record Expect(int line, int column, String messagePart) {
    }

    private record Invalid(String code, List<Expect> expects, String output, Applicability level) {
    }

    private RuleTester(Rule rule) {
        this.rule = rule;
    }

    public static RuleTester of(Rule rule) {
        return new RuleTester(rule);
    }

    public static Expect at(int line, int column, String messagePart) {
        return new Expect(line, column, messagePart);
    }

    public static Expect at(int line, int column) {
        return new Expect(line, column, "");
    }

    public RuleTester settings(RuleSettings s) {
        this.settings = s;
        return this;
    }

    public RuleTester services(Function<Class<?>, Object> s) {
        this.services = s;
        return this;
    }

    public RuleTester valid(String... codes) {
        valid.addAll(List.of(codes));
        return this;
    }

    public RuleTester invalid(String code, Expect... expects) {
        invalid.add(new Invalid(code, List.of(expects), null, null));
        return this;
    }

    /** An invalid case whose fixes (at {@code level}) must turn {@code code} into {@code output}. */
    public RuleTester fix(String code, Applicability level, String output, Expect... expects) {
        invalid.add(new Invalid(code, List.of(expects), output, level));
        return this;
    }

    public List<Finding> findings(String code) {
        return run(code, settings);
    }

    private List<Finding> run(String code, RuleSettings s) {
        RuleContext ctx = new RuleContext(Dockerfile.parse(code), null, s, new IdentityHashMap<>(), services);
        rule.check(ctx);
        return ctx.findings();
    }

    /** Runs every case; fails with a message naming the case. */
    public void test() {
        Set<String> seen = new HashSet<>();
        for (String v : valid) {
            assertThat(seen.add(v)).as("duplicate case:%n%s", v).isTrue();
            List<Finding> f = findings(v);
            assertThat(f).as("%s must not fire on:%n%s", rule.meta().id(), v).isEmpty();
        }
        for (Invalid c : invalid) {
            assertThat(seen.add(c.code())).as("duplicate case:%n%s", c.code()).isTrue();
            List<Finding> f = findings(c.code());
            assertThat(f).as("%s must fire on:%n%s", rule.meta().id(), c.code()).isNotEmpty();
            if (c.expects().isEmpty()) {
                fail("invalid case without expected findings:%n%s", c.code());
            }
            assertThat(f).as("findings of %s on:%n%s", rule.meta().id(), c.code()).hasSameSizeAs(c.expects());
            for (int i = 0; i < f.size(); i++) {
                Finding got = f.get(i);
                Expect want = c.expects().get(i);
                assertThat(got.range().startLine() + ":" + got.range().startColumn())
                        .as("position of finding %d (%s) on:%n%s", i, got.message(), c.code())
                        .isEqualTo(want.line() + ":" + want.column());
                assertThat(got.message()).as("message on:%n%s", c.code()).contains(want.messagePart());
                assertThat(got.rule().id()).isEqualTo(rule.meta().id());
                if (got.fix() != null) {
                    assertThat(rule.meta().fixable()).as("%s emits a fix but declares none", rule.meta().id())
                            .isNotEqualTo(Fixability.NONE);
                }
            }
            if (rule.meta().fixable() == Fixability.ALWAYS) {
                assertThat(f).as("%s declares it always fixes", rule.meta().id()).allMatch(x -> x.fix() != null);
            }
            if (c.output() != null) {
                assertThat(f).as("a fix case needs a fix").anyMatch(x -> x.fix() != null);
                SafeFixer.Result r = SafeFixer.fix(c.code(), t -> run(t, settings), c.level(), 5);
                assertThat(r.converged()).as("fixes must converge on:%n%s", c.code()).isTrue();
                assertThat(r.text()).as("fixed output of:%n%s", c.code()).isEqualTo(c.output());
                assertThat(r.text()).as("a fix that changes nothing").isNotEqualTo(c.code());
                Dockerfile again = Dockerfile.parse(r.text());
                assertThat(again.problems().stream().filter(Problem::isError).toList())
                        .as("the fixed file must parse:%n%s", r.text()).isEmpty();
                SafeFixer.Result twice = SafeFixer.fix(r.text(), t -> run(t, settings), c.level(), 5);
                assertThat(twice.text()).as("fixing a fixed file changes nothing").isEqualTo(r.text());
            }
        }
    }

    static Path repo() {
        return Path.of("").toAbsolutePath();
    }
}
