package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.EditDistance;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.ImageRef;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Mount;
import dev.dockdiet.syntax.ShellLex;
import dev.dockdiet.syntax.Stage;
import dev.dockdiet.syntax.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DD260: an instruction that BuildKit expands (ENV, LABEL, COPY, ADD, WORKDIR, USER, VOLUME,
 * STOPSIGNAL, {@code RUN --mount} values, a stage ARG's default) uses a variable that is neither
 * set in the stage's environment (ENV, ARG with a value, the base's environment, PATH) nor
 * declared by an ARG of the stage: it expands to nothing. BuildKit's {@code UndefinedVar}.
 *
 * <p>The base image's environment is not known without pulling it. For the images whose
 * environment is known ({@code scratch}, {@code alpine}, {@code busybox}, {@code debian},
 * {@code ubuntu}: PATH only; the official language images: their documented variables) the rule
 * reports as BuildKit does; for any other image it reports only a name that looks like a typo of
 * a defined one (a "did you mean" exists), since the image may define the rest.
 */
public final class UndefinedVar implements Rule {

    public static final RuleMeta META = new RuleMeta("DD260", "undefined-var", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("UndefinedVar"),
            "Variables used in ENV, COPY, WORKDIR and the like must be defined by ENV or ARG");

    /** Build args BuildKit never puts in the environment, and never reports. */
    private static final Set<String> NON_ENV = Set.of("BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE");

    /** Images whose whole environment is PATH. */
    private static final Set<String> PATH_ONLY = Set.of("alpine", "busybox", "debian", "ubuntu");

    /** Official images and the variables their Dockerfiles set (besides PATH). */
    private static final Map<String, Set<String>> IMAGE_ENV = Map.ofEntries(
            Map.entry("node", Set.of("NODE_VERSION", "YARN_VERSION")),
            Map.entry("python", Set.of("LANG", "GPG_KEY", "PYTHON_VERSION", "PYTHON_SHA256", "PYTHON_PIP_VERSION",
                    "PYTHON_SETUPTOOLS_VERSION", "PYTHON_GET_PIP_URL", "PYTHON_GET_PIP_SHA256")),
            Map.entry("golang", Set.of("GOLANG_VERSION", "GOTOOLCHAIN", "GOPATH")),
            Map.entry("ruby", Set.of("LANG", "RUBY_MAJOR", "RUBY_VERSION", "RUBY_DOWNLOAD_URL", "RUBY_DOWNLOAD_SHA256",
                    "GEM_HOME", "BUNDLE_SILENCE_ROOT_WARNING", "BUNDLE_APP_CONFIG")),
            Map.entry("rust", Set.of("RUSTUP_HOME", "CARGO_HOME", "RUST_VERSION")),
            Map.entry("php", Set.of("PHPIZE_DEPS", "PHP_INI_DIR", "APACHE_CONFDIR", "APACHE_ENVVARS", "PHP_CFLAGS",
                    "PHP_CPPFLAGS", "PHP_LDFLAGS", "GPG_KEYS", "PHP_VERSION", "PHP_URL", "PHP_ASC_URL", "PHP_SHA256")),
            Map.entry("openjdk", Set.of("JAVA_HOME", "LANG", "JAVA_VERSION")),
            Map.entry("eclipse-temurin", Set.of("JAVA_HOME", "LANG", "LANGUAGE", "LC_ALL", "JAVA_VERSION")),
            Map.entry("maven", Set.of("JAVA_HOME", "LANG", "LANGUAGE", "LC_ALL", "JAVA_VERSION", "MAVEN_HOME",
                    "MAVEN_CONFIG")),
            Map.entry("gradle", Set.of("JAVA_HOME", "LANG", "LANGUAGE", "LC_ALL", "JAVA_VERSION", "GRADLE_HOME",
                    "GRADLE_VERSION")),
            Map.entry("nginx", Set.of("NGINX_VERSION", "NJS_VERSION", "NJS_RELEASE", "PKG_RELEASE", "DYNPKG_RELEASE")),
            Map.entry("httpd", Set.of("HTTPD_PREFIX", "HTTPD_VERSION", "HTTPD_SHA256", "HTTPD_PATCHES")),
            Map.entry("postgres", Set.of("GOSU_VERSION", "LANG", "PG_MAJOR", "PG_VERSION", "PGDATA")));

