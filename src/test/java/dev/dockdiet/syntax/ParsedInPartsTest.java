package dev.dockdiet.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A big file is lexed and parsed in parts on several threads ({@code ModelBuilder.parse}): its model
 * must be the one a single parse gives, whatever the cuts, including the cuts the parser has to
 * refuse (a heredoc body, a comment inside a continuation) and files with the backtick escape.
 */
class ParsedInPartsTest {

    static void assertSameModel(String text, int parts) {
        Dockerfile one = ModelBuilder.build(text, 1);
        Dockerfile split = ModelBuilder.build(text, parts);
        assertThat(dump(split.instructions())).as("instructions in %d parts", parts).isEqualTo(dump(one.instructions()));
        assertThat(split.comments()).isEqualTo(one.comments());
        assertThat(split.directives()).isEqualTo(one.directives());
        assertThat(split.problems()).isEqualTo(one.problems());
        assertThat(dump(split.stages())).isEqualTo(dump(one.stages()));
        assertThat(dump(split.metaArgs())).isEqualTo(dump(one.metaArgs()));
        assertThat(split.escapeChar()).isEqualTo(one.escapeChar());
    }

    /**
     * A model value as text, records component by component: a {@link MappedText} (no equals: two are
     * the same text only if they map to the same places) as its text and the source offset of every char.
     */
    static String dump(Object o) {
        StringBuilder b = new StringBuilder();
        dump(o, b);
        return b.toString();
    }

    private static void dump(Object o, StringBuilder b) {
        if (o instanceof MappedText m) {
            b.append("MappedText[").append(m.text()).append(" @");
            for (int i = 0; i < m.length(); i++) {
                b.append(' ').append(m.sourceOffset(i));
            }
            b.append(']');
        } else if (o instanceof List<?> l) {
            b.append('[');
            for (Object x : l) {
                dump(x, b);
                b.append(", ");
            }
            b.append(']');
        } else if (o != null && o.getClass().isRecord()) {
            b.append(o.getClass().getSimpleName()).append('[');
            for (var c : o.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    b.append(c.getName()).append('=');
                    dump(c.getAccessor().invoke(o), b);
                    b.append(", ");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            b.append(']');
        } else {
            b.append(o);
        }
    }

    @Test
    void everyFixtureParsesTheSameInParts() throws IOException {
        List<String> files = Fixtures.dockerfiles();
        assertThat(files).hasSizeGreaterThan(50);
        int split = 0;
        for (String text : files) {
            for (int parts : new int[] {2, 3, 7}) {
                assertSameModel(text, parts);
            }
            split += ModelBuilder.partsParsed(text, 3) > 1 ? 1 : 0;
        }
        assertThat(split).as("fixtures parsed in more than one part").isGreaterThan(files.size() / 3);
    }

    @Test
    void cutsThatFallInsideALogicalLineAreRefusedAndTheFileIsParsedWhole() {
        // each cut the splitter may guess lands where a fresh lexer would read the line differently
        String heredoc = "FROM alpine\nRUN <<EOF\necho a\nRUN inside the body\necho b\nEOF\nRUN after\n";
        String comment = "FROM alpine\nRUN a \\\n# a comment in the continuation\nFROM still-part-of-run\nRUN b\n";
        String blank = "FROM alpine\nRUN a \\\n\nCMD still-part-of-run\nRUN b\n";
        for (String text : List.of(heredoc, comment, blank)) {
            for (int parts = 2; parts <= 12; parts++) {
                assertSameModel(text, parts);
            }
        }
        assertThat(ModelBuilder.partsParsed("FROM alpine\nRUN a\nRUN b\nRUN c\nRUN d\n", 2)).isEqualTo(2);
        // a guess in the heredoc body (the line before opens nothing) was refused
        assertThat(java.util.stream.IntStream.rangeClosed(2, 12).map(n -> ModelBuilder.partsParsed(heredoc, n))).contains(1);
        // a continued instruction's comment and blank lines are seen through: no guess falls after them
        assertThat(ModelBuilder.cuts(comment + comment, 2)).containsExactly(0, comment.length() + "FROM alpine\n".length(),
                2 * comment.length());
    }

    @Test
    void theBacktickEscapeOfTheDirectiveBlockHoldsInEveryPart() {
        StringBuilder b = new StringBuilder("# escape=`\nFROM mcr.microsoft.com/windows/servercore\n");
        for (int i = 0; i < 40; i++) {
            b.append("RUN powershell -Command `\n    Write-Host ").append(i).append(" \\path\\n").append(i).append('\n');
        }
        String text = b.toString();
        assertSameModel(text, 4);
        assertThat(ModelBuilder.partsParsed(text, 4)).isEqualTo(4);
        // a comment before the escape directive ends the block: the backtick is not the escape there
        String notDirective = "# hello\n" + text;
        assertSameModel(notDirective, 4);
        assertThat(ModelBuilder.build(notDirective, 4).escapeChar()).isEqualTo('\\');
    }

    @Test
    void aBigFileIsParsedInPartsOnItsOwn() {
        StringBuilder b = new StringBuilder("# syntax=docker/dockerfile:1\nFROM debian:12\n");
        for (int i = 0; b.length() <= Parallel.MIN_CHARS; i++) {
            b.append("RUN apt-get update && apt-get install -y pkg").append(i).append(" \\\n    && rm -rf /var/lib/apt/lists/*\n");
        }
        String text = b.toString();
        assertThat(ModelBuilder.parts(text)).isEqualTo(Parallel.threadsFor(text));
        assertSameModel(text, ModelBuilder.parts(text));
        assertThat(dump(Dockerfile.parse(text).instructions())).isEqualTo(dump(ModelBuilder.build(text, 1).instructions()));
    }
}
