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
 * DD115: {@code yum install} (or {@code update}, {@code groupinstall} ...) leaves repository
 * metadata and packages in {@code /var/cache/yum} unless a later {@code yum clean all} (or
 * {@code rm -rf /var/cache/yum}) in the same RUN removes them. As hadolint's DL3032 the clean
 * must come after the install; a cache or tmpfs mount on the cache directory is accepted. On
 * RHEL 8 and later {@code yum} is dnf, whose cache is {@code /var/cache/dnf}: both count.
 */
public final class YumNoClean implements Rule {

    public static final RuleMeta META = new RuleMeta("DD115", "yum-no-clean", Severity.WARNING, Category.SIZE,
            Fixability.SOMETIMES, List.of("DL3032", "DS015", "DS-0015", "AVD-DS-0015"), "Run yum clean all in the RUN that installs with yum");

    static final List<String> CACHES = List.of("/var/cache/yum", "/var/cache/dnf");
    private static final Set<String> FILLS = Set.of("install", "groupinstall", "localinstall", "reinstall", "update",
            "upgrade");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        CacheRuleSupport.checkCleanups(ctx, META, CACHES, new CacheRuleSupport.CleanupCheck() {
            @Override
            public Word trigger(SimpleCommand c) {
                return c.is("yum") ? packageCommand(c, FILLS) : null;
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
                return (later.is("yum", "dnf") && cleansAll(later)) || CacheRuleSupport.removesAny(later, CACHES);
            }

            @Override
            public boolean needs(ShellScript later) {
                return CacheRuleSupport.runsWithFlag(later, List.of("yum"), "-C", "--cacheonly"); // `yum -C` runs from the metadata cache alone
            }

            @Override
            public String append(SimpleCommand trigger) {
                return "yum clean all";
            }

            @Override
            public String message(SimpleCommand trigger, Word word) {
                return "`yum " + word.value() + "` leaves its cache (/var/cache/yum) in this layer: end the RUN with"
                        + " `yum clean all`, or better, use a cache mount (`RUN --mount=type=cache,target=/var/cache/yum`)";
            }
        });
    }

    /**
     * The subcommand word when it is one of {@code fills}; also {@code group install} and
     * {@code module install} (the word reported is {@code install}). Null otherwise.
     */
    static Word packageCommand(SimpleCommand c, Set<String> fills) {
        List<Word> p = c.positionals();
        if (p.isEmpty()) {
            return null;
        }
        String sub = p.get(0).value();
        if (fills.contains(sub)) {
            return p.get(0);
        }
        if ((sub.equals("group") || sub.equals("groups") || sub.equals("module")) && p.size() > 1
                && fills.contains(p.get(1).value())) {
            return p.get(1);
        }
        return null;
    }

    /** {@code yum clean all} / {@code dnf clean all} (flags anywhere). */
    static boolean cleansAll(SimpleCommand c) {
        List<Word> p = c.positionals();
        return p.size() >= 2 && p.get(0).value().equals("clean") && p.get(1).value().equals("all");
    }
}
