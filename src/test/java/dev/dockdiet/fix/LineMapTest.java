package dev.dockdiet.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.syntax.SourceRange;
import org.junit.jupiter.api.Test;

class LineMapTest {

    @Test
    void linesAndColumns() {
        LineMap m = new LineMap("FROM a\r\nRUN b\nCMD c");
        assertThat(m.lineCount()).isEqualTo(3);
        assertThat(m.lineOf(0)).isEqualTo(1);
        assertThat(m.lineOf(6)).isEqualTo(1); // the \r
        assertThat(m.lineOf(8)).isEqualTo(2);
        assertThat(m.columnOf(12)).isEqualTo(5);
        assertThat(m.lineText(1)).isEqualTo("FROM a");
        assertThat(m.lineText(2)).isEqualTo("RUN b");
        assertThat(m.lineText(3)).isEqualTo("CMD c");
        assertThat(m.nextLineStart(1)).isEqualTo(8);
        assertThat(m.nextLineStart(3)).isEqualTo(19);
        assertThat(m.range(8, 11)).isEqualTo(new SourceRange(8, 11, 2, 1, 2, 4));
        assertThat(m.lineOf(19)).isEqualTo(3);
    }

    @Test
    void trailingNewlineOpensNoLine() {
        LineMap m = new LineMap("a\nb\n");
        assertThat(m.lineCount()).isEqualTo(2);
        assertThat(m.lineOf(4)).isEqualTo(2);
        assertThat(new LineMap("").lineCount()).isEqualTo(1);
        assertThat(new LineMap("a\n\n").lineCount()).isEqualTo(2);
    }
}
