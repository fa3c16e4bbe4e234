package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import dev.dockdiet.syntax.Word;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DD310: a private key or credentials file (id_rsa, .ssh, .env, .netrc, .aws/credentials ...)
 * copied into the image that ships (the final stage and the stages it is built FROM). A copy into
 * a build stage whose files are picked with {@code COPY --from} does not reach the final image.
 */
public final class SecretFileCopied implements Rule {

    public static final RuleMeta META = new RuleMeta("DD310", "secret-file-copied", Severity.WARNING,
            Category.SECURITY, Fixability.NONE, List.of(),
            "Do not COPY private keys or credential files into the image");

    private static final Set<String> KEY_FILES = Set.of("id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk",
            "id_ed25519_sk", ".netrc", "_netrc", ".git-credentials", ".pgpass", ".ssh");
    private static final Set<String> ENV_SAMPLES = Set.of("example", "sample", "template", "dist", "default",
            "defaults", "tmpl", "tpl", "skel");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : Util.finalChain(ctx.file())) {
            for (Instruction i : s.instructions()) {
                List<Word> sources = i instanceof Instruction.Copy c ? c.sources()
                        : i instanceof Instruction.Add a ? a.sources() : List.of();
                if (!i.node().heredocs().isEmpty()) {
                    continue;
                }
                for (Word w : sources) {
                    String why = secretKind(w.text());
                    if (why != null) {
                        ctx.report(META, w.range(), "'" + w.text() + "' looks like " + why + ": it stays in the image"
                                + " layer for anyone who pulls it; use RUN --mount=type=secret or type=ssh instead");
                    }
                }
            }
        }
    }

    /** What kind of secret a source path names, or null. */
    static String secretKind(String source) {
        String p = dev.dockdiet.syntax.Quotes.unquote(source).replace('\\', '/');
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.contains("$") || p.startsWith("http://") || p.startsWith("https://")) {
            return null;
        }
        String base = Util.base(p);
        String lower = base.toLowerCase(Locale.ROOT);
        if (KEY_FILES.contains(lower)) {
            return lower.startsWith("id_") ? "an SSH private key" : lower.equals(".ssh") ? "an SSH directory"
                    : "a credentials file";
        }
        if (lower.equals(".env")) {
            return "an environment file with secrets";
        }
        if (lower.startsWith(".env.") && !ENV_SAMPLES.contains(lower.substring(5))) {
            return "an environment file with secrets";
        }
        String lp = p.toLowerCase(Locale.ROOT);
        if (lp.endsWith(".aws/credentials") || lp.equals(".aws") || lp.endsWith("/.aws")
                || lp.endsWith(".docker/config.json") || lp.endsWith(".kube/config")) {
            return "a credentials file";
        }
        return null;
    }
}
