package dev.dockdiet.report;

import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
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

    // the real catalogue's rules, so the goldens name real ids and link to pages that exist
    static final RuleMeta DD001 = real("DD001"); // syntax-error
    static final RuleMeta DD101 = real("DD101"); // oversized-base
    static final RuleMeta DD111 = real("DD111"); // apt-lists-not-removed
    static final RuleMeta DD112 = real("DD112"); // apt-no-install-recommends
    static final RuleMeta DD202 = real("DD202"); // latest-base-image
    static final RuleMeta DD301 = real("DD301"); // root-user
    static final RuleMeta DD409 = real("DD409"); // invalid-label-key

    static final List<RuleMeta> RULES = List.of(DD001, DD101, DD111, DD112, DD202, DD301, DD409);

    /** DD101's docs page as the CLI ships it (rules/DD101-oversized-base.md). */
    static final String DD101_DOCS = page(DD101);

    static final String SOURCE_A = """
            # syntax=docker/dockerfile:1
            FROM node:18
            LABEL maintainer="José 🐳" Version="1.0"
            RUN apt-get update && \\
                apt-get install -y curl
            COPY . /app
            """;

    static final String SOURCE_B = "FROM gcr.io/distroless/static-debian12\nCOPY app /app\n";

    private Samples() {
    }

    static RuleMeta real(String id) {
        return dev.dockdiet.rules.Rules.meta(id).orElseThrow(() -> new IllegalStateException("no rule " + id));
    }

    static String page(RuleMeta meta) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("rules", meta.docFile()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
        Finding root = new Finding(DD301, "The last USER is root: the final stage runs as root", find(t, "FROM node:18"));
        Finding label = new Finding(DD409, "Label key 'Version' is not lower-case (Docker's key format)",
                find(t, "Version=\"1.0\""));
        int runStart = t.indexOf("RUN apt-get");
        int runEnd = t.indexOf("curl") + "curl".length();
        SourceRange run = range(t, runStart, runEnd);
        // severity lowered to info, as a config's `severity: {DD111: info}` does
        Finding lists = new Finding(DD111, Severity.INFO, "apt lists are left in the layer after apt-get update", run,
                Fix.suggested("Remove /var/lib/apt/lists in the same RUN", new Edit(run,
                        "RUN apt-get update && \\\n    apt-get install -y curl && \\\n    rm -rf /var/lib/apt/lists/*")), null);
        SourceRange install = find(t, "apt-get install");
        int insertAt = install.end();
        Finding recommends = new Finding(DD112, "apt-get install without --no-install-recommends", install)
                .withFix(Fix.safe("Add --no-install-recommends",
                        new Edit(range(t, insertAt, insertAt), " --no-install-recommends")));
        SizePicture size = new SizePicture("node:18", 1_100_000_000L, Savings.SizeKind.COMPRESSED,
                "https://hub.docker.com/_/node", "2024-05-01",
                List.of(new SizePicture.Suggestion("DD101", "Use node:18-slim", 210_000_000L),
                        new SizePicture.Suggestion("DD111", "Remove apt lists", null)),
                890_000_000L);
        return new FileReport("app/Dockerfile", t, List.of(recommends, lists, label, oversized, root), size);
    }

    static FileReport fileB() {
        SizePicture size = new SizePicture("gcr.io/distroless/static-debian12", null, null, null, null, List.of(), null);
        return new FileReport("build tools/Dockerfile.dev", SOURCE_B, List.of(), size);
    }

    static FileReport fileC() {
        // a finding whose source text is not in the report (null source)
        Finding unreadable = new Finding(DD001, "ENV must have two arguments", new SourceRange(0, 0, 1, 1, 1, 1));
        return new FileReport("broken/Dockerfile", null, List.of(unreadable), null);
    }

    static LintReport sample() {
        return new LintReport(VERSION, List.of(fileA(), fileB(), fileC()), RULES,
                id -> id.equals("DD101") ? DD101_DOCS : null);
    }

    /** The sample with the first fixable finding's fix refused by --fix, as the CLI marks it. */
    static LintReport sampleWithARefusal() {
        FileReport a = fileA();
        List<dev.dockdiet.rule.Finding> findings = new java.util.ArrayList<>(a.findings());
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).fix() != null) {
                findings.set(i, findings.get(i).withFix(findings.get(i).fix().refusedBecause("it adds DD999 x at line 1: y")));
                break;
            }
        }
        return new LintReport(VERSION, List.of(new FileReport(a.path(), a.source(), findings, a.size()), fileB(), fileC()),
                RULES, id -> id.equals("DD101") ? DD101_DOCS : null);
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