    /** One stage's variables as the build sees them at an instruction. */
    private static final class Scope {
        final LinkedHashMap<String, String> env = new LinkedHashMap<>();
        final Set<String> declared = new HashSet<>();
        /** False when the base image may set variables we do not know. */
        boolean envKnown = true;

        Scope copy() {
            Scope s = new Scope();
            s.env.putAll(env);
            s.declared.addAll(declared);
            s.envKnown = envKnown;
            return s;
        }
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        ShellLex lex = ShellLex.of(file.escapeChar());
        ShellLex raw = lex.rawQuotes(true);
        Map<String, String> metaValues = metaValues(file, lex);
        Map<Integer, Scope> finals = new HashMap<>();
        for (Stage stage : file.stages()) {
            Scope scope = start(stage, finals);
            for (Instruction i : stage.instructions()) {
                check(ctx, lex, raw, i, scope, metaValues);
            }
            finals.put(stage.index(), scope);
        }
    }

    private static Scope start(Stage stage, Map<Integer, Scope> finals) {
        if (stage.baseStage() >= 0 && finals.containsKey(stage.baseStage())) {
            return finals.get(stage.baseStage()).copy();
        }
        Scope s = new Scope();
        s.env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        if (stage.isScratch()) {
            return s;
        }
        ImageRef ref = stage.base();
        if (ref == null) {
            s.envKnown = false;
            return s;
        }
        String name = ref.familiarName();
        if (PATH_ONLY.contains(name)) {
            return s;
        }
        Set<String> known = IMAGE_ENV.get(name);
        if (known == null) {
            s.envKnown = false;
            return s;
        }
        for (String k : known) {
            s.env.put(k, "x");
        }
        return s;
    }

    /** The meta ARGs' values (defaults only; a valueless one is absent). */
    private static Map<String, String> metaValues(Dockerfile file, ShellLex lex) {
        Map<String, String> out = new HashMap<>();
        for (Instruction.Arg a : file.metaArgs()) {
            for (Instruction.ArgDef d : a.definitions()) {
                if (d.defaultValue() == null) {
                    out.remove(d.name());
                    continue;
                }
                try {
                    out.put(d.name(), lex.processWord(d.defaultValue(), out));
                } catch (ShellLex.ExpansionException e) {
                    out.put(d.name(), d.defaultValue());
                }
            }
        }
        return out;
    }

