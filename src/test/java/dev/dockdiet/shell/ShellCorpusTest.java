package dev.dockdiet.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.syntax.NeedsCorpus;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Feeds every RUN script of the real-world corpus to the parser: it must never crash. */
@NeedsCorpus
class ShellCorpusTest {

    @Test
    void corpusScriptsNeverCrash() {
        List<String> scripts = CorpusScripts.load(CorpusScripts.corpus());
        assertThat(scripts).hasSizeGreaterThan(1000);

        List<ShellScript> withErrors = new ArrayList<>();
        int commands = 0;
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
        System.out.printf("shell corpus: %d scripts, %d commands, %d with errors%n",
                scripts.size(), commands, withErrors.size());
        for (ShellScript s : withErrors.subList(0, Math.min(80, withErrors.size()))) {
            String t = s.text().length() > 200 ? s.text().substring(Math.max(0, s.errors().get(0).start() - 100), Math.min(s.text().length(), s.errors().get(0).start() + 100)) + "..." : s.text();
            System.out.println("  ERR " + s.errors().get(0) + " || " + t.replace("\n", "\\n"));
        }
        // a handful of scripts in the corpus are broken shell; the grammar must handle the rest
        assertThat(withErrors.size()).isLessThan(scripts.size() / 50);
    }
}
