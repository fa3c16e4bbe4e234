package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Word;
import java.util.List;
import java.util.Locale;

/** DD307: {@code ADD https://...} of a file without {@code --checksum}: whatever the server sends is baked in. */
public final class AddUrlWithoutChecksum implements Rule {

    public static final RuleMeta META = new RuleMeta("DD307", "add-url-without-checksum", Severity.WARNING,
            Category.SECURITY, Fixability.NONE, List.of(),
            "ADD of a remote URL needs --checksum so that a changed download fails the build");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Add add : ctx.file().all(Instruction.Add.class)) {
            if (add.flag("checksum").isPresent()) {
                continue;
            }
            for (Word w : add.sources()) {
                if (isRemoteFile(w.text())) {
                    ctx.report(META, w.range(), "ADD downloads '" + w.text() + "' without --checksum: add"
                            + " --checksum=sha256:<digest> (or download in RUN and verify it)");
                }
            }
        }
    }

    /** An http(s) URL that is not a git repository (those are pinned by commit instead). */
    static boolean isRemoteFile(String source) {
        String s = dev.dockdiet.syntax.Quotes.unquote(source).toLowerCase(Locale.ROOT);
        if (!s.startsWith("http://") && !s.startsWith("https://")) {
            return false;
        }
        int hash = s.indexOf('#');
        String path = hash >= 0 ? s.substring(0, hash) : s;
        int q = path.indexOf('?');
        path = q >= 0 ? path.substring(0, q) : path;
        return !path.endsWith(".git");
    }
}