    private void check(RuleContext ctx, ShellLex lex, ShellLex raw, Instruction i, Scope scope,
                       Map<String, String> metaValues) {
        if (i instanceof Instruction.Env e) {
            // every word is expanded with the environment from before the instruction
            Map<String, String> before = new LinkedHashMap<>(scope.env);
            List<String[]> set = new ArrayList<>();
            for (Instruction.KeyValue kv : e.pairs()) {
                String k = expand(ctx, lex, i, kv.key(), before, scope);
                String v = expand(ctx, lex, i, kv.value(), before, scope);
                set.add(new String[] {k, v});
            }
            for (String[] kv : set) {
                scope.env.put(kv[0], kv[1]);
            }
        } else if (i instanceof Instruction.Label l) {
            for (Instruction.KeyValue kv : l.pairs()) {
                expand(ctx, lex, i, kv.key(), scope.env, scope);
                expand(ctx, lex, i, kv.value(), scope.env, scope);
            }
        } else if (i instanceof Instruction.Arg a) {
            for (Instruction.ArgDef d : a.definitions()) {
                String value;
                if (d.defaultValue() != null) {
                    value = expand(ctx, lex, i, d.defaultValue(), scope.env, scope);
                } else {
                    value = metaValues.get(d.name());
                }
                if (value != null && !NON_ENV.contains(d.name())) {
                    scope.env.put(d.name(), value);
                }
                scope.declared.add(d.name());
            }
        } else if (i instanceof Instruction.SourcesAndDest c) {
            for (Flag f : c.node().flags()) {
                if (f.value() != null && (f.name().equals("chown") || f.name().equals("chmod")
                        || f.name().equals("checksum"))) {
                    expand(ctx, lex, i, f.value(), scope.env, scope);
                }
            }
            for (Word w : c.sourcePaths()) {
                expand(ctx, lex, i, w.text(), scope.env, scope);
            }
            for (Instruction.SourceContent sc : c.sourceContents()) {
                if (sc.expand()) {
                    expand(ctx, lex, i, sc.data(), scope.env, scope);
                }
            }
            if (c.destination() != null) {
                expand(ctx, lex, i, c.destination().text(), scope.env, scope);
            }
        } else if (i instanceof Instruction.Workdir w) {
            if (w.path() != null) {
                expand(ctx, lex, i, w.path().text(), scope.env, scope);
            }
        } else if (i instanceof Instruction.User u) {
            if (u.user() != null) {
                expand(ctx, lex, i, u.user().text(), scope.env, scope);
            }
        } else if (i instanceof Instruction.Volume v) {
            for (Word w : v.paths()) {
                expand(ctx, lex, i, w.text(), scope.env, scope);
            }
        } else if (i instanceof Instruction.StopSignal s) {
            if (s.signal() != null) {
                expand(ctx, lex, i, s.signal().text(), scope.env, scope);
            }
        } else if (i instanceof Instruction.Run r) {
            for (Flag f : r.node().flags("mount")) {
                if (f.value() == null) {
                    continue;
                }
                for (String v : Mount.parse(f).fields().values()) {
                    expand(ctx, raw, i, v, scope.env, scope);
                }
            }
        }
    }

    /** Expands one word, reports the undefined names, and returns the result (the word itself on an error). */
    private String expand(RuleContext ctx, ShellLex lex, Instruction i, String word, Map<String, String> env,
                          Scope scope) {
        if (word == null || word.indexOf('$') < 0) {
            return word;
        }
        ShellLex.Result r;
        try {
            r = lex.process(word, env);
        } catch (ShellLex.ExpansionException e) {
            return word; // BuildKit fails the build; DD001 says why
        }
        for (String name : r.unmatched()) {
            if (scope.declared.contains(name) || NON_ENV.contains(name)) {
                continue;
            }
            String near = suggest(name, env.keySet());
            if (!scope.envKnown && (near == null || withModifier(word, name))) {
                continue; // the base image may define it; ${NAME:-x} says the author expects it may be unset
            }
            ctx.report(META, i.range(), "Usage of undefined variable '$" + name + "'"
                    + (near != null ? " (did you mean $" + near + "?)" : ""));
        }
        return r.result();
    }

    private static boolean withModifier(String word, String name) {
        int i = word.indexOf("${" + name);
        while (i >= 0) {
            int after = i + 2 + name.length();
            if (after < word.length() && ":-+?#%/".indexOf(word.charAt(after)) >= 0) {
                return true;
            }
            i = word.indexOf("${" + name, after);
        }
        return false;
    }

    /**
     * BuildKit's {@code suggest.Search}, case-sensitive: the first option at the smallest
     * Levenshtein distance below 3; none when the name itself is an option.
     */
    static String suggest(String name, Iterable<String> options) {
        String match = null;
        int min = 3;
        for (String o : options) {
            if (o.equals(name)) {
                return null;
            }
            int d = EditDistance.levenshtein(name, o);
            if (d < min) {
                min = d;
                match = o;
            }
        }
        return match;
    }
}
