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
 * DD116: {@code dnf}/{@code dnf5}/{@code microdnf} {@code install} (and {@code upgrade},
 * {@code reinstall} with their short forms, as hadolint's DL3040) leave repository metadata in
 * the dnf cache unless a later {@code dnf clean all} (the same tool's) or an {@code rm -rf} of the
 * cache runs in the same RUN. The cache is {@code /var/cache/dnf} (dnf 4), {@code /var/cache/libdnf5}
 * (dnf 5) or {@code /var/cache/yum} (microdnf on RHEL 8); any of them counts, and a cache or tmpfs
 * mount on one of them is accepted.
 */
public final class DnfNoClean implements Rule {

    public static final RuleMeta META = new RuleMeta("DD116", "dnf-no-clean", Severity.WARNING, Category.SIZE,
            Fixability.SOMETIMES, List.of("DL3040", "DS019", "DS-0019", "AVD-DS-0019", "DS027", "DS-0027", "AVD-DS-0027"), "Run dnf clean all in the RUN that installs with dnf or microdnf");

    static final List<String> CACHES = List.of("/var/cache/dnf", "/var/cache/libdnf5", "/var/cache/yum");
    private static final Set<String> FILLS = Set.of("install", "in", "upgrade", "up", "update", "upgrade-minimal",
            "up-min", "reinstall", "rei", "groupinstall", "distro-sync", "dsync");
    private static final String[] DNF = {"dnf", "dnf5", "microdnf"};

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        CacheRuleSupport.checkCleanups(ctx, META, CACHES, new CacheRuleSupport.CleanupCheck() {
            @Override
            public Word trigger(SimpleCommand c) {
                return c.is(DNF) ? YumNoClean.packageCommand(c, FILLS) : null;
            }

            @Override
            public boolean exempt(CacheRuleSupport.Site site, SimpleCommand trigger) {
                return CacheRuleSupport.cacheMounted(site.run(), CACHES, List.of());
            }

            @Override
            public Object cleansKey(CacheRuleSupport.Site site, SimpleCommand trigger) {
                return List.of(); // the later command alone decides
            }

            @Override
            public boolean cleans(CacheRuleSupport.Site site, SimpleCommand trigger, SimpleCommand later) {
                return (later.is("dnf", "dnf5", "microdnf", "yum") && YumNoClean.cleansAll(later))
                        || CacheRuleSupport.removesAny(later, CACHES);
            }

            @Override
            public boolean needs(ShellScript later) {
                return CacheRuleSupport.runsWithFlag(later, List.of(DNF), "-C", "--cacheonly"); // `dnf -C` runs from the metadata cache alone
            }

            @Override
            public String append(SimpleCommand trigger) {
                return tool(trigger) + " clean all";
            }

            @Override
            public String message(SimpleCommand trigger, Word word) {
                return "`" + tool(trigger) + " " + word.value() + "` leaves its cache (/var/cache/dnf) in this layer:"
                        + " end the RUN with `" + tool(trigger) + " clean all`, or better, use a cache mount"
                        + " (`RUN --mount=type=cache,target=/var/cache/dnf`)";
            }
        });
    }

    private static String tool(SimpleCommand c) {
        for (String t : DNF) {
            if (c.is(t)) {
                return t;
            }
        }
        return "dnf";
    }
}
