package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.size.DockerIgnore;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import dev.dockdiet.syntax.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * DD261: {@code COPY}/{@code ADD} of a build-context path that the {@code .dockerignore} excludes:
 * the file is not sent to the builder, so the instruction fails or copies less than it says.
 * BuildKit's {@code CopyIgnoredFile}, with its exact limits: only context sources (not
 * {@code --from}, URLs, git or heredocs); nothing at all when the {@code .dockerignore} has a
 * {@code !} exception; {@code .} and {@code /} only when a pattern is {@code *}, {@code **} or
 * {@code **}{@code /*}. Reads the build context ({@link dev.dockdiet.rule.RuleSettings#contextDir()});
 * silent when it is unknown.
 */
public final class CopyIgnoredFile implements Rule {

    public static final RuleMeta META = new RuleMeta("DD261", "copy-ignored-file", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("CopyIgnoredFile"),
            "COPY and ADD must not name files that .dockerignore excludes from the build context");

    private static final Set<String> ROOT_PATTERNS = Set.of("*", "**", "**/*");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Path dir = ctx.settings().contextDir();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        Path ignoreFile = DockerIgnore.fileFor(ctx.path(), dir);
        if (ignoreFile == null) {
            return;
        }
        DockerIgnore ignore;
        try {
            ignore = DockerIgnore.parse(Files.readString(ignoreFile, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        if (ignore.isEmpty() || ignore.hasExceptions()) {
            return; // BuildKit does not judge files a '!' pattern may bring back
        }
        boolean rootIgnored = ignore.excludePatterns().stream().anyMatch(ROOT_PATTERNS::contains);
        for (Stage s : ctx.file().stages()) {
            for (Instruction i : s.instructions()) {
                boolean add = i instanceof Instruction.Add;
                if (!(i instanceof Instruction.SourcesAndDest sd)
                        || (i instanceof Instruction.Copy c && c.from().isPresent())) {
                    continue;
                }
                for (Word w : sd.sourcePaths()) {
                    String src = w.text();
                    if (src.contains("$") || (add && isRemote(src))) {
                        continue;
                    }
                    String clean = clean(dev.dockdiet.syntax.Quotes.unquote(src));
                    if ((clean.equals(".") || clean.equals("/")) && !rootIgnored) {
                        continue;
                    }
                    if (ignore.excludes(clean) || (rootIgnored && (clean.equals(".") || clean.equals("/")))) {
                        ctx.report(META, i.range(), "Attempting to " + (add ? "Add" : "Copy") + " file \"" + clean
                                + "\" that is excluded by " + ignoreFile.getFileName()
                                + "; it is not in the build context");
                    }
                }
            }
        }
    }

    private static boolean isRemote(String src) {
        return src.startsWith("http://") || src.startsWith("https://") || src.startsWith("git@")
                || src.startsWith("git://") || src.contains(".git#") || src.endsWith(".git");
    }

    /** Go's {@code filepath.Clean} for slash paths. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(p);
        }
        String out = String.join("/", parts);
        if (rooted) {
            return "/" + out;
        }
        return out.isEmpty() ? "." : out;
    }
}
