package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Quotes;
import dev.dockdiet.syntax.Stage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * DD122: {@code ADD https://.../x.tar.gz} in a stage that ships. ADD does not extract a remote archive
 * (unless {@code --unpack}), so the archive stays in its layer even when a later RUN extracts and deletes
 * it.
 */
public final class RemoteArchiveAdd implements Rule {

    public static final RuleMeta META = new RuleMeta("DD122", "remote-archive-add", Severity.WARNING, Category.SIZE,
            Fixability.NONE, List.of(),
            "ADD of a remote archive keeps the archive in a layer: ADD does not extract URLs");

    private static final List<String> ARCHIVES = List.of(".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2",
            ".tar.xz", ".txz", ".tar.zst", ".tzst", ".zip", ".gz", ".bz2", ".xz", ".zst", ".7z", ".rar", ".lz",
            ".lzma", ".tlz");
    private static final List<String> EXTRACTORS = List.of("tar", "unzip", "gunzip", "bunzip2", "unxz", "unzstd",
            "zstd", "7z", "7za", "xz", "gzip", "bsdtar", "unlzma", "zcat");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        List<Stage> shipped = SizeStages.shipped(file);
        for (int si = 0; si < shipped.size(); si++) {
            Stage s = shipped.get(si);
            List<Instruction> ins = s.instructions();
            for (int ii = 0; ii < ins.size(); ii++) {
                if (!(ins.get(ii) instanceof Instruction.Add add) || unpacks(add)) {
                    continue;
                }
                for (dev.dockdiet.syntax.Word src : add.sources()) {
                    String archive = remoteArchive(src.text());
                    if (archive == null) {
                        continue;
                    }
                    String dest = add.destination() == null ? null : Quotes.unquoteTrimmed(add.destination().text());
                    String landed = dest == null ? archive : dest.endsWith("/") ? dest + archive : dest;
                    String landedName = BuildSteps.base(landed);
                    Integer extracted = null;
                    Integer deleted = null;
                    for (int sj = si; sj < shipped.size(); sj++) {
                        List<Instruction> later = shipped.get(sj).instructions();
                        for (int k = sj == si ? ii + 1 : 0; k < later.size(); k++) {
                            if (!(later.get(k) instanceof Instruction.Run run)) {
                                continue;
                            }
                            for (SimpleCommand c : ctx.shell(run).effectiveCommands()) {
                                if (!mentions(c, landedName)) {
                                    continue;
                                }
                                if (c.is("rm") && deleted == null) {
                                    deleted = run.range().startLine();
                                } else if (c.name() != null && EXTRACTORS.contains(BuildSteps.base(c.nameValue()))
                                        && extracted == null) {
                                    extracted = run.range().startLine();
                                }
                            }
                        }
                    }
                    StringBuilder msg = new StringBuilder("ADD downloads ").append(archive)
                            .append(" but does not extract it");
                    if (extracted != null || deleted != null) {
                        msg.append("; ");
                        if (extracted != null) {
                            msg.append("the RUN on line ").append(extracted).append(" extracts it");
                        }
                        if (deleted != null) {
                            msg.append(extracted != null ? " and " : "").append("the RUN on line ").append(deleted)
                                    .append(" deletes it");
                        }
                        msg.append(", but the archive stays in the ADD layer");
                    } else {
                        msg.append(": the archive itself ships in the image");
                    }
                    msg.append(". Download and extract in one RUN (`curl -fsSL <url> | tar -xz -C <dir>`), or ADD"
                            + " --checksum and extract it in a builder stage");
                    ctx.report(META, src.range(), msg.toString());
                }
            }
        }
    }

    private static boolean unpacks(Instruction.Add add) {
        Optional<Flag> f = add.flag("unpack");
        return f.isPresent() && f.get().isTrue();
    }

    /** The file name of a remote archive URL, or null when the source is not one. */
    static String remoteArchive(String source) {
        String s = source.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || s.contains("$")) {
            return null;
        }
        int cut = s.length();
        for (char c : new char[] {'?', '#'}) {
            int i = s.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        String path = s.substring(0, cut);
        String name = path.substring(path.lastIndexOf('/') + 1);
        String ln = name.toLowerCase(Locale.ROOT);
        if (name.isEmpty() || path.indexOf('/', lower.indexOf("://") + 3) < 0) {
            return null;
        }
        for (String ext : ARCHIVES) {
            if (ln.endsWith(ext) && ln.length() > ext.length()) {
                return name;
            }
        }
        return null;
    }

    private static boolean mentions(SimpleCommand c, String name) {
        for (Word w : c.args()) {
            String v = w.value();
            if (v.equals(name) || v.endsWith("/" + name)) {
                return true;
            }
        }
        return false;
    }
}
