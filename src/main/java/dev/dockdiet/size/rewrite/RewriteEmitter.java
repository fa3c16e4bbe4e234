package dev.dockdiet.size.rewrite;

import dev.dockdiet.rule.Savings.SizeKind;
import dev.dockdiet.size.ImageMatch;
import dev.dockdiet.size.SizeFigure;
import dev.dockdiet.syntax.ImageRef;
import dev.dockdiet.syntax.Instruction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the planned rewrite: the header comment (what changed and why, the sizes at stake, what
 * to check), the build stage as written plus cache mounts, the extra stages, and the runtime
 * stage with the runtime settings of the original. Shared by every ecosystem.
 */
final class RewriteEmitter {

    private final RewriteJob job;

    RewriteEmitter(RewriteJob job) {
        this.job = job;
    }

    String emit() {
        StringBuilder out = new StringBuilder();
        if (job.df.directive("syntax").isPresent()) {
            for (var d : job.df.directives()) {
                out.append(job.text, d.range().start(), d.range().end()).append('\n');
            }
        } else {
            for (var d : job.df.directives()) {
                out.append(job.text, d.range().start(), d.range().end()).append('\n');
            }
            if (job.opt.buildKit()) {
                out.append("# syntax=docker/dockerfile:1\n");
            }
        }
        out.append(header());
        for (Instruction.Arg a : job.df.metaArgs()) {
            out.append(job.comments(a)).append(job.source(a)).append('\n');
        }
        Instruction.From from = job.stage.from();
        out.append(job.comments(from));
        if (job.singleStage) {
            return singleStage(out, from);
        }
        if (!job.omitBuildStage) {
            out.append("FROM ");
            from.node().flags().forEach(f -> out.append(f.text()).append(' '));
            out.append(job.buildFrom).append(" AS build\n");
        }
        for (Instruction i : job.ins) {
            if (job.omitBuildStage) {
                break;
            }
            if (RewriteJob.runtimeOnly(i) || (i instanceof Instruction.User && !usedInBuild(i))) {
                continue;
            }
            for (String pre : job.insertBefore.getOrDefault(i, List.of())) {
                out.append(pre).append('\n');
            }
            out.append(job.comments(i));
            String src = job.source(i);
            if (i instanceof Instruction.Run r && !job.cacheMounts.getOrDefault(r, List.of()).isEmpty()) {
                int kw = r.node().keywordRange().end() - r.range().start();
                StringBuilder m = new StringBuilder();
                for (String t : job.cacheMounts.get(r)) {
                    m.append(" --mount=type=cache,target=").append(t);
                }
                src = src.substring(0, kw) + m + src.substring(kw);
            }
            out.append(src).append('\n');
        }
        for (int k = 0; k < job.extraStages.size(); k++) {
            out.append(k == 0 && job.omitBuildStage ? "" : "\n").append(job.extraStages.get(k));
        }
        out.append('\n').append("FROM ").append(job.runtimeFrom).append('\n');
        // runtime settings: ARG and ENV (minus build-only variables), LABEL
        Set<String> neededArgs = argsUsedAtRuntime();
        for (Instruction i : job.ins) {
            if (i instanceof Instruction.Arg a) {
                List<Instruction.ArgDef> keep = a.definitions().stream().filter(d -> neededArgs.contains(d.name())).toList();
                if (keep.size() == a.definitions().size()) {
                    out.append(job.comments(i)).append(job.source(i)).append('\n');
                } else if (!keep.isEmpty()) {
                    out.append("ARG ").append(String.join(" ", keep.stream()
                            .map(d -> d.defaultValue() == null ? d.name() : d.name() + "=" + d.defaultValue()).toList()))
                            .append('\n');
                }
            } else if (i instanceof Instruction.Env e) {
                List<Instruction.KeyValue> keep = e.pairs().stream().filter(kv -> !RewriteJob.buildOnlyEnv(kv.key())).toList();
                if (keep.size() == e.pairs().size()) {
                    out.append(job.comments(i)).append(job.source(i)).append('\n');
                } else if (!keep.isEmpty()) {
                    out.append("ENV ").append(String.join(" ", keep.stream().map(kv -> kv.key() + "=" + quoteIfNeeded(kv.value()))
                            .toList())).append('\n');
                }
            } else if (i instanceof Instruction.Label || i instanceof Instruction.Maintainer) {
                out.append(job.comments(i)).append(job.source(i)).append('\n');
            }
        }
        job.runtimeEnv.forEach(l -> out.append(l).append('\n'));
        if (job.hasWorkdir && job.finalWorkdir != null) {
            out.append("WORKDIR ").append(job.finalWorkdir).append('\n');
        }
        job.runtimeSetup.forEach(l -> out.append(l).append('\n'));
        boolean contextFirst = job.contextCopiesFirst;
        if (!contextFirst) {
            job.runtimeCopies.forEach(l -> out.append(l).append('\n'));
        }
        if (job.replayContextCopies) {
            for (Instruction i : job.ins) {
                if (!(i instanceof Instruction.Copy || i instanceof Instruction.Add)) {
                    continue;
                }
                if (i instanceof Instruction.Copy c && c.from().isPresent()) {
                    continue;
                }
                List<dev.dockdiet.syntax.Word> srcs = i instanceof Instruction.Copy c ? c.sources()
                        : ((Instruction.Add) i).sources();
                if (job.skipContextCopies.contains(i)) {
                    continue;
                }
                if (srcs.stream().allMatch(s -> job.skipContextSources.contains(s.text().replaceFirst("^\\./", "")))) {
                    continue;
                }
                String src = job.source(i);
                if (job.chown != null && i.flag("chown").isEmpty()) {
                    int kw = i.node().keywordRange().end() - i.range().start();
                    src = src.substring(0, kw) + " --chown=" + job.chown + src.substring(kw);
                }
                out.append(src).append('\n');
            }
        }
        if (contextFirst) {
            job.runtimeCopies.forEach(l -> out.append(l).append('\n'));
        }
        boolean userSeen = false;
        for (Instruction i : job.ins) {
            if (i instanceof Instruction.User) {
                userSeen = true;
                // only the last USER matters at run time
                if (i != job.last(Instruction.User.class)) {
                    continue;
                }
            } else if (!(RewriteJob.runtimeOnly(i)) || i instanceof Instruction.Label || i instanceof Instruction.Maintainer) {
                continue;
            }
            if (i instanceof Instruction.Cmd || i instanceof Instruction.Entrypoint) {
                if (!userSeen && job.defaultUser != null) {
                    out.append("USER ").append(job.defaultUser).append('\n');
                    userSeen = true;
                }
            }
            out.append(job.comments(i)).append(job.replaced.getOrDefault(i, job.source(i))).append('\n');
        }
        if (!userSeen && job.defaultUser != null) {
            out.append("USER ").append(job.defaultUser).append('\n');
        }
        return out.toString();
    }

