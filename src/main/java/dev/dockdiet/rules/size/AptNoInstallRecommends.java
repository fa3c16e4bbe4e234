package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.Connector;
import dev.dockdiet.shell.Redirect;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Quotes;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * DD112: {@code apt-get install} without {@code --no-install-recommends} also installs every
 * package the requested ones merely recommend.
 *
 * <p>Accepted: the flag in any position, {@code -o APT::Install-Recommends=false} (or
 * {@code 0}/{@code no}/{@code off}, also {@code --option}, {@code -oAPT::...}),
 * {@code --install-recommends=no}, and an earlier command of the stage (or a stage it is built
 * FROM) that writes {@code APT::Install-Recommends} into {@code /etc/apt/apt.conf*}. Only stages
 * whose installed files ship are checked (the final stage, its FROM ancestors, and stages it
 * copies {@code /usr} or {@code /} from).
 */
public final class AptNoInstallRecommends implements Rule {

    public static final RuleMeta META = new RuleMeta("DD112", "apt-no-install-recommends", Severity.WARNING,
            Category.SIZE, Fixability.SOMETIMES, List.of("DL3015", "DS029", "DS-0029", "AVD-DS-0029"),
            "Install apt packages with --no-install-recommends");

    private static final Set<String> FALSE = Set.of("false", "0", "no", "off");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        for (Stage stage : CacheRuleSupport.checkedStages(file, List.of("/usr"))) {
            boolean configured = configuredInAncestors(ctx, stage);
            for (Instruction.Run run : CacheRuleSupport.runs(stage)) {
                if (configured) {
                    break;
                }
                List<SimpleCommand> cmds = ctx.shell(run).effectiveCommands();
                for (int i = 0; i < cmds.size(); i++) {
                    SimpleCommand c = cmds.get(i);
                    if (configures(cmds, i)) {
                        configured = true;
                        break;
                    }
                    if (!c.is("apt-get", "apt")) {
                        continue;
                    }
                    List<Word> p = c.positionals();
                    if (p.isEmpty() || !p.get(0).value().equals("install") || disablesRecommends(c)) {
                        continue;
                    }
                    Word w = p.get(0);
                    Finding f = new Finding(META, "`" + c.nameValue() + " install` without `--no-install-recommends`"
                            + " also installs the packages these recommend: add `--no-install-recommends` (and"
                            + " name any recommended package you need)", run.shellScript().range(w.start(), w.end()));
                    Optional<Edit> e = CacheRuleSupport.insertAfter(file, run, w, " --no-install-recommends");
                    if (e.isPresent()) {
                        f = f.withFix(Fix.suggested("Add --no-install-recommends (recommended packages are no"
                                + " longer installed)", e.get()));
                    }
                    ctx.report(f);
                }
            }
        }
    }

    static boolean disablesRecommends(SimpleCommand c) {
        if (c.hasFlag("--no-install-recommends")) {
            return true;
        }
        for (String v : c.flagValues("--install-recommends")) {
            if (FALSE.contains(v.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        List<String> options = new ArrayList<>(c.flagValues("-o"));
        options.addAll(c.flagValues("--option"));
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq > 0 && o.substring(0, eq).trim().equalsIgnoreCase("APT::Install-Recommends")
                    && FALSE.contains(Quotes.unquoteTrimmed(o.substring(eq + 1)).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code cmds.get(i)} writes an {@code Install-Recommends} setting into apt's
     * configuration: {@code echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/x}, or the
     * same piped into {@code tee /etc/apt/apt.conf.d/x}.
     */
    static boolean configures(List<SimpleCommand> cmds, int i) {
        SimpleCommand c = cmds.get(i);
        boolean mentions = false;
        for (Word w : c.words()) {
            if (w.value().contains("Install-Recommends")) {
                mentions = true;
                break;
            }
        }
        if (!mentions) {
            return false;
        }
        if (writesAptConf(c)) {
            return true;
        }
        for (int j = i + 1; j < cmds.size() && cmds.get(j).connector() == Connector.PIPE; j++) {
            if (writesAptConf(cmds.get(j))) {
                return true;
            }
        }
        return false;
    }

    private static boolean writesAptConf(SimpleCommand c) {
        for (Redirect r : c.redirects()) {
            if (r.isOutput() && r.target() != null && r.target().value().startsWith("/etc/apt/apt.conf")) {
                return true;
            }
        }
        if (c.is("tee")) {
            for (Word w : c.positionals()) {
                if (w.value().startsWith("/etc/apt/apt.conf")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean configuredInAncestors(RuleContext ctx, Stage stage) {
        List<Stage> chain = ctx.file().baseChain(stage);
        for (Stage s : chain.subList(1, chain.size())) {
            for (Instruction.Run r : CacheRuleSupport.runs(s)) {
                List<SimpleCommand> cmds = ctx.shell(r).effectiveCommands();
                for (int i = 0; i < cmds.size(); i++) {
                    if (configures(cmds, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
