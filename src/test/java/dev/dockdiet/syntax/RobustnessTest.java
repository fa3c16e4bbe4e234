package dev.dockdiet.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Bad and unusual input: never an exception, problems with ranges that point into the file. */
class RobustnessTest {

    /** Every range lies inside the text, its lines and columns agree with its offsets. */
    static void assertSaneRanges(Dockerfile df) {
        LineMap lines = df.lines();
        for (Problem p : df.problems()) {
            assertSane(df, p.range(), p.toString());
        }
        for (Instruction in : df.instructions()) {
            assertSane(df, in.range(), in.node().original());
            assertSane(df, in.node().keywordRange(), in.node().original());
            for (Word w : in.node().args()) {
                assertSane(df, w.range(), w.text());
            }
            for (Flag f : in.node().flags()) {
                assertSane(df, f.range(), f.text());
            }
        }
        assertThat(lines.lineCount()).isPositive();
    }

    static void assertSane(Dockerfile df, SourceRange r, String what) {
        String text = df.text();
        assertThat(r.start()).as(what).isBetween(0, text.length());
        assertThat(r.end()).as(what).isBetween(r.start(), text.length());
        assertThat(r.startLine()).as(what).isEqualTo(df.lines().line(r.start()));
        assertThat(r.endLine()).as(what).isEqualTo(df.lines().line(r.end()));
        assertThat(r.startColumn()).as(what).isEqualTo(df.lines().column(r.start()));
        assertThat(r.endColumn()).as(what).isEqualTo(df.lines().column(r.end()));
    }