    /**
     * The original, instruction by instruction, on the runtime image; an unprivileged user is set
     * before the first CMD or ENTRYPOINT when the original sets none.
     */
    private String singleStage(StringBuilder out, Instruction.From from) {
        out.append("FROM ");
        from.node().flags().forEach(f -> out.append(f.text()).append(' '));
        out.append(job.runtimeFrom);
        if (job.stage.name() != null) {
            out.append(" AS ").append(job.stage.name());
        }
        out.append('\n');
        // the user is created where no RUN is next to it (DD407 would ask to merge them), and set before CMD
        int setupAt = 0;
        for (int k = 0; k <= job.ins.size(); k++) {
            boolean runBefore = k > 0 && job.ins.get(k - 1) instanceof Instruction.Run;
            boolean runAfter = k < job.ins.size() && job.ins.get(k) instanceof Instruction.Run;
            if (!runBefore && !runAfter) {
                setupAt = k;
                break;
            }
        }
        for (int k = 0; k < setupAt; k++) {
            if (job.ins.get(k) instanceof Instruction.Cmd || job.ins.get(k) instanceof Instruction.Entrypoint) {
                setupAt = k; // never after the launch: the user exists before it runs
                break;
            }
        }
        boolean userWritten = job.defaultUser == null;
        for (int k = 0; k < job.ins.size(); k++) {
            Instruction i = job.ins.get(k);
            if (k == setupAt && !userWritten) {
                job.runtimeSetup.forEach(l -> out.append(l).append('\n'));
            }
            if (!userWritten && (i instanceof Instruction.Cmd || i instanceof Instruction.Entrypoint)) {
                out.append("USER ").append(job.defaultUser).append('\n');
                userWritten = true;
            }
            out.append(job.comments(i)).append(job.replaced.getOrDefault(i, job.source(i))).append('\n');
        }
        if (!userWritten) {
            if (setupAt >= job.ins.size()) {
                job.runtimeSetup.forEach(l -> out.append(l).append('\n'));
            }
            out.append("USER ").append(job.defaultUser).append('\n');
        }
        return out.toString();
    }

    /** A USER in the build stage matters only to a later RUN, WORKDIR, COPY or ADD; the final stage has its own. */
    private boolean usedInBuild(Instruction user) {
        boolean after = false;
        for (Instruction i : job.ins) {
            if (i == user) {
                after = true;
            } else if (after && (i instanceof Instruction.Run || i instanceof Instruction.Workdir
                    || i instanceof Instruction.Copy || i instanceof Instruction.Add)) {
                return true;
            }
        }
        return false;
    }

    static String quoteIfNeeded(String v) {
        if (v.startsWith("\"") || v.startsWith("'") || !v.matches(".*\\s.*")) {
            return v;
        }
        return "\"" + v.replace("\"", "\\\"") + "\"";
    }

