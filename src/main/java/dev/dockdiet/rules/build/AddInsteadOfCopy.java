package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Quotes;
import dev.dockdiet.syntax.Word;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DD240: hadolint's DL3020: ADD of a local file or directory that is no archive, where COPY does
 * the same without ADD's surprises (auto-extraction, remote downloads). Sources that are
 * {@code http(s)://} URLs or local archives (which ADD extracts) are fine; so are git
 * ({@code git@host:repo}) sources, which only ADD can fetch.
 */
public final class AddInsteadOfCopy implements Rule {

    public static final RuleMeta META = new RuleMeta("DD240", "add-instead-of-copy", Severity.ERROR, Category.BUILD,
            Fixability.SOMETIMES, List.of("DL3020", "CKV_DOCKER_4", "DS005", "DS-0005", "AVD-DS-0005"), "Use COPY instead of ADD for files and folders");

    /** Flags only ADD has: with them the instruction cannot become a COPY. */
    private static final Set<String> ADD_ONLY = Set.of("checksum", "keep-git-dir", "unpack");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction i : ctx.file().instructions()) {
            if (!(Walk.inner(i) instanceof Instruction.Add add)) {
                continue;
            }
            List<Word> sources = add.sourcePaths();
            if (sources.isEmpty()) {
                continue; // heredoc sources only
            }
            boolean local = false;
            boolean plain = true;
            for (Word w : sources) {
                String s = Quotes.unquoteTrimmed(w.text());
                if (Walk.isUrl(s) || s.startsWith("git@")) {
                    plain = false;
                    continue;
                }
                if (Walk.isArchive(s)) {
                    plain = false;
                    continue;
                }
                local = true;
                if (Walk.hasGlob(s) || s.contains("$")) {
                    plain = false; // a pattern or variable may name an archive, which ADD would extract
                }
            }
            if (!local) {
                continue;
            }
            boolean addOnlyFlag = add.node().flags().stream().anyMatch(f -> ADD_ONLY.contains(f.name()));
            String message = "Use COPY instead of ADD for files and folders: ADD also extracts archives and downloads"
                    + " URLs, so COPY says what happens";
            if (plain && !addOnlyFlag && add.sourceContents().isEmpty()) {
                String kw = ctx.file().text().substring(add.node().keywordRange().start(), add.node().keywordRange().end());
                String copy = kw.equals(kw.toLowerCase(Locale.ROOT)) ? "copy" : kw.equals("Add") ? "Copy" : "COPY";
                ctx.report(META, add.node().keywordRange(), message,
                        Fix.safe("replace ADD with COPY", new Edit(add.node().keywordRange(), copy)));
            } else {
                ctx.report(META, add.node().keywordRange(), message);
            }
        }
    }
}
