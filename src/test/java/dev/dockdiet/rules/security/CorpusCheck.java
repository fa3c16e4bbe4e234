package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.syntax.Dockerfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Corpus check for the security and style rules (not a unit test): runs them over
 * {@code ../shared/corpus/files} and prints, per rule, the number of files flagged and, for the
 * rules named on the command line, each finding with its source line, for a person to read.
 * Usage: {@code java -cp ... dev.dockdiet.rules.security.CorpusCheck [corpusDir] [ruleId...]}.
 */
public final class CorpusCheck {

    private CorpusCheck() {
    }

    /** The corpus flattens repository paths with "__"; rules that look at the path see the original. */
    private static Path original(Path dir, Path p) {
        return Path.of(dir.relativize(p).toString().replace("__", "/"));
    }

    /**
     * Applies every suggested (and safe) fix of these rules to each file and checks that the result
     * converges, parses without new errors and leaves nothing for the rules to fix.
     */
    private static void checkFixes(List<Path> files, List<Rule> rules) throws IOException {
        int fixed = 0;
        for (Path p : files) {
            String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            long errorsBefore = Dockerfile.parse(text).errors().size();
            var r = dev.dockdiet.fix.Fixer.fixUntilStable(text, t -> {
                Dockerfile df = Dockerfile.parse(t);
                List<Finding> all = new ArrayList<>();
                for (Rule rule : rules) {
                    RuleContext ctx = new RuleContext(df, p, RuleSettings.defaults(), new IdentityHashMap<>(), x -> null);
                    rule.check(ctx);
                    all.addAll(ctx.findings());
                }
                return all;
            }, dev.dockdiet.rule.Applicability.SUGGESTED, 5);
            if (r.text().equals(text)) {
                continue;
            }
            fixed++;
            long errorsAfter = Dockerfile.parse(r.text()).errors().size();
            boolean leftover = r.remaining().stream().anyMatch(f -> f.fix() != null);
            if (!r.converged() || errorsAfter > errorsBefore || leftover) {
                System.out.println("FIX PROBLEM " + p + " converged=" + r.converged() + " errors " + errorsBefore
                        + "->" + errorsAfter + " leftover=" + leftover);
            }
        }
        System.out.println("files changed by fixes: " + fixed);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/corpus/files");
        List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        boolean fixMode = only.contains("--fix");
        if (fixMode) {
            only = List.of();
        }
        List<Rule> rules = new ArrayList<>(SecurityRules.all());
        rules.addAll(dev.dockdiet.rules.style.StyleRules.all());
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, Integer> filesFlagged = new TreeMap<>();
        Map<String, Integer> findings = new TreeMap<>();
        int crashes = 0;
        for (Path p : files) {
            String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            Dockerfile df = Dockerfile.parse(text);
            for (Rule r : rules) {
                if (!only.isEmpty() && !only.contains(r.meta().id())) {
                    continue;
                }
                RuleContext ctx = new RuleContext(df, original(dir, p), RuleSettings.defaults(), new IdentityHashMap<>(), t -> null);
                try {
                    r.check(ctx);
                } catch (RuntimeException e) {
                    crashes++;
                    System.out.println("CRASH " + r.meta().id() + " " + p + ": " + e);
                    continue;
                }
                List<Finding> fs = ctx.findings();
                if (fs.isEmpty()) {
                    continue;
                }
                filesFlagged.merge(r.meta().id(), 1, Integer::sum);
                findings.merge(r.meta().id(), fs.size(), Integer::sum);
                if (!only.isEmpty()) {
                    for (Finding f : fs) {
                        String line = df.lineText(f.range().startLine()).strip();
                        System.out.println(r.meta().id() + " " + dir.relativize(p) + ":" + f.range().startLine() + ":"
                                + f.range().startColumn() + " " + f.message() + "\n      | "
                                + (line.length() > 200 ? line.substring(0, 200) : line));
                    }
                }
            }
        }
        if (fixMode) {
            checkFixes(files, rules);
        }
        System.out.println("files: " + files.size() + ", crashes: " + crashes);
        for (var e : filesFlagged.entrySet()) {
            System.out.println(e.getKey() + " files=" + e.getValue() + " findings=" + findings.get(e.getKey()));
        }
    }
}