    /** ARG names referenced by what the final stage keeps (ENV, LABEL, CMD ...). */
    Set<String> argsUsedAtRuntime() {
        StringBuilder used = new StringBuilder();
        for (Instruction i : job.ins) {
            if (i instanceof Instruction.Env e) {
                e.pairs().stream().filter(kv -> !RewriteJob.buildOnlyEnv(kv.key())).forEach(kv -> used.append(kv.value()).append(' '));
            } else if (RewriteJob.runtimeOnly(i) || i instanceof Instruction.User || i instanceof Instruction.Workdir) {
                used.append(job.source(i)).append(' ');
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (Instruction.Arg a : job.stage.all(Instruction.Arg.class)) {
            for (Instruction.ArgDef d : a.definitions()) {
                if (Pattern.compile("\\$\\{?" + Pattern.quote(d.name()) + "(?![A-Za-z0-9_])").matcher(used).find()) {
                    out.add(d.name());
                }
            }
        }
        return out;
    }

    String header() {
        List<String> lines = new ArrayList<>();
        lines.add(job.singleStage ? "Rewritten by dockdiet (" + job.eco.label() + "): one stage on the slim image is "
                + "smaller than a multi-stage build here." : "Rewritten by dockdiet into a multi-stage build ("
                + job.eco.label() + ").");
        lines.add("");
        lines.add("What changed and why:");
        for (String c : job.changes) {
            lines.add("- " + c);
        }
        String sizes = sizes();
        if (sizes != null) {
            lines.add("- " + sizes);
        }
        if (job.opt.buildKit() && !job.cacheMounts.isEmpty()) {
            lines.add("- Package caches live in BuildKit cache mounts (RUN --mount=type=cache): faster rebuilds, "
                    + "no cache in any layer.");
        }
        if (!job.checks.isEmpty()) {
            lines.add("");
            lines.add("Check before you ship:");
            for (String c : job.checks) {
                lines.add("- " + c);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            wrap(sb, l);
        }
        return sb.append('\n').toString();
    }

    static void wrap(StringBuilder sb, String line) {
        if (line.isEmpty()) {
            sb.append("#\n");
            return;
        }
        String indent = line.startsWith("- ") ? "  " : "";
        int width = 96;
        String rest = line;
        boolean first = true;
        while (true) {
            String prefix = "# " + (first ? "" : indent);
            if (prefix.length() + rest.length() <= width) {
                sb.append(prefix).append(rest).append('\n');
                return;
            }
            int cut = rest.lastIndexOf(' ', width - prefix.length());
            if (cut <= 0) {
                cut = rest.indexOf(' ');
                if (cut < 0) {
                    sb.append(prefix).append(rest).append('\n');
                    return;
                }
            }
            sb.append(prefix).append(rest, 0, cut).append('\n');
            rest = rest.substring(cut + 1);
            first = false;
        }
    }

    /** The sizes at stake, from the knowledge base: base and runtime figures, compared only within one kind. */
    String sizes() {
        ImageMatch rt = job.kb.match(ImageRef.parse(job.runtimeImage)).orElse(null);
        String b = describe(job.baseMatch, job.base.familiar());
        String r = describe(rt, job.runtimeImage);
        if (job.baseMatch != null && rt != null) {
            for (SizeKind k : List.of(SizeKind.COMPRESSED, SizeKind.UNCOMPRESSED)) {
                Optional<SizeFigure> fb = job.baseMatch.figure(k);
                Optional<SizeFigure> fr = rt.figure(k);
                if (fb.isPresent() && fr.isPresent() && fb.get().bytes() > fr.get().bytes()) {
                    SizeFigure x = fb.get();
                    SizeFigure y = fr.get();
                    return "Sizes (dockdiet knowledge base, " + k.label() + "): " + job.base.familiar() + " "
                            + x.megabytes() + basis(x, job.base.familiar()) + " (" + x.asOf() + ") -> " + job.runtimeImage
                            + " " + y.megabytes() + basis(y, job.runtimeImage) + " (" + y.asOf() + "), about "
                            + dev.dockdiet.rule.Decimals.fixed((x.bytes() - y.bytes()) / 1_000_000.0, 1) + " MB"
                            + " less before the application's own files.";
                }
            }
        }
        return "Sizes (dockdiet knowledge base): " + b + "; " + r + ".";
    }

    static String describe(ImageMatch m, String name) {
        if (m == null || m.figure().isEmpty()) {
            return name + " size unknown";
        }
        SizeFigure f = m.figure().get();
        return name + " " + f.megabytes() + " " + f.kind().label() + basis(f, name) + " (" + f.asOf() + ")";
    }

    static String basis(SizeFigure f, String name) {
        return f.basis().equals(name) ? "" : " as " + f.basis();
    }
}
