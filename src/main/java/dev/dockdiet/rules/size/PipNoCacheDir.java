package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.KnownFlags;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.ToolNames;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DD114: {@code pip install} without {@code --no-cache-dir} keeps the downloaded archives and
 * built wheels in pip's cache ({@code ~/.cache/pip}).
 *
 * <p>Commands: {@code pip}, {@code pip3}, {@code pip3.12} (any path), {@code python -m pip},
 * {@code python3.12 -m pip}. Accepted: {@code --no-cache-dir} in any position;
 * {@code PIP_NO_CACHE_DIR} set by ENV, an ARG default, {@code export} or an assignment before the
 * command to a value other than {@code 0/false/no/off} (pip disables its cache for those too, for
 * backward compatibility, but as hadolint's DL3042 they do not count: the setting reads as "keep
 * the cache" and the message says so); a cache or tmpfs mount on the pip cache (a target ending in {@code .cache/pip},
 * a parent such as {@code /root/.cache}, or the directory {@code PIP_CACHE_DIR} or
 * {@code --cache-dir} names); a later {@code pip cache purge} or {@code rm -rf} of the cache in
 * the same RUN; {@code --no-index} (nothing is downloaded). Only stages whose home directories ship are checked.
 */
public final class PipNoCacheDir implements Rule {

    public static final RuleMeta META = new RuleMeta("DD114", "pip-no-cache-dir", Severity.WARNING, Category.SIZE,
            Fixability.SOMETIMES, List.of("DL3042"), "Use pip install --no-cache-dir so pip's cache stays out of the layer");

    static final List<String> CACHES = CacheRuleSupport.inHomes(".cache/pip");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        for (Stage stage : CacheRuleSupport.checkedStages(file, CACHES)) {
            for (Instruction.Run run : CacheRuleSupport.runs(stage)) {
                ShellScript sh = ctx.shell(run);
                CacheRuleSupport.Site site = new CacheRuleSupport.Site(ctx, stage, run, sh);
                List<SimpleCommand> cmds = sh.effectiveCommands();
                for (SimpleCommand c : cmds) {
                    List<Word> pipArgs = pipArgs(c);
                    if (pipArgs == null) {
                        continue;
                    }
                    Word w = CacheRuleSupport.firstPositional(pipArgs, KnownFlags.valueFlags("pip"));
                    if (w == null || !w.value().equals("install") || exempt(site, c, pipArgs)) {
                        continue;
                    }
                    String falsy = site.env(c, "PIP_NO_CACHE_DIR").filter(PipNoCacheDir::falsy).orElse(null);
                    String message = falsy != null
                            ? "`pip install` with PIP_NO_CACHE_DIR=" + falsy + ": the setting reads as \"keep the"
                                    + " cache\" (pip in fact disables its cache for any boolean value, so the intent is"
                                    + " unclear); add `--no-cache-dir` or set PIP_NO_CACHE_DIR=1 to say the cache stays"
                                    + " out of the layer"
                            : "`pip install` without `--no-cache-dir` leaves pip's cache"
                                    + " (~/.cache/pip) in this layer: add `--no-cache-dir`, or better, use a cache mount"
                                    + " (`RUN --mount=type=cache,target=/root/.cache/pip`) and no `--no-cache-dir`";
                    Finding f = new Finding(META, message, run.shellScript().range(w.start(), w.end()));
                    Optional<Edit> e = CacheRuleSupport.insertAfter(file, run, w, " --no-cache-dir");
                    LaterUse user = e.isEmpty() ? null
                            : LaterUse.find(ctx, META.id(), stage, run, CACHES, sh2 -> false);
                    if (user != null) {
                        // a later instruction reads pip's cache (e.g. --find-links ~/.cache/pip): keep it
                        f = new Finding(META, message + " " + user.because(), f.range());
                    } else if (e.isPresent()) {
                        f = f.withFix(Fix.safe("Add --no-cache-dir", e.get()));
                    }
                    ctx.report(f);
                }
            }
        }
    }

    /** The arguments pip sees: all of {@code pip ...}, those after {@code -m pip} for python; null otherwise. */
    static List<Word> pipArgs(SimpleCommand c) {
        if (c.name() == null) {
            return null;
        }
        String base = basename(c.nameValue());
        if (ToolNames.withDigitsAndDots(base, "pip")) {
            return c.args();
        }
        if (ToolNames.withDigitsAndDots(base, "python")) {
            List<Word> a = c.args();
            for (int i = 0; i < a.size(); i++) {
                String v = a.get(i).value();
                if (v.equals("-m") && i + 1 < a.size() && ToolNames.withDigitsAndDots(a.get(i + 1).value(), "pip")) {
                    return a.subList(i + 2, a.size());
                }
                if (v.startsWith("-m") && ToolNames.withDigitsAndDots(v.substring(2), "pip")) {
                    return a.subList(i + 1, a.size());
                }
                if (v.equals("-c") || !v.startsWith("-")) {
                    return null; // python -c '...' or python script.py
                }
            }
        }
        return null;
    }

    private static boolean exempt(CacheRuleSupport.Site site, SimpleCommand c, List<Word> pipArgs) {
        if (hasFlag(pipArgs, "--no-cache-dir") || hasFlag(pipArgs, "--no-index")) {
            return true;
        }
        if (site.env(c, "PIP_NO_CACHE_DIR").filter(v -> !v.isEmpty() && !falsy(v)).isPresent()) {
            return true;
        }
        List<String> caches = new ArrayList<>(CACHES);
        site.env(c, "PIP_CACHE_DIR").map(CacheRuleSupport::expandHome).filter(v -> v.startsWith("/"))
                .ifPresent(caches::add);
        CacheRuleSupport.flagValue(pipArgs, "--cache-dir").map(CacheRuleSupport::expandHome)
                .filter(v -> v.startsWith("/")).ifPresent(caches::add);
        if (CacheRuleSupport.cacheMounted(site.run(), caches, List.of(".cache/pip"))) {
            return true;
        }
        ShellScript sh = site.sh();
        for (SimpleCommand d : sh.effectiveCommands()) {
            if (d == c || !sh.runsAfter(c, d)) {
                continue;
            }
            List<Word> a = pipArgs(d);
            if (a != null) {
                List<Word> p = CacheRuleSupport.positionals(a, KnownFlags.valueFlags("pip"));
                if (p.size() >= 2 && p.get(0).value().equals("cache") && p.get(1).value().equals("purge")) {
                    return true;
                }
            }
            if (CacheRuleSupport.removesAny(d, caches)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code 0}, {@code false}, {@code no}, {@code off}: pip disables its cache for these too (for
     * backward compatibility), but the setting reads as "keep the cache", so, as hadolint, it does
     * not count; the message says why.
     */
    static boolean falsy(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1);
        }
        return FALSY.contains(v.toLowerCase(java.util.Locale.ROOT));
    }

    private static final java.util.Set<String> FALSY = java.util.Set.of("0", "false", "no", "off", "n", "f");

    private static boolean hasFlag(List<Word> args, String flag) {
        for (Word w : args) {
            String v = w.value();
            if (v.equals("--")) {
                return false;
            }
            if (v.equals(flag) || v.startsWith(flag + "=")) {
                return true;
            }
        }
        return false;
    }

    private static String basename(String v) {
        int slash = v.lastIndexOf('/');
        return slash >= 0 ? v.substring(slash + 1) : v;
    }
}
