package dev.dockdiet.cli;

import dev.dockdiet.size.ImageSizes;
import dev.dockdiet.size.KnowledgeBase;
import dev.dockdiet.size.SizeFigure;
import dev.dockdiet.size.SizeRange;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockdiet sizes IMAGE...}: what the knowledge base knows about each image (analysis in size/ImageSizes). */
@Command(name = "sizes", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Print what dockdiet knows about an image's size: the figure (tag measured, date, source) or the "
                + "range of its variant, the slimmer alternatives and what they save, and every measured tag of its family.")
public class SizesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "image references as written in FROM, e.g. node:22")
    List<String> images;

    @picocli.CommandLine.Option(names = "--online", description = "also ask the image's registry for its exact compressed size (cached)")
    boolean online;

    @Override
    public Integer call() {
        Main.Io io = Main.io(spec);
        PrintWriter out = io.out();
        KnowledgeBase kb = KnowledgeBase.get();
        dev.dockdiet.size.registry.RegistrySizeSource registry = online
                ? new dev.dockdiet.size.registry.RegistrySizeSource(dev.dockdiet.size.registry.RegistrySizes.standard())
                : null;
        int unknown = 0;
        for (String image : images) {
            int problemsBefore = registry == null ? 0 : registry.problems().size();
            ImageSizes.Description d = ImageSizes.describe(image, kb, registry == null ? List.of() : List.of(registry));
            out.println(image);
            for (ImageSizes.Other o : d.others()) {
                SizeFigure f = o.figure();
                out.println("  " + o.source() + ": " + mb(f.bytes()) + " " + f.kind().label() + " (" + f.bytes()
                        + " bytes), " + f.basis() + " " + f.platform() + ", " + f.asOf() + ", " + f.source() + " ("
                        + f.sourceNote() + ")");
            }
            if (registry != null) {
                for (String p : registry.problems().subList(problemsBefore, registry.problems().size())) {
                    out.println("  registry: no size (" + p + ")");
                }
            }
            if (!d.known()) {
                out.println("  not in the knowledge base" + (d.others().isEmpty() ? ": size unknown" : ""));
                out.println();
                if (d.others().isEmpty()) {
                    unknown++;
                }
                continue;
            }
            var m = d.match();
            out.println("  family " + m.family() + ", variant " + (m.variant() == null ? "unknown" : m.variant())
                    + (d.officialAs() != null && !d.officialAs().equals(image) ? " (the official image " + d.officialAs() + ")" : ""));
            if (m.platform() != null) {
                out.println("  note: the figures are linux/amd64; " + image + " is " + m.platform());
            }
            if (m.figure().isPresent()) {
                for (SizeFigure f : m.figures()) {
                    out.println("  size: " + mb(f.bytes()) + " " + f.kind().label() + ", measured on " + f.basis() + " ("
                            + f.platform() + ", " + f.asOf() + "), " + f.source());
                }
            } else if (m.range() != null) {
                SizeRange r = m.range();
                out.println("  size: not measured itself; " + r.describe() + " (" + r.count() + " figures), " + r.source());
            } else {
                out.println("  size: unknown");
            }
            if (!d.alternatives().isEmpty()) {
                out.println("  slimmer alternatives:");
                for (ImageSizes.Alternative a : d.alternatives()) {
                    String size = a.figure() != null ? mb(a.figure().bytes()) + " " + a.figure().kind().label()
                            + " (measured on " + a.figure().basis() + ", " + a.figure().asOf() + ")"
                            : a.range() != null ? a.range().describe() : "size unknown";
                    String saving = a.saving() == null ? "" : ": saves " + (a.saving().isRange()
                            ? mb(a.saving().bytes()) + "–" + mb(a.saving().upTo()) : "~" + mb(a.saving().bytes()))
                            + " " + a.saving().kind().label();
                    out.println("    " + a.image() + "  " + size + saving);
                }
            }
            if (!d.measured().isEmpty()) {
                out.println("  measured tags of " + m.family() + ":");
                for (KnowledgeBase.Measured x : d.measured()) {
                    SizeFigure f = x.figure();
                    StringBuilder line = new StringBuilder("    ").append(String.format(Locale.ROOT, "%-12s %-48s %9s %-12s %s",
                            x.variant(), f.basis(), mb(f.bytes()), f.kind().label(), f.asOf()));
                    for (KnowledgeBase.Measured.Old o : x.history()) {
                        line.append("; earlier ").append(o.image()).append(' ').append(mb(o.bytes())).append(' ').append(o.asOf());
                    }
                    out.println(line);
                }
            }
            out.println();
        }
        out.flush();
        return unknown == images.size() ? 1 : 0;
    }

    private static String mb(long bytes) {
        return dev.dockdiet.rule.Decimals.fixed(bytes / 1e6, bytes < 10_000_000L ? 1 : 0) + " MB";
    }
}
