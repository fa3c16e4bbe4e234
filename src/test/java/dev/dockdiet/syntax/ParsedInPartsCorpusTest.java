package dev.dockdiet.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ParsedInPartsTest} over the 2,284 real Dockerfiles of the corpus. */
@NeedsCorpus
class ParsedInPartsCorpusTest {

    @Test
    void everyCorpusFileParsesTheSameInParts() throws IOException {
        List<Corpus.Entry> files = Corpus.load();
        int split = 0;
        for (Corpus.Entry e : files) {
            for (int parts : new int[] {2, 5}) {
                ParsedInPartsTest.assertSameModel(e.text(), parts);
            }
            split += ModelBuilder.partsParsed(e.text(), 2) > 1 ? 1 : 0;
        }
        // most real files have a cut the parser accepts, so the comparison above is of split parses
        assertThat(split).isGreaterThan(files.size() / 2);
        System.out.println("corpus files parsed in two parts: " + split + " of " + files.size());
    }
}
