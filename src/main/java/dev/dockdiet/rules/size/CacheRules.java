package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Rule;
import java.util.List;

/** The package-cache rules (apt, apk, pip, yum, dnf, zypper, yarn, npm). {@link dev.dockdiet.rules.Rules} collects every group. */
public final class CacheRules {

    private CacheRules() {
    }

    public static List<Rule> all() {
        return List.of(new AptListsNotRemoved(), new AptNoInstallRecommends(), new ApkNoCache(), new PipNoCacheDir(),
                new YumNoClean(), new DnfNoClean(), new ZypperNoClean(), new YarnCacheNotCleaned(),
                new NpmCacheNotCleaned(),
                new InstallAfterSourceCopy());
    }
}
