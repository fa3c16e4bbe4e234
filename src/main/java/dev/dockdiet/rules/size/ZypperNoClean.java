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
 * DD117: {@code zypper install} (also {@code in}, {@code update}, {@code dist-upgrade},
 * {@code patch}, {@code source-install} and their short forms) leaves repository metadata and
 * packages in {@code /var/cache/zypp} unless a later {@code zypper clean} / {@code zypper cc}
 * (hadolint DL3036 accepts both, with any options) or an {@code rm -rf} of the cache runs in the
 * same RUN. A cache or tmpfs mount on {@code /var/cache/zypp} is accepted.
 */
public final class ZypperNoClean implements Rule {

    public static final RuleMeta META = new RuleMeta("DD117", "zypper-no-clean", Severity.WARNING, Category.SIZE,
            Fixability.SOMETIMES, List.of("DL3036", "DS020", "DS-0020", "AVD-DS-0020"), "Run zypper clean in the RUN that installs with zypper");

    static final List<String> CACHES = List.of("/var/cache/zypp");
    private static final Set<String> FILLS = Set.of("install", "in", "update", "up", "dist-upgrade", "dup", "patch",
            "source-install", "si");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        CacheRuleSupport.checkCleanups(ctx, META, CACHES, new CacheRuleSupport.CleanupCheck() {
            @Override
            public Word trigger(SimpleCommand c) {
                if (!c.is("zypper")) {
                    return null;
                }
                List<Word> p = c.positionals();
                return !p.isEmpty() && FILLS.contains(p.get(0).value()) ? p.get(0) : null;
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
                if (later.is("zypper")) {
                    String sub = later.subcommand();
                    return "clean".equals(sub) || "cc".equals(sub);
                }
                return CacheRuleSupport.removesAny(later, CACHES);
            }

            @Override
            public boolean needs(ShellScript later) {
                return CacheRuleSupport.runsWithFlag(later, List.of("zypper"), "--no-refresh"); // `zypper --no-refresh` uses the cached metadata alone
            }

            @Override
            public String append(SimpleCommand trigger) {
                return "zypper clean --all";
            }

            @Override
            public String message(SimpleCommand trigger, Word word) {
                return "`zypper " + word.value() + "` leaves its cache (/var/cache/zypp) in this layer: end the RUN"
                        + " with `zypper clean --all`, or better, use a cache mount"
                        + " (`RUN --mount=type=cache,target=/var/cache/zypp`)";
            }
        });
    }
}
