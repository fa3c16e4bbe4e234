package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.KnownFlags;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DD118: {@code yarn install} (also a bare {@code yarn}, which installs, {@code yarn add} and
 * {@code yarn global add}) fills yarn's cache ({@code /usr/local/share/.cache/yarn} for root with
 * yarn 1, {@code ~/.cache/yarn}, {@code ~/.yarn/berry/cache}) unless a later
 * {@code yarn cache clean} or an {@code rm -rf} of the cache runs in the same RUN (hadolint DL3060:
 * a clean before the install does not count). Accepted: a cache or tmpfs mount on the cache
 * (target ending in {@code .cache/yarn}, {@code .yarn/berry/cache} or {@code .yarn/cache}, or the
 * directory {@code YARN_CACHE_FOLDER} or {@code --cache-folder} names). As in DL3060 only stages
 * whose files ship are checked: a yarn install in a build stage whose {@code node_modules} is
 * copied out is fine.
 */
public final class YarnCacheNotCleaned implements Rule {

    public static final RuleMeta META = new RuleMeta("DD118", "yarn-cache-not-cleaned", Severity.WARNING,
            Category.SIZE, Fixability.SOMETIMES, List.of("DL3060"), "Run yarn cache clean in the RUN that runs yarn install");

    static final List<String> CACHES;
    private static final List<String> SUFFIXES = List.of(".cache/yarn", ".yarn/berry/cache", ".yarn/cache");
    private static final Set<String> INFO_FLAGS = Set.of("-v", "--version", "-h", "--help");

    static {
        List<String> c = new ArrayList<>();
        c.add("/usr/local/share/.cache/yarn");
        c.addAll(CacheRuleSupport.inHomes(".cache/yarn"));
        c.addAll(CacheRuleSupport.inHomes(".yarn/berry/cache"));
        CACHES = List.copyOf(c);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        CacheRuleSupport.checkCleanups(ctx, META, CACHES, new CacheRuleSupport.CleanupCheck() {
            @Override
            public Word trigger(SimpleCommand c) {
                if (!c.is("yarn", "yarnpkg")) {
                    return null;
                }
                List<Word> p = CacheRuleSupport.positionals(c.args(), KnownFlags.valueFlags("yarn"));
                if (p.isEmpty()) {
                    boolean info = c.args().stream().anyMatch(w -> INFO_FLAGS.contains(w.value()));
                    return info ? null : c.name();
                }
                String sub = p.get(0).value();
                if (sub.equals("install") || sub.equals("add")) {
                    return p.get(0);
                }
                if (sub.equals("global") && p.size() > 1 && p.get(1).value().equals("add")) {
                    return p.get(1);
                }
                return null;
            }

            @Override
            public boolean exempt(CacheRuleSupport.Site site, SimpleCommand trigger) {
                return CacheRuleSupport.cacheMounted(site.run(), caches(site, trigger), SUFFIXES);
            }

            @Override
            public Object cleansKey(CacheRuleSupport.Site site, SimpleCommand trigger) {
                return caches(site, trigger); // the cache directories decide
            }

            @Override
            public boolean cleans(CacheRuleSupport.Site site, SimpleCommand trigger, SimpleCommand later) {
                if (later.is("yarn", "yarnpkg")) {
                    List<Word> p = CacheRuleSupport.positionals(later.args(), KnownFlags.valueFlags("yarn"));
                    return p.size() >= 2 && p.get(0).value().equals("cache") && p.get(1).value().equals("clean");
                }
                return CacheRuleSupport.removesAny(later, caches(site, trigger));
            }

            @Override
            public boolean needs(ShellScript later) {
                return CacheRuleSupport.runsWithFlag(later, List.of("yarn"), "--offline"); // `yarn --offline` installs from the cache alone
            }

            @Override
            public String append(SimpleCommand trigger) {
                return "yarn cache clean";
            }

            @Override
            public String message(SimpleCommand trigger, Word word) {
                String what = word == trigger.name() ? "yarn"
                        : "global".equals(trigger.subcommand()) ? "yarn global " + word.value() : "yarn " + word.value();
                return "`" + what + "` leaves yarn's cache in this layer: end the RUN with `yarn cache clean`, or"
                        + " better, use a cache mount (`RUN --mount=type=cache,target=/usr/local/share/.cache/yarn`)";
            }
        });
    }

    private static List<String> caches(CacheRuleSupport.Site site, SimpleCommand trigger) {
        List<String> out = new ArrayList<>(CACHES);
        site.env(trigger, "YARN_CACHE_FOLDER").map(CacheRuleSupport::expandHome).filter(v -> v.startsWith("/"))
                .ifPresent(out::add);
        CacheRuleSupport.flagValue(trigger.args(), "--cache-folder").map(CacheRuleSupport::expandHome)
                .filter(v -> v.startsWith("/")).ifPresent(out::add);
        return out;
    }
}