    @Test
    void randomBytesAndNulBytes() {
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] b = new byte[random.nextInt(4096)];
            random.nextBytes(b);
            Dockerfile df = Dockerfile.parse(new String(b, StandardCharsets.UTF_8));
            assertSaneRanges(df);
            AstDump.dump(df);
        }
        Dockerfile nul = Dockerfile.parse("FROM x\u0000y\nRUN a\u0000\u0000b \\\n\u0000\n\u0000\u0000\n");
        assertSaneRanges(nul);
        assertThat(nul.instructions()).isNotEmpty();
        // a NUL line is an unknown instruction, not a crash
        assertThat(nul.problems()).anySatisfy(p -> assertThat(p.message()).startsWith("unknown instruction"));
    }

    @Test
    void binaryFileFromDisk() throws IOException {
        // a real binary: a class file of this project
        Path cls = Path.of("target", "classes", "dev", "dockdiet", "syntax", "ModelBuilder.class");
        Dockerfile df = Dockerfile.parse(new String(Files.readAllBytes(cls), StandardCharsets.ISO_8859_1));
        assertSaneRanges(df);
        assertThat(df.errors()).isNotEmpty();
    }

    @Test
    void twentyMegabytesOfRunLines() {
        StringBuilder sb = new StringBuilder(21_000_000).append("FROM alpine:3.20\n");
        String payload = "0123456789".repeat(9);
        int n = 0;
        while (sb.length() < 20_000_000) {
            sb.append("RUN echo ").append(n++).append(' ').append(payload).append(" && true\n");
        }
        long t0 = System.nanoTime();
        Dockerfile df = Dockerfile.parse(sb.toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(df.errors()).isEmpty();
        assertThat(df.instructions()).hasSize(n + 1);
        assertThat(df.stages()).hasSize(1);
        assertThat(df.stages().get(0).instructions()).hasSize(n);
        Instruction last = df.instructions().get(n);
        assertThat(last.range().startLine()).isEqualTo(n + 1);
        assertThat(((Instruction.Run) last).script()).startsWith("echo " + (n - 1) + " ");
        System.out.printf("20 MB of RUN lines: %d instructions in %d ms%n", n + 1, ms);
    }

    @Test
    void lineOverSixtyFourKibIsAParseError() {
        String text = "FROM alpine\nRUN echo " + "x".repeat(70_000) + "\nRUN ls\n";
        Dockerfile df = Dockerfile.parse(text);
        assertThat(df.parses()).isFalse();
        assertThat(df.problems()).singleElement().satisfies(p -> {
            assertThat(p.layer()).isEqualTo(Problem.Layer.PARSE);
            assertThat(p.message()).isEqualTo("dockerfile line greater than max allowed size of 65535");
            assertThat(p.range().startLine()).isEqualTo(2);
        });
        assertSaneRanges(df);
        // exactly 65535 characters is fine
        String ok = "FROM alpine\nRUN " + "y".repeat(65535 - 4) + "\n";
        assertThat(Dockerfile.parse(ok).errors()).isEmpty();
    }

    @Test
    void crlfFilesDumpLikeLfAndRangesExcludeCarriageReturns() throws IOException {
        Path dir = SharedFiles.resolve("conformance/buildkit/parser/testfiles");
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.sorted().toList();
        }
        for (Path c : cases) {
            String lf = Files.readString(c.resolve("Dockerfile"), StandardCharsets.UTF_8).replace("\r\n", "\n");
            String crlf = lf.replace("\n", "\r\n");
            Dockerfile a = Dockerfile.parse(lf);
            Dockerfile b = Dockerfile.parse(crlf);
            assertThat(AstDump.dump(b)).as(c.getFileName().toString()).isEqualTo(AstDump.dump(a));
            assertSaneRanges(b);
            assertThat(b.instructions()).hasSameSizeAs(a.instructions());
            for (int i = 0; i < a.instructions().size(); i++) {
                SourceRange ra = a.instructions().get(i).range();
                SourceRange rb = b.instructions().get(i).range();
                assertThat(rb.startLine()).isEqualTo(ra.startLine());
                assertThat(rb.endLine()).isEqualTo(ra.endLine());
                assertThat(rb.startColumn()).isEqualTo(ra.startColumn());
                // the last line's end column is the same: its \r is not part of the instruction
                assertThat(rb.endColumn()).as("%s %s", c.getFileName(), b.instructions().get(i).node().original())
                        .isEqualTo(ra.endColumn());
                assertThat(crlf.charAt(Math.max(rb.start(), rb.end() - 1))).isNotEqualTo('\r');
            }
        }
    }

    @Test
    void utf8BomIsStripped() {
        Dockerfile df = Dockerfile.parse("\uFEFF# syntax=docker/dockerfile:1\nFROM alpine\n");
        assertThat(df.hasBom()).isTrue();
        assertThat(df.text()).startsWith("# syntax");
        assertThat(df.directive("syntax")).get().extracting(Directive::value).isEqualTo("docker/dockerfile:1");
        Instruction from = df.instructions().get(0);
        assertThat(from.range().start()).isEqualTo(df.text().indexOf("FROM"));
        assertThat(from.range().startColumn()).isEqualTo(1);
        assertThat(Dockerfile.parse("FROM alpine\n").hasBom()).isFalse();
    }

    @Test
    void nonBmpCharactersCountTwoColumns() {
        String text = "FROM alpine\nLABEL emoji=\uD83D\uDE00 next=x\n";
        Dockerfile df = Dockerfile.parse(text);
        Instruction.Label label = (Instruction.Label) df.instructions().get(1);
        Instruction.KeyValue next = label.pairs().get(1);
        assertThat(next.key()).isEqualTo("next");
        // "LABEL emoji=" is 12 UTF-16 units, the emoji 2, then a blank: next= starts at column 16
        assertThat(next.range().startColumn()).isEqualTo(16);
        assertThat(next.range().start()).isEqualTo(text.indexOf("next"));
        assertThat(label.range().endColumn()).isEqualTo("LABEL emoji=\uD83D\uDE00 next=x".length() + 1);
        assertSaneRanges(df);
    }

    @Test
    void unterminatedHeredoc() {
        Dockerfile df = Dockerfile.parse("FROM alpine\nRUN <<EOF\necho hi\nRUN never\n");
        assertThat(df.parses()).isFalse();
        assertThat(df.problems()).anySatisfy(p -> {
            assertThat(p.layer()).isEqualTo(Problem.Layer.PARSE);
            assertThat(p.message()).contains("unterminated heredoc");
            assertThat(p.range().startLine()).isEqualTo(2);
        });
        Instruction.Run run = (Instruction.Run) df.instructions().get(1);
        assertThat(run.node().heredocs()).singleElement().extracting(Heredoc::content).isEqualTo("echo hi\nRUN never\n");
        assertThat(df.instructions()).hasSize(2);
        assertSaneRanges(df);
    }

    @Test
    void backtickEscape() {
        String text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
                + "RUN Write-Host a `\n    b `\n\n    c\nCOPY C:\\src\\ C:\\dst\\\nWORKDIR C:\\\\app\n";
        Dockerfile df = Dockerfile.parse(text);
        assertThat(df.escapeChar()).isEqualTo('`');
        assertThat(df.errors()).isEmpty();
        Instruction.Run run = (Instruction.Run) df.instructions().get(1);
        assertThat(run.script()).isEqualTo("Write-Host a     b     c");
        assertThat(run.range().startLine()).isEqualTo(3);
        assertThat(run.range().endLine()).isEqualTo(6);
        assertThat(df.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("Empty continuation"));
        Instruction.Copy copy = (Instruction.Copy) df.instructions().get(2);
        assertThat(copy.destination().text()).isEqualTo("C:\\dst\\");
        assertThat(((Instruction.Workdir) df.instructions().get(3)).path().text()).isEqualTo("C:\\\\app");
        assertSaneRanges(df);
    }

    @Test
    void garbageAfterJsonFallsBackToShellForm() {
        Dockerfile df = Dockerfile.parse("FROM alpine\nCMD [\"a\", \"b\"] trailing\nENTRYPOINT [\"x\",]\n");
        assertThat(df.errors()).isEmpty();
        Instruction.Cmd cmd = (Instruction.Cmd) df.instructions().get(1);
        assertThat(cmd.command().exec()).isFalse();
        assertThat(cmd.command().text()).isEqualTo("[\"a\", \"b\"] trailing");
        assertThat(((Instruction.Entrypoint) df.instructions().get(2)).command().exec()).isFalse();
    }

    @Test
    void emptyAndCommentOnlyFiles() {
        for (String text : List.of("", "\n\n", "# just a comment\n", "# syntax=docker/dockerfile:1\n# hello\n", "   \t\n")) {
            Dockerfile df = Dockerfile.parse(text);
            assertThat(df.parses()).as(text).isFalse();
            assertThat(df.problems()).as(text).singleElement().satisfies(p -> {
                assertThat(p.message()).isEqualTo("file with no instructions");
                assertThat(p.range().startLine()).isEqualTo(1);
            });
            assertThat(df.instructions()).isEmpty();
            assertThat(df.stages()).isEmpty();
            assertThat(df.finalStage()).isEmpty();
            assertSaneRanges(df);
        }
    }

    @Test
    void continuationAtEndOfFileWithoutNewline() {
        Dockerfile df = Dockerfile.parse("FROM alpine\nRUN echo a \\");
        assertThat(df.errors()).isEmpty();
        assertThat(((Instruction.Run) df.instructions().get(1)).script()).isEqualTo("echo a");
        assertSaneRanges(df);
    }
}
