package dev.dockdiet.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineMapTest {

    @Test
    void linesAndColumns() {
        LineMap m = new LineMap("FROM a\r\nRUN b\nCMD c");
        assertThat(m.lineCount()).isEqualTo(3);
        assertThat(m.line(0)).isEqualTo(1);
        assertThat(m.line(6)).isEqualTo(1); // the \r
        assertThat(m.line(8)).isEqualTo(2);
        assertThat(m.column(12)).isEqualTo(5);
        assertThat(m.lineText(1)).isEqualTo("FROM a");
        assertThat(m.lineText(2)).isEqualTo("RUN b");
        assertThat(m.lineText(3)).isEqualTo("CMD c");
        assertThat(m.lineContentEnd(1)).isEqualTo(6);
        assertThat(m.nextLineStart(1)).isEqualTo(8);
        assertThat(m.nextLineStart(3)).isEqualTo(19);
        assertThat(m.range(8, 11)).isEqualTo(new SourceRange(8, 11, 2, 1, 2, 4));
        assertThat(m.line(19)).isEqualTo(3);
    }

    @Test
    void theOffsetAfterAFinalNewlineIsOnAnEmptyLastLine() {
        // every offset 0..length has a position: after "a\n" comes line 2, column 1 (as LSP and SARIF count)
        LineMap m = new LineMap("a\n");
        assertThat(m.lineCount()).isEqualTo(2);
        assertThat(m.range(2, 2)).isEqualTo(new SourceRange(2, 2, 2, 1, 2, 1));
        assertThat(m.lineText(2)).isEmpty();
        assertThat(m.nextLineStart(1)).isEqualTo(2);
        assertThat(new LineMap("a\nb\n").line(4)).isEqualTo(3);
        assertThat(new LineMap("").lineCount()).isEqualTo(1);
        assertThat(new LineMap("a\n\n").lineCount()).isEqualTo(3);
        assertThat(new LineMap("a\rb").lineCount()).isEqualTo(1); // a lone CR ends no line
    }
}
