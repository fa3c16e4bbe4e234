package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.syntax.Instruction;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DD319: a package index update ({@code apt-get update}, {@code apk update}, {@code yum update},
 * {@code dnf update}, {@code zypper up}) with no install or upgrade by the same package manager
 * after it in the same RUN. Trivy's DS017 and Checkov's CKV_DOCKER_5: the layer with the index is
 * cached, so a later RUN that installs uses an index as old as that cache, and with it packages
 * whose security fixes it does not know.
 */
public final class UpdateWithoutInstall implements Rule {

    public static final RuleMeta META = new RuleMeta("DD319", "update-without-install", Severity.WARNING,
            Category.SECURITY, Fixability.NONE,
            List.of("CKV_DOCKER_5", "DS017", "DS-0017", "AVD-DS-0017", "no-orphan-package-update"),
            "Update the package index in the same RUN that installs the packages");

    /** Package manager families: a command of the family after the update uses the fresh index. */
    private static final Map<String, String> FAMILY = Map.of("apt-get", "apt", "apt", "apt", "aptitude", "apt",
            "apk", "apk", "yum", "yum", "dnf", "dnf", "microdnf", "dnf", "dnf5", "dnf", "zypper", "zypper", "pacman", "pacman");
    private static final java.util.regex.Pattern PACMAN_SYNC_REFRESH = java.util.regex.Pattern.compile("-S[a-zA-Z]*y[a-zA-Z]*");
    private static final java.util.regex.Pattern PACMAN_INSTALL = java.util.regex.Pattern.compile("-[SU][a-zA-Z]*");
    private static final java.util.regex.Pattern PACMAN_UPGRADE = java.util.regex.Pattern.compile("-S[a-zA-Z]*u[a-zA-Z]*");
    private static final Set<String> UPDATE = Set.of("update", "up", "refresh", "ref");
    private static final Set<String> INSTALL = Set.of("install", "in", "add", "upgrade", "dist-upgrade",
            "full-upgrade", "safe-upgrade", "source-install", "si", "reinstall", "groupinstall", "localinstall",
            "build-dep", "dup", "distro-sync", "patch", "group", "fix", "update-minimal", "upgrade-minimal",
            "search", "download", "source");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Run run : Util.runs(ctx.file())) {
            ShellScript script = ctx.shell(run);
            List<SimpleCommand> cmds = script.effectiveCommands();
            for (SimpleCommand c : cmds) {
                String family = FAMILY.get(Util.base(c.nameValue()));
                if (family == null || !isUpdate(c) || hasNamedPackages(c)) {
                    continue;
                }
                boolean followed = false;
                for (SimpleCommand later : cmds) {
                    if (later != c && script.runsAfter(c, later) && (installs(family, later) || cleansUp(later)
                            || runsScript(later))) {
                        followed = true;
                        break;
                    }
                }
                if (!followed) {
                    ctx.report(META, Util.nameRange(run, c), "`" + Util.base(c.nameValue()) + " " + (c.is("pacman")
                            ? c.args().get(0).value() : c.subcommand())
                            + "` with no install after it in this RUN: its layer is cached, so a later RUN installs"
                            + " from package metadata as old as that cache and misses security updates. Update and"
                            + " install in one RUN (`" + example(family) + "`)");
                }
            }
        }
    }

    /** {@code apt-get update}, {@code zypper refresh}, {@code pacman -Sy} (also {@code -Syu}) without packages. */
    private static boolean isUpdate(SimpleCommand c) {
        if (c.is("pacman")) {
            return c.args().stream().anyMatch(w -> PACMAN_SYNC_REFRESH.matcher(w.value()).matches()) && c.positionals().isEmpty();
        }
        return UPDATE.contains(String.valueOf(c.subcommand()));
    }

    private static boolean installs(String family, SimpleCommand c) {
        if (!family.equals(FAMILY.get(Util.base(c.nameValue())))) {
            return false;
        }
        if (c.is("pacman")) {
            return c.args().stream().anyMatch(w -> PACMAN_INSTALL.matcher(w.value()).matches())
                    && (!c.positionals().isEmpty() || c.args().stream().anyMatch(w -> PACMAN_UPGRADE.matcher(w.value()).matches()));
        }
        return INSTALL.contains(String.valueOf(c.subcommand()));
    }

    /**
     * The index is deleted again in this RUN ({@code rm -rf /var/lib/apt/lists/*}, {@code yum clean
     * all}, {@code apt-get dist-clean}): no stale index is cached.
     */
    private static boolean cleansUp(SimpleCommand c) {
        if (c.is("rm")) {
            for (dev.dockdiet.shell.Word w : c.args()) {
                String v = w.value();
                if (v.startsWith("/var/lib/apt/lists") || v.startsWith("/var/cache/apk") || v.startsWith("/var/cache/yum")
                        || v.startsWith("/var/cache/dnf") || v.startsWith("/var/cache/zypp")) {
                    return true;
                }
            }
            return false;
        }
        return (FAMILY.containsKey(Util.base(c.nameValue())) && c.isSubcommand("clean", "dist-clean", "cc"));
    }

    /** A script run after the update ({@code ./install.sh}, {@code bash /tmp/setup.sh}) may install from it. */
    private static boolean runsScript(SimpleCommand c) {
        String n = c.nameValue();
        if (n.endsWith(".sh")) {
            return true;
        }
        if (c.is("sh", "bash", "ash", "dash", "zsh") && !c.args().isEmpty()) {
            String first = c.args().get(0).value();
            return !first.startsWith("-") && first.endsWith(".sh");
        }
        return false;
    }

    /** {@code yum update openssl} upgrades named packages: that is an install, not an index refresh. */
    private static boolean hasNamedPackages(SimpleCommand c) {
        if (!c.is("yum", "dnf", "microdnf", "dnf5", "zypper")) {
            return false;
        }
        return c.positionals().size() > 1;
    }

    private static String example(String family) {
        return switch (family) {
            case "apk" -> "apk add --no-cache <packages>";
            case "yum" -> "yum install -y <packages> && yum clean all";
            case "dnf" -> "dnf install -y <packages> && dnf clean all";
            case "zypper" -> "zypper refresh && zypper install -y <packages>";
            case "pacman" -> "pacman -Syu --noconfirm <packages>";
            default -> "apt-get update && apt-get install -y <packages>";
        };
    }
}
