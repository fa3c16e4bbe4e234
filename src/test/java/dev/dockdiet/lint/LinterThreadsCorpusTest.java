package dev.dockdiet.lint;

import dev.dockdiet.syntax.Corpus;
import dev.dockdiet.syntax.NeedsCorpus;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@link LinterThreadsTest} over the 2,284 real Dockerfiles of the corpus. */
@NeedsCorpus
class LinterThreadsCorpusTest {

    @Test
    void theCorpusGivesTheSameFindingsOnThreeThreads() throws IOException {
        Linter linter = new Linter(dev.dockdiet.rules.Rules.all(), DefaultServices::get).withThreads(3);
        for (Corpus.Entry e : Corpus.load()) {
            String text = e.text().startsWith("\uFEFF") ? e.text().substring(1) : e.text();
            LinterThreadsTest.assertSameAsOneThread(text, linter);
        }
    }
}
