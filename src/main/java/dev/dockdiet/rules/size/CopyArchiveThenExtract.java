package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.rules.build.Runs;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Instruction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DD125: a local archive is COPY'd into the image and a later RUN of the same stage extracts it
 * ({@code tar -x}, {@code unzip}, {@code gunzip} ...). The archive then ships in the COPY layer
 * next to its extracted files; {@code ADD} extracts a local tar archive itself and keeps only the
 * files. As in hadolint, an archive is matched by its file name, and the state resets at FROM.
 */
public final class CopyArchiveThenExtract implements Rule {

    public static final RuleMeta META = new RuleMeta("DD125", "copy-archive-then-extract", Severity.INFO,
            Category.SIZE, Fixability.NONE, List.of("DL3010"),
            "Use ADD to extract a local archive instead of COPY and a RUN that unpacks it");

    private static final List<String> EXTENSIONS = List.of(".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2",
            ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz");
    private static final Set<String> UNPACKERS = Set.of("unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz",
            "uncompress", "zcat", "gzcat");

    /** An archive a COPY put into the stage, and where. */
    private record Copied(Instruction.Copy copy, dev.dockdiet.syntax.Word word, String name) {
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        List<Copied> copied = new ArrayList<>();
        Map<Copied, String> extracted = new LinkedHashMap<>();
        for (Instruction i : ctx.file().instructions()) {
            if (i instanceof Instruction.From) {
                report(ctx, extracted);
                copied.clear();
                extracted.clear();
            } else if (i instanceof Instruction.Copy c && c.from().isEmpty()) {
                remember(c, copied);
            } else if (i instanceof Instruction.Run r && !copied.isEmpty() && Runs.isShell(r)) {
                for (SimpleCommand cmd : ctx.shell(r).effectiveCommands()) {
                    if (!extracts(cmd)) {
                        continue;
                    }
                    for (Word w : cmd.args()) {
                        String v = w.value();
                        if (v.startsWith("-")) {
                            continue;
                        }
                        String base = basename(v);
                        for (Copied a : copied) {
                            if (a.name().equals(base)) {
                                extracted.putIfAbsent(a, Runs.basename(cmd.nameValue()));
                            }
                        }
                    }
                }
            }
        }
        report(ctx, extracted);
    }

    private static void report(RuleContext ctx, Map<Copied, String> extracted) {
        for (Map.Entry<Copied, String> e : extracted.entrySet()) {
            Copied a = e.getKey();
            ctx.report(META, a.word().range(), a.name() + " is copied and then extracted with " + e.getValue()
                    + ": the archive stays in the COPY layer next to its files. Use ADD " + a.name()
                    + " <dir>/ to extract it in one layer (ADD unpacks local tar archives), or extract it in a"
                    + " build stage");
        }
    }

    private static void remember(Instruction.Copy c, List<Copied> copied) {
        if (c.destination() == null) {
            return;
        }
        String dest = unquote(c.destination().text());
        if (isArchive(dest)) {
            copied.add(new Copied(c, c.destination(), basename(dest)));
            return;
        }
        for (dev.dockdiet.syntax.Word s : c.sourcePaths()) {
            String src = unquote(s.text());
            if (isArchive(src)) {
                copied.add(new Copied(c, s, basename(src)));
            }
        }
    }

    private static boolean extracts(SimpleCommand c) {
        if (c.name() == null) {
            return false;
        }
        String name = Runs.basename(c.nameValue());
        if (UNPACKERS.contains(name)) {
            return true;
        }
        if (!name.equals("tar") || c.args().isEmpty()) {
            return false;
        }
        String first = c.args().get(0).value();
        if (!first.startsWith("-") && first.indexOf('x') >= 0 && first.chars().allMatch(Character::isLetter)) {
            return true; // old-style bundled options: tar xzf file.tgz
        }
        for (Word w : c.args()) {
            String v = w.value();
            if (v.equals("--extract") || v.equals("--get")
                    || (v.startsWith("-") && !v.startsWith("--") && v.indexOf('x') > 0)) {
                return true;
            }
        }
        return false;
    }

    static boolean isArchive(String path) {
        for (String ext : EXTENSIONS) {
            if (path.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    /** The last path segment, with / or \ (Windows paths) as separators. */
    static String basename(String path) {
        int i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return i < 0 ? path : path.substring(i + 1);
    }

    /** Quotes removed from both ends, each on its own (a quoted path with a blank is split into words). */
    private static String unquote(String s) {
        String t = s.trim();
        int b = 0;
        int e = t.length();
        if (b < e && (t.charAt(b) == '"' || t.charAt(b) == '\'')) {
            b++;
        }
        if (e > b && (t.charAt(e - 1) == '"' || t.charAt(e - 1) == '\'')) {
            e--;
        }
        return t.substring(b, e);
    }
}
