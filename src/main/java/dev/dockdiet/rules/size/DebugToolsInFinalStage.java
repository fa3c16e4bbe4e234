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
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DD124: the final image installs interactive debugging tools (vim, nano, strace, gdb, tcpdump,
 * net-tools, ping, procps ...; curl and wget together) by their exact package names. Tools removed
 * again in the stage are not reported (cleanup-in-later-layer speaks for a removal in a later RUN).
 */
public final class DebugToolsInFinalStage implements Rule {

    public static final RuleMeta META = new RuleMeta("DD124", "debug-tools-in-final-stage", Severity.INFO,
            Category.SIZE, Fixability.NONE, List.of(),
            "The final image installs debugging tools a running service does not need");

    private record Install(Instruction.Run run, SimpleCommand command, Packages.Op op, List<Word> tools,
                           Word secondDownloader) {
    }

    /** {@code apt-mark auto} followed by {@code apt-get purge|autoremove}: the RUN removes what it installed. */
    private static boolean autoRemoves(List<SimpleCommand> cmds) {
        boolean marked = false;
        for (SimpleCommand c : cmds) {
            if (c.is("apt-mark") && "auto".equals(c.subcommand())) {
                marked = true;
            } else if (marked && c.is("apt-get", "apt") && c.isSubcommand("purge", "autoremove", "remove")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        if (ctx.isDevContainer()) {
            return;
        }
        Dockerfile file = ctx.file();
        List<Install> installs = new ArrayList<>();
        Map<String, Word> downloaders = new LinkedHashMap<>();
        Map<Word, Install> downloaderInstall = new LinkedHashMap<>();
        Set<String> removed = new HashSet<>();
        for (Stage s : SizeStages.shipped(file)) {
            for (Instruction.Run run : s.all(Instruction.Run.class)) {
                List<SimpleCommand> cmds = ctx.shell(run).effectiveCommands();
                if (autoRemoves(cmds)) {
                    continue; // apt-mark auto ... apt-get purge --auto-remove: what it installed is gone again
                }
                for (SimpleCommand c : cmds) {
                    Packages.Op op = Packages.of(c);
                    if (op == null || op.manager() == Packages.Manager.PIP) {
                        continue;
                    }
                    if (!op.install()) {
                        op.packages().forEach(w -> removed.add(Packages.name(op.manager(), w.value())));
                        continue;
                    }
                    List<Word> tools = new ArrayList<>();
                    for (Word w : op.packages()) {
                        String n = Packages.name(op.manager(), w.value());
                        if (Packages.DEBUG_TOOLS.contains(n)) {
                            tools.add(w);
                        }
                    }
                    Install in = new Install(run, c, op, tools, null);
                    for (Word w : op.packages()) {
                        String n = Packages.name(op.manager(), w.value());
                        if ((n.equals("curl") || n.equals("wget")) && !downloaders.containsKey(n)) {
                            downloaders.put(n, w);
                            downloaderInstall.put(w, in);
                        }
                    }
                    installs.add(in);
                }
            }
        }
        Word second = null;
        boolean virtualGone = downloaderInstall.values().stream().anyMatch(in -> in.op().virtual() != null
                && removed.contains(Packages.name(in.op().manager(), in.op().virtual().value())));
        if (downloaders.size() == 2 && !removed.contains("curl") && !removed.contains("wget") && !virtualGone) {
            second = new ArrayList<>(downloaders.values()).get(1); // the later of the two, in file order
        }
        for (Install in : installs) {
            if (in.op().virtual() != null && removed.contains(Packages.name(in.op().manager(), in.op().virtual().value()))) {
                continue; // apk add --virtual .x ... apk del .x
            }
            List<String> names = new ArrayList<>();
            Word at = null;
            for (Word w : in.tools()) {
                String n = Packages.name(in.op().manager(), w.value());
                if (!removed.contains(n) && !names.contains(n)) {
                    names.add(n);
                    at = at == null ? w : at;
                }
            }
            boolean bothDownloaders = second != null && downloaderInstall.get(second) == in;
            if (bothDownloaders) {
                names.add("curl and wget (one downloader is enough)");
                at = at == null ? second : at;
            }
            if (at == null) {
                continue;
            }
            ctx.report(META, in.run().shellScript().range(at.start(), at.end()),
                    "The final image installs debugging tools: " + String.join(", ", names) + ". They add size and"
                            + " attack surface to every container; debug with an ephemeral container"
                            + " (`docker debug`, `kubectl debug`) or a separate debug image instead");
        }
    }
}
