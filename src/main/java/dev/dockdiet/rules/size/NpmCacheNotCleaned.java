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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DD119: {@code npm install} / {@code npm ci} (and their aliases) fill npm's cache
 * ({@code ~/.npm/_cacache}) unless a later {@code npm cache clean --force} or an {@code rm -rf}
 * of the cache runs in the same RUN. Accepted: a cache or tmpfs mount on the cache (a target
 * ending in {@code .npm}, or the directory {@code npm_config_cache} or {@code --cache} names).
 * Only stages whose home directories ship are checked.
 */
public final class NpmCacheNotCleaned implements Rule {

    public static final RuleMeta META = new RuleMeta("DD119", "npm-cache-not-cleaned", Severity.INFO,
            Category.SIZE, Fixability.SOMETIMES, List.of(), "Clean npm's cache in the RUN that runs npm install or npm ci");

    /** npm's content cache; {@code ~/.npm} also holds logs and npx packages. */
    static final List<String> CACHES = CacheRuleSupport.inHomes(".npm/_cacache");
    private static final Set<String> FILLS = Set.of("install", "i", "in", "ins", "inst", "insta", "instal", "isnt",
            "isnta", "isntal", "isntall", "add", "ci", "clean-install", "ic", "install-clean", "isntall-clean",
            "install-test", "it", "install-ci-test", "cit");
    private static final Set<String> CLEANS = Set.of("clean", "clear", "rm");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        CacheRuleSupport.checkCleanups(ctx, META, CACHES, new CacheRuleSupport.CleanupCheck() {
            @Override
            public Word trigger(SimpleCommand c) {
                if (!c.is("npm")) {
                    return null;
                }
                List<Word> p = c.positionals();
                return !p.isEmpty() && FILLS.contains(p.get(0).value()) ? p.get(0) : null;
            }

            @Override
            public boolean exempt(CacheRuleSupport.Site site, SimpleCommand trigger) {
                return CacheRuleSupport.cacheMounted(site.run(), caches(site, trigger), List.of(".npm"));
            }

            @Override
            public Object cleansKey(CacheRuleSupport.Site site, SimpleCommand trigger) {
                return caches(site, trigger); // the cache directories decide
            }

            @Override
            public boolean cleans(CacheRuleSupport.Site site, SimpleCommand trigger, SimpleCommand later) {
                if (later.is("npm")) {
                    List<Word> p = later.positionals();
                    return p.size() >= 2 && p.get(0).value().equals("cache") && CLEANS.contains(p.get(1).value());
                }
                return CacheRuleSupport.removesAny(later, caches(site, trigger));
            }

            @Override
            public boolean needs(ShellScript later) {
                return CacheRuleSupport.runsWithFlag(later, List.of("npm"), "--offline"); // `npm --offline` installs from the cache alone
            }

            @Override
            public String append(SimpleCommand trigger) {
                return "npm cache clean --force";
            }

            @Override
            public String message(SimpleCommand trigger, Word word) {
                return "`npm " + word.value() + "` leaves npm's cache (~/.npm) in this layer: end the RUN with"
                        + " `npm cache clean --force`, or better, use a cache mount"
                        + " (`RUN --mount=type=cache,target=/root/.npm`)";
            }
        });
    }

    private static List<String> caches(CacheRuleSupport.Site site, SimpleCommand trigger) {
        List<String> out = new ArrayList<>(CACHES);
        for (String name : List.of("npm_config_cache", "NPM_CONFIG_CACHE")) {
            site.env(trigger, name).map(CacheRuleSupport::expandHome).filter(v -> v.startsWith("/")).ifPresent(out::add);
        }
        CacheRuleSupport.flagValue(trigger.args(), "--cache").map(CacheRuleSupport::expandHome)
                .filter(v -> v.startsWith("/")).ifPresent(out::add);
        return out;
    }
}
