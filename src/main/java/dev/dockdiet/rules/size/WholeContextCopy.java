package dev.dockdiet.rules.size;

import dev.dockdiet.size.DockerIgnore;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import dev.dockdiet.syntax.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DD121: {@code COPY . .} (or {@code ADD . .}) while the build context's {@code .dockerignore} is missing
 * or does not exclude {@code .git}, {@code node_modules} (for a node project) and the build output
 * directories present. Reads the build context ({@link dev.dockdiet.rule.RuleSettings#contextDir()});
 * says nothing when it is unknown.
 */
public final class WholeContextCopy implements Rule {

    public static final RuleMeta META = new RuleMeta("DD121", "whole-context-copy", Severity.WARNING, Category.SIZE,
            Fixability.NONE, List.of(),
            "COPY . copies the whole build context while .dockerignore leaves .git, node_modules or build output in");

    /** Directories whose size is measured only when they hold at most this many entries (lint must stay fast). */
    static final int MEASURE_LIMIT = 20_000;

    private record Missing(String name, boolean essential, Long bytes) {
    }

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
        Dockerfile file = ctx.file();
        List<Instruction> copies = new ArrayList<>();
        List<Word> dots = new ArrayList<>();
        for (Instruction i : file.instructions()) {
            List<Word> sources;
            if (i instanceof Instruction.Copy c && c.from().isEmpty()) {
                sources = c.sources();
            } else if (i instanceof Instruction.Add a) {
                sources = a.sources();
            } else {
                continue;
            }
            for (Word w : sources) {
                if (isWholeContext(w.text())) {
                    copies.add(i);
                    dots.add(w);
                    break;
                }
            }
        }
        if (copies.isEmpty()) {
            return;
        }
        Path ignoreFile = DockerIgnore.fileFor(ctx.path(), dir);
        DockerIgnore rules;
        try {
            rules = ignoreFile == null ? DockerIgnore.none() : DockerIgnore.parse(Files.readString(ignoreFile, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            return; // an unreadable .dockerignore: nothing can be said
        }
        List<Missing> missing = new ArrayList<>();
        check(dir, ".git", true, Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS), rules, missing);
        boolean node = Files.isRegularFile(dir.resolve("package.json"));
        check(dir, "node_modules", true, node || Files.isDirectory(dir.resolve("node_modules")), rules, missing);
        for (String out : List.of("target", "build", "dist")) {
            check(dir, out, false, Files.isDirectory(dir.resolve(out), LinkOption.NOFOLLOW_LINKS), rules, missing);
        }
        if (missing.isEmpty()) {
            return;
        }
        boolean essential = missing.stream().anyMatch(Missing::essential);
        long measured = 0;
        StringBuilder list = new StringBuilder();
        for (Missing m : missing) {
            list.append(list.length() == 0 ? "" : ", ").append(m.name());
            if (m.bytes() != null) {
                list.append(" (").append(SizeText.bytes(m.bytes())).append(")");
                measured += m.bytes();
            } else if (!Files.exists(dir.resolve(m.name()))) {
                list.append(" (not there now)");
            }
        }
        boolean anyMeasured = missing.stream().anyMatch(m -> m.bytes() != null);
        String lines = String.join(", ", missing.stream().map(Missing::name).toList());
        List<Stage> shipped = SizeStages.shipped(file);
        for (int k = 0; k < copies.size(); k++) {
            Instruction i = copies.get(k);
            String head = ignoreFile == null ? "there is no .dockerignore"
                    : ignoreFile.getFileName() + " does not exclude them";
            String msg = "`" + i.keyword() + " " + dots.get(k).text() + "` sends and copies the whole build context"
                    + " including " + list + (anyMeasured ? " (measured in the build context)" : "") + ", and " + head
                    + ". Add to .dockerignore: " + lines;
            Finding f = new Finding(META, msg, dots.get(k).range()).withSeverity(essential ? Severity.WARNING
                    : Severity.INFO);
            Stage s = file.stageOf(i).orElse(null);
            if (anyMeasured && measured > 0 && s != null && shipped.contains(s)) {
                f = f.withSavings(new Savings(measured, Savings.SizeKind.UNCOMPRESSED,
                        "measured: build context " + dir, LocalDate.now().toString()));
            }
            ctx.report(f);
        }
    }

    private static boolean isWholeContext(String src) {
        String s = src;
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1);
        }
        return s.equals(".") || s.equals("./") || s.equals("./.");
    }

    private static void check(Path dir, String name, boolean essential, boolean relevant, DockerIgnore rules,
                              List<Missing> out) {
        if (!relevant || rules.excludes(name + "/x")) {
            return;
        }
        Path p = dir.resolve(name);
        out.add(new Missing(name, essential, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? measure(p) : null));
    }

    /** Total bytes of the regular files under {@code dir}, or null when it has more than {@link #MEASURE_LIMIT} entries. */
    static Long measure(Path dir) {
        long[] total = {0};
        int[] count = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (++count[0] > MEASURE_LIMIT) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return null;
        }
        return count[0] > MEASURE_LIMIT ? null : total[0];
    }

    // ---- .dockerignore, as BuildKit reads it ----------------------------------------------------
}
