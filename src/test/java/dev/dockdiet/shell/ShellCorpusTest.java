package dev.dockdiet.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Feeds every RUN script of the real-world corpus to the parser: it must never crash. */
class ShellCorpusTest {

    @Test
    void corpusScriptsNeverCrash() {
        Path root = CorpusScripts.corpus();
        assumeTrue(root != null, "corpus not found");
        List<String> scripts = CorpusScripts.load(root);
        assertThat(scripts).hasSizeGreaterThan(1000);

        List<ShellScript> withErrors = new ArrayList<>();
        int commands = 0;
        long t0 = System.nanoTime();
        for (String script : scripts) {
            ShellScript s = ShellParser.parse(script);
            assertThat(s.errors()).noneMatch(e -> e.message().startsWith("cannot parse this script"));
            assertThat(s.text()).isEqualTo(script);
            for (SimpleCommand c : s.effectiveCommands()) {
                assertThat(c.start()).isBetween(0, script.length());
                assertThat(c.end()).isBetween(c.start(), script.length());
            }
            commands += s.commands().size();
            if (s.hasErrors()) {
                withErrors.add(s);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("shell corpus: %d scripts, %d commands, %d with errors, first pass %d ms%n",
                scripts.size(), commands, withErrors.size(), ms);
        for (ShellScript s : withErrors.subList(0, Math.min(80, withErrors.size()))) {
            String t = s.text().length() > 200 ? s.text().substring(Math.max(0, s.errors().get(0).start() - 100), Math.min(s.text().length(), s.errors().get(0).start() + 100)) + "..." : s.text();
            System.out.println("  ERR " + s.errors().get(0) + " || " + t.replace("\n", "\\n"));
        }
        // rough throughput once warm (printed, not asserted: benchmarks belong to JMH)
        long chars = scripts.stream().mapToLong(String::length).sum();
        for (int round = 0; round < 3; round++) {
            long t1 = System.nanoTime();
            for (String script : scripts) {
                ShellParser.parse(script);
            }
            long us = (System.nanoTime() - t1) / 1000;
            System.out.printf("shell corpus warm pass %d: %d ms, %.0f scripts/s, %.1f MB/s%n", round, us / 1000,
                    scripts.size() * 1e6 / us, chars / (double) us);
        }
        // a handful of scripts in the corpus are broken shell; the grammar must handle the rest
        assertThat(withErrors.size()).isLessThan(scripts.size() / 50);
    }
}
