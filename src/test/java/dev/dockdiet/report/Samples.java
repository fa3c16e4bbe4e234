package dev.dockdiet.report;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.size.SizePicture;
import dev.dockdiet.syntax.SourceRange;
import java.net.URI;
import java.util.List;

/** Hand-made reports shared by the reporter tests (no parser involved). */
final class Samples {

    static final String VERSION = "0.1.0";
    static final ReportOptions OPTIONS = ReportOptions.defaults().withSrcRoot(URI.create("file:///work/project"));

    static final RuleMeta DD001 = new RuleMeta("DD001", "unreadable-file", Severity.ERROR, Category.SYNTAX,
            Fixability.NONE, List.of("DL1000"), "The Dockerfile cannot be read or parsed");
    static final RuleMeta DD101 = new RuleMeta("DD101", "oversized-base", Severity.WARNING, Category.SIZE,
            Fixability.SOMETIMES, List.of("DL3006"), "The base image has a much smaller variant");
    static final RuleMeta DD102 = new RuleMeta("DD102", "apt-no-install-recommends", Severity.WARNING, Category.SIZE,
            Fixability.ALWAYS, List.of("DL3015"), "apt-get install without --no-install-recommends");
    static final RuleMeta DD104 = new RuleMeta("DD104", "apt-lists-left", Severity.INFO, Category.SIZE,
            Fixability.ALWAYS, List.of("DL3009"), "apt lists are left in the layer");
    static final RuleMeta DD201 = new RuleMeta("DD201", "latest-tag", Severity.ERROR, Category.BUILD,
            Fixability.NONE, List.of("DL3007"), "Do not build on the latest tag");
    static final RuleMeta DD301 = new RuleMeta("DD301", "root-user", Severity.WARNING, Category.SECURITY,
            Fixability.NONE, List.of("DL3002"), "The final stage runs as root");
    static final RuleMeta DD402 = new RuleMeta("DD402", "label-key-format", Severity.STYLE, Category.STYLE,
            Fixability.SOMETIMES, List.of(), "Label keys should use reverse-DNS notation");

    static final List<RuleMeta> RULES = List.of(DD001, DD101, DD102, DD104, DD201, DD301, DD402);

    static final String DD101_DOCS = """
            # DD101 oversized-base

            ## What it does

            Flags a base image that has a much smaller variant with the same runtime, such as
            `node:18` and `node:18-slim`.

            ## Why is this bad?

            Every byte of the base image is pulled on **every** deploy and scanned for CVEs.

            ## Example

            ```dockerfile
            FROM node:18
            ```

            ## Use instead

            ```dockerfile
            FROM node:18-slim
            ```

            See [the size table](https://example.com/sizes).
            """;

    static final String SOURCE_A = """
            # syntax=docker/dockerfile:1
            FROM node:18
            LABEL maintainer="José 🐳" version="1.0"
            RUN apt-get update && \\
                apt-get install -y curl
            COPY . /app
            """;

    static final String SOURCE_B = "FROM gcr.io/distroless/static-debian12\nCOPY app /app\n";

    private Samples() {
    }

    /** A range over {@code text[start, end)} with lines and UTF-16 columns computed as the parser does. */
    static SourceRange range(String text, int start, int end) {
        int[] s = lineCol(text, start);
        int[] e = lineCol(text, end);
        return new SourceRange(start, end, s[0], s[1], e[0], e[1]);
    }

    /** The range of the {@code n}-th (0-based) occurrence of {@code needle}. */
    static SourceRange find(String text, String needle, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = text.indexOf(needle, at + 1);
            if (at < 0) {
                throw new IllegalArgumentException(needle + " #" + n + " not in text");
            }
        }
        return range(text, at, at + needle.length());
    }

    static SourceRange find(String text, String needle) {
        return find(text, needle, 0);
    }

    static int[] lineCol(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    static FileReport fileA() {
        String t = SOURCE_A;
        SourceRange base = find(t, "node:18");
        Finding oversized = new Finding(DD101, Severity.WARNING,
                "node:18 is a large base image, 100% of it shipped: node:18-slim has the same runtime", base,
                Fix.suggested("Use node:18-slim", new Edit(base, "node:18-slim")),
                new Savings(210_000_000L, Savings.SizeKind.COMPRESSED, "https://hub.docker.com/_/node", "2024-05-01"));
        Finding root = new Finding(DD301, "No USER instruction: the final stage runs as root", find(t, "FROM node:18"));
        SourceRange versionKey = find(t, "version");
        Finding label = new Finding(DD402, "Label key 'version' is not in reverse-DNS notation",
                find(t, "version=\"1.0\""))
                .withFix(Fix.safe("Rename the key to org.opencontainers.image.version",
                        new Edit(versionKey, "org.opencontainers.image.version")));
        int runStart = t.indexOf("RUN apt-get");
        int runEnd = t.indexOf("curl") + "curl".length();
        SourceRange run = range(t, runStart, runEnd);
        Finding lists = new Finding(DD104, "apt lists are left in the layer after apt-get install", run)
                .withFix(Fix.suggested("Remove /var/lib/apt/lists in the same RUN", new Edit(run,
                        "RUN apt-get update && \\\n    apt-get install -y curl && \\\n    rm -rf /var/lib/apt/lists/*")));
        SourceRange install = find(t, "apt-get install");
        int insertAt = install.end();
        Finding recommends = new Finding(DD102, "apt-get install without --no-install-recommends", install)
                .withFix(Fix.safe("Add --no-install-recommends",
                        new Edit(range(t, insertAt, insertAt), " --no-install-recommends")));
        SizePicture size = new SizePicture("node:18", 1_100_000_000L, Savings.SizeKind.COMPRESSED,
                "https://hub.docker.com/_/node", "2024-05-01",
                List.of(new SizePicture.Suggestion("DD101", "Use node:18-slim", 210_000_000L),
                        new SizePicture.Suggestion("DD104", "Remove apt lists", null)),
                890_000_000L);
        return new FileReport("app/Dockerfile", t, List.of(recommends, lists, label, oversized, root), size);
    }

    static FileReport fileB() {
        SizePicture size = new SizePicture("gcr.io/distroless/static-debian12", null, null, null, null, List.of(), null);
        return new FileReport("build tools/Dockerfile.dev", SOURCE_B, List.of(), size);
    }

    static FileReport fileC() {
        Finding unreadable = new Finding(DD001, "Cannot read the file: Permission denied", new SourceRange(0, 0, 1, 1, 1, 1));
        return new FileReport("broken/Dockerfile", null, List.of(unreadable), null);
    }

    static LintReport sample() {
        return new LintReport(VERSION, List.of(fileA(), fileB(), fileC()), RULES,
                id -> id.equals("DD101") ? DD101_DOCS : null);
    }

    static LintReport empty() {
        return new LintReport(VERSION, List.of(), RULES, id -> null);
    }

    static String render(String format, LintReport report, ReportOptions options) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            Reporters.create(format, options).write(report, w);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    static String render(String format, LintReport report) {
        return render(format, report, OPTIONS);
    }
}
