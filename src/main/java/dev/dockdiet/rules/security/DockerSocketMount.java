package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Mount;
import dev.dockdiet.syntax.SourceRange;
import dev.dockdiet.syntax.Word;
import java.util.List;
import java.util.Set;

/**
 * DD317: {@code VOLUME /var/run/docker.sock} (or another container engine's socket), or a RUN
 * mount whose target is one: the container is meant to drive the host's engine, which is root on
 * the host.
 */
public final class DockerSocketMount implements Rule {

    public static final RuleMeta META = new RuleMeta("DD317", "docker-socket-mount", Severity.WARNING,
            Category.SECURITY, Fixability.NONE, List.of("dockerd-socket-mount"),
            "Do not declare the Docker socket as a volume: access to it is root on the host");

    private static final Set<String> SOCKETS = Set.of("/var/run/docker.sock", "/run/docker.sock",
            "/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock", "/var/run/crio/crio.sock",
            "/run/crio/crio.sock", "/var/run/podman/podman.sock", "/run/podman/podman.sock");

    /** {@code -v /var/run/docker.sock:...}, {@code --volume=...}, {@code --mount type=bind,source=...}. */
    private static final java.util.regex.Pattern RUN_MOUNT = java.util.regex.Pattern.compile(
            "(?:(?<![\\w-])-v|--volume)(?:=|\\s+)[\"']?((?:/var)?/run/(?:docker|containerd/containerd|crio/crio|podman/podman)"
                    + "\\.sock)(?=[:\"'\\s]|$)"
                    + "|(?:source|src)=((?:/var)?/run/(?:docker|containerd/containerd|crio/crio|podman/podman)\\.sock)(?=[,\\s\"']|$)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    static boolean isSocket(String path) {
        String p = dev.dockdiet.syntax.Quotes.unquote(path.trim());
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return SOCKETS.contains(p);
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Volume v : ctx.file().all(Instruction.Volume.class)) {
            for (Word w : v.paths()) {
                if (isSocket(w.text())) {
                    report(ctx, w.range(), "VOLUME " + dev.dockdiet.syntax.Quotes.unquote(w.text()));
                }
            }
        }
        for (Instruction.Run run : Util.runs(ctx.file())) {
            for (Mount m : run.mounts()) {
                String target = m.fields().getOrDefault("target",
                        m.fields().getOrDefault("dst", m.fields().getOrDefault("destination", "")));
                if (isSocket(target)) {
                    report(ctx, m.flag().range(), "A RUN mount on " + target);
                }
            }
        }
        runLines(ctx);
    }

    /** A docker run command line in RUN, CMD, ENTRYPOINT or a LABEL (the atomic RUN label) that mounts the socket. */
    private static void runLines(RuleContext ctx) {
        String text = ctx.file().text();
        // every match names a .sock: the instructions without one are not searched (a regex tried at
        // every character of every RUN was the costliest rule on big files)
        int[] socks = new int[8];
        int n = 0;
        for (int at = text.indexOf(".sock"); at >= 0; at = text.indexOf(".sock", at + 1)) {
            if (n == socks.length) {
                socks = java.util.Arrays.copyOf(socks, n * 2);
            }
            socks[n++] = at;
        }
        if (n == 0) {
            return;
        }
        for (Instruction i : ctx.file().all(Instruction.class)) {
            if (!(i instanceof Instruction.Run || i instanceof Instruction.Cmd || i instanceof Instruction.Entrypoint
                    || i instanceof Instruction.Label)) {
                continue;
            }
            SourceRange r = i.node().range();
            int k = java.util.Arrays.binarySearch(socks, 0, n, r.start());
            k = k >= 0 ? k : -k - 1; // the first .sock at or after the start
            if (k == n || socks[k] + 5 > Math.min(r.end(), text.length())) {
                continue;
            }
            java.util.regex.Matcher m = RUN_MOUNT.matcher(text).region(r.start(), Math.min(r.end(), text.length()));
            while (m.find()) {
                int g = m.group(1) != null ? 1 : 2;
                ctx.report(META, ctx.file().range(m.start(g), m.end(g)), "Mounting " + m.group(g) + " into a"
                        + " container gives it the host's container engine: whoever can write to the socket controls"
                        + " the host as root. Use a rootless engine or a socket proxy with a restricted API");
            }
        }
    }

    private static void report(RuleContext ctx, SourceRange at, String what) {
        ctx.report(META, at, what + " expects the host's container engine socket: whoever can write to it"
                + " controls the host as root. Give the container only what it needs (a rootless engine, a socket"
                + " proxy with a restricted API), and mount the socket explicitly at run time only where that is"
                + " intended");
    }
}
