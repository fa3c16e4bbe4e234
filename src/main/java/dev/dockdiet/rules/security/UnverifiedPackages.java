package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Instruction;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DD311: package installs that skip signature checks: apt-get {@code --allow-unauthenticated},
 * {@code --force-yes}, {@code --allow-insecure-repositories}; yum/dnf {@code --nogpgcheck}; rpm
 * {@code --nosignature}; zypper {@code --no-gpg-checks}; apk {@code --allow-untrusted}.
 */
public final class UnverifiedPackages implements Rule {

    public static final RuleMeta META = new RuleMeta("DD311", "unverified-packages", Severity.WARNING,
            Category.SECURITY, Fixability.NONE,
            List.of("CKV2_DOCKER_7", "CKV2_DOCKER_8", "CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_11"),
            "Do not install packages with signature checks turned off");

    private static final Map<String, Set<String>> FLAGS = Map.of(
            "apt-get", Set.of("--allow-unauthenticated", "--force-yes", "--allow-insecure-repositories"),
            "apt", Set.of("--allow-unauthenticated", "--force-yes", "--allow-insecure-repositories"),
            "aptitude", Set.of("--allow-untrusted"),
            "yum", Set.of("--nogpgcheck"),
            "dnf", Set.of("--nogpgcheck", "--no-gpgchecks"),
            "microdnf", Set.of("--nogpgcheck"),
            "tdnf", Set.of("--nogpgcheck"),
            "rpm", Set.of("--nosignature", "--nodigest", "--nogpgcheck", "--noverify", "--nofiledigest"),
            "zypper", Set.of("--no-gpg-checks"),
            "apk", Set.of("--allow-untrusted"));
    private static final java.util.regex.Pattern GPGCHECK_OFF = java.util.regex.Pattern.compile(
            "(?i)--setopt=(?:[^=\\s]+\\.)?(?:gpgcheck|repo_gpgcheck|localpkg_gpgcheck)=(?:0|false|no|off)");
    private static final Set<String> APT_OPTIONS = Set.of("apt::get::allowunauthenticated",
            "acquire::allowinsecurerepositories", "acquire::allowdowngradetoinsecurerepositories");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Run run : Util.runs(ctx.file())) {
            for (SimpleCommand c : ctx.shell(run).effectiveCommands()) {
                Set<String> bad = FLAGS.get(Util.base(c.nameValue()));
                if (bad == null || installsVerifiedLocalFiles(ctx, run, c)) {
                    continue;
                }
                List<Word> args = c.args();
                for (int i = 0; i < args.size(); i++) {
                    String v = args.get(i).value();
                    if (v.equals("--")) {
                        break;
                    }
                    String flag = v.contains("=") ? v.substring(0, v.indexOf('=')) : v;
                    if (bad.contains(flag) || (!c.is("rpm", "apk", "apt-get", "apt", "aptitude", "zypper")
                            && GPGCHECK_OFF.matcher(v).matches())) {
                        report(ctx, run, args.get(i), bad.contains(flag) ? flag : v);
                    } else if (c.is("apt-get", "apt") && (v.equals("-o") || v.equals("--option"))
                            && i + 1 < args.size() && insecureAptOption(args.get(i + 1).value())) {
                        report(ctx, run, args.get(i + 1), args.get(i + 1).value());
                    } else if (c.is("apt-get", "apt") && v.startsWith("-o") && v.length() > 2
                            && insecureAptOption(v.substring(2))) {
                        report(ctx, run, args.get(i), v);
                    }
                }
            }
        }
    }

    /**
     * Local package files ({@code apk add --allow-untrusted x.apk}) whose signature the stage checked
     * itself before ({@code gpg --verify}, {@code gpgv}, {@code sha256sum -c}, {@code rpm -K}), as
     * vendors' install instructions do.
     */
    private static boolean installsVerifiedLocalFiles(RuleContext ctx, Instruction.Run run, SimpleCommand c) {
        boolean local = c.args().stream().map(Word::value).anyMatch(v -> v.endsWith(".apk") || v.endsWith(".rpm"));
        if (!local) {
            return false;
        }
        var stage = ctx.file().stageOf(run);
        List<Instruction.Run> runs = stage.map(s -> s.all(Instruction.Run.class)).orElse(List.of(run));
        for (Instruction.Run r : runs) {
            for (SimpleCommand v : ctx.shell(r).effectiveCommands()) {
                if (r == run && !ctx.shell(r).runsAfter(v, c)) {
                    continue;
                }
                if ((v.is("gpg", "gpg2") && v.hasFlag("--verify")) || v.is("gpgv", "gpgv2")
                        || (v.is("sha256sum", "sha512sum", "sha1sum", "md5sum") && v.hasFlag("-c", "--check"))
                        || (v.is("rpm", "rpmkeys") && v.hasFlag("-K", "--checksig"))) {
                    return true;
                }
            }
            if (r == run) {
                break;
            }
        }
        return false;
    }

    private static boolean insecureAptOption(String kv) {
        int eq = kv.indexOf('=');
        if (eq < 0) {
            return false;
        }
        String key = kv.substring(0, eq).toLowerCase(Locale.ROOT);
        String val = kv.substring(eq + 1).toLowerCase(Locale.ROOT);
        return APT_OPTIONS.contains(key) && (val.equals("true") || val.equals("1") || val.equals("yes"));
    }

    private static void report(RuleContext ctx, Instruction.Run run, Word w, String what) {
        ctx.report(META, Util.range(run, w), what + " installs packages without checking their signatures:"
                + " import the repository's signing key instead");
    }
}
