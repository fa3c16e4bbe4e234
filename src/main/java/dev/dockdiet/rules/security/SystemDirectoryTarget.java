package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Word;
import java.util.List;

/**
 * DD318: WORKDIR, COPY or ADD into a kernel or boot directory ({@code /proc}, {@code /sys},
 * {@code /dev}, {@code /boot}, {@code /initrd}, {@code /lost+found}). At run time the engine mounts
 * procfs, sysfs and devtmpfs over the first three, so what the image put there is hidden, and a
 * working directory there points the process at kernel interfaces.
 */
public final class SystemDirectoryTarget implements Rule {

    public static final RuleMeta META = new RuleMeta("DD318", "system-directory-target", Severity.WARNING,
            Category.SECURITY, Fixability.NONE, List.of("DS030", "DS-0030", "AVD-DS-0030"),
            "Do not use /proc, /sys, /dev or /boot as WORKDIR or COPY destination");

    private static final List<String> DIRS = List.of("/proc", "/sys", "/dev", "/boot", "/initrd", "/lost+found");

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** The system directory {@code path} is in or under, or null. */
    static String systemDir(String path) {
        String p = dev.dockdiet.syntax.Quotes.unquote(path.trim());
        if (!p.startsWith("/")) {
            return null;
        }
        while (p.startsWith("//")) {
            p = p.substring(1);
        }
        for (String d : DIRS) {
            if (p.equals(d) || p.startsWith(d + "/")) {
                // the null device and shared memory are ordinary targets of a few images' tricks
                return p.equals("/dev/null") || p.startsWith("/dev/shm") ? null : d;
            }
        }
        return null;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Workdir w : ctx.file().all(Instruction.Workdir.class)) {
            if (w.path() != null) {
                String d = systemDir(w.path().text());
                if (d != null) {
                    ctx.report(META, w.path().range(), "WORKDIR " + dev.dockdiet.syntax.Quotes.unquote(w.path().text()) + " is under " + d
                            + ", a kernel or boot directory the engine mounts over or that holds the host's boot"
                            + " files: use an application directory such as /app");
                }
            }
        }
        for (Instruction i : ctx.file().all(Instruction.class)) {
            if (i instanceof Instruction.SourcesAndDest sd && sd.destination() != null) {
                Word dest = sd.destination();
                String d = systemDir(dest.text());
                if (d != null) {
                    ctx.report(META, dest.range(), (i instanceof Instruction.Copy ? "COPY" : "ADD") + " into "
                            + dev.dockdiet.syntax.Quotes.unquote(dest.text()) + ": " + d + " is a kernel or boot directory; at run time"
                            + " the engine mounts over /proc, /sys and /dev, hiding the files. Copy to an"
                            + " application directory instead");
                }
            }
        }
    }
}
