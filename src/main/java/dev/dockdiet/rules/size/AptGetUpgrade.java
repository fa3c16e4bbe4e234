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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DD123: a whole-system upgrade ({@code apt-get upgrade}, {@code apk upgrade}, {@code yum update},
 * {@code dnf upgrade}, {@code zypper update}) in a stage that ships. Upgrading named packages is a
 * deliberate choice and is left alone. hadolint had this as DL3005 (apt), DL3017 (apk), DL3031 (yum)
 * and DL3039 (dnf) before removing them; their codes are aliases so old suppressions keep working.
 */
public final class AptGetUpgrade implements Rule {

    public static final RuleMeta META = new RuleMeta("DD123", "apt-get-upgrade", Severity.INFO, Category.SIZE,
            Fixability.NONE, List.of("DL3005", "DL3017", "DL3031", "DL3039", "DS024", "DS-0024", "AVD-DS-0024"),
            "A whole-system package upgrade in the image makes layers larger and builds unreproducible");

    private static final Map<String, Set<String>> UPGRADES = Map.of(
            "apt-get", Set.of("upgrade", "dist-upgrade", "full-upgrade"),
            "apt", Set.of("upgrade", "dist-upgrade", "full-upgrade"),
            "aptitude", Set.of("upgrade", "safe-upgrade", "full-upgrade", "dist-upgrade"),
            "apk", Set.of("upgrade"),
            "yum", Set.of("update", "upgrade", "distro-sync"),
            "dnf", Set.of("update", "upgrade", "upgrade-minimal", "distro-sync"),
            "microdnf", Set.of("update", "upgrade"),
            "tdnf", Set.of("update", "upgrade", "distro-sync"),
            "zypper", Set.of("update", "up", "dist-upgrade", "dup", "patch"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        for (Stage s : SizeStages.shipped(file)) {
            for (Instruction.Run run : s.all(Instruction.Run.class)) {
                for (SimpleCommand c : ctx.shell(run).effectiveCommands()) {
                    if (c.name() == null) {
                        continue;
                    }
                    Set<String> subs = UPGRADES.get(BuildSteps.base(c.nameValue()));
                    List<Word> pos = c.positionals();
                    if (subs == null || pos.isEmpty() || !subs.contains(pos.get(0).value())) {
                        continue;
                    }
                    if (pos.size() > 1 && !c.is("zypper")) {
                        continue; // named packages: a deliberate upgrade
                    }
                    String label = BuildSteps.base(c.nameValue()) + " " + pos.get(0).value();
                    ctx.report(META, run.shellScript().range(c.name().start(), pos.get(0).end()),
                            "`" + label + "` in " + SizeStages.describe(file, s) + " upgrades the whole system: a"
                                    + " bigger layer (old and new files both ship) and an image that differs on"
                                    + " every build. Use a newer base image tag instead, and rebuild it regularly");
                }
            }
        }
    }
}
