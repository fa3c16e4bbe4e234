package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import java.util.List;
import java.util.Set;

/**
 * DD111: {@code apt-get update} downloads the package lists into {@code /var/lib/apt/lists}; a
 * RUN that does not remove them leaves them in its layer.
 *
 * <p>Like hadolint's DL3009 the trigger is {@code update} (that is what writes the lists; an
 * {@code install} alone reuses lists of an earlier layer, where removing them here saves
 * nothing), and only stages whose files ship count: the final stage, the stages it is built
 * FROM, and stages it copies {@code /var/lib/apt/lists} (or a parent, such as {@code /}) from.
 * Unlike DL3009 the removal must come after the update, and a cache mount must hold the lists
 * ({@code /var/lib/apt} or the lists directory): one on {@code /var/cache/apt} alone does not.
 */
public final class AptListsNotRemoved implements Rule {

    public static final RuleMeta META = new RuleMeta("DD111", "apt-lists-not-removed", Severity.WARNING,
            Category.SIZE, Fixability.SOMETIMES, List.of("DL3009"),
            "Remove the apt package lists in the RUN that runs apt-get update");

    static final String LISTS = "/var/lib/apt/lists";
    private static final List<String> APT = List.of("apt-get", "apt", "aptitude");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        CacheRuleSupport.checkCleanups(ctx, META, List.of(LISTS), new CacheRuleSupport.CleanupCheck() {
            @Override
            public Word trigger(SimpleCommand c) {
                if (!c.is(APT.toArray(String[]::new))) {
                    return null;
                }
                List<Word> p = c.positionals();
                return !p.isEmpty() && p.get(0).value().equals("update") ? p.get(0) : null;
            }

            @Override
            public boolean exempt(CacheRuleSupport.Site site, SimpleCommand trigger) {
                return CacheRuleSupport.cacheMounted(site.run(), List.of(LISTS), List.of());
            }

            @Override
            public Object cleansKey(CacheRuleSupport.Site site, SimpleCommand trigger) {
                return List.of(); // the later command alone decides
            }

            @Override
            public boolean cleans(CacheRuleSupport.Site site, SimpleCommand trigger, SimpleCommand later) {
                String sub = later.is("apt-get", "apt") ? later.subcommand() : null;
                if ("distclean".equals(sub) || "dist-clean".equals(sub)) {
                    return true;
                }
                return CacheRuleSupport.removesAny(later, List.of(LISTS));
            }

            @Override
            public String append(SimpleCommand trigger) {
                return "rm -rf /var/lib/apt/lists/*";
            }

            @Override
            public String message(SimpleCommand trigger, Word word) {
                return "`" + trigger.nameValue() + " update` leaves the package lists (/var/lib/apt/lists) in this"
                        + " layer: end the RUN with `rm -rf /var/lib/apt/lists/*`, or better, keep them in cache"
                        + " mounts (`RUN --mount=type=cache,target=/var/lib/apt,sharing=locked"
                        + " --mount=type=cache,target=/var/cache/apt,sharing=locked`)";
            }

            @Override
            public boolean needs(ShellScript later) {
                return installsWithoutUpdate(later);
            }

            @Override
            public boolean refills(ShellScript later) {
                for (SimpleCommand c : later.effectiveCommands()) {
                    if (c.is("apt-get", "apt", "aptitude") && "update".equals(c.subcommand())) {
                        return true;
                    }
                }
                return false;
            }
        });
    }

    /** True when the script installs with apt before (or without) running {@code update}: it uses lists an earlier layer left. */
    private static boolean installsWithoutUpdate(ShellScript sh) {
        boolean updated = false;
        for (SimpleCommand c : sh.effectiveCommands()) {
            if (!c.is("apt-get", "apt", "aptitude")) {
                continue;
            }
            String sub = c.subcommand();
            if ("update".equals(sub)) {
                updated = true;
            } else if (!updated && sub != null && Set.of("install", "upgrade", "dist-upgrade", "full-upgrade",
                    "build-dep", "source", "download", "reinstall").contains(sub)) {
                return true;
            }
        }
        return false;
    }
}
