package dev.dockdiet.cli;

import dev.dockdiet.size.engine.DockerEngine;
import dev.dockdiet.size.engine.DockerfileMatcher;
import dev.dockdiet.size.engine.DockerfileSteps;
import dev.dockdiet.size.engine.EngineException;
import dev.dockdiet.size.engine.ImageAnalyzer;
import dev.dockdiet.size.engine.ImageArchive;
import dev.dockdiet.size.engine.ImageReport;
import dev.dockdiet.size.engine.ImageReportWriter;
import dev.dockdiet.size.engine.Sizes;
import dev.dockdiet.size.engine.Thresholds;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dockdiet image IMAGE | --tar FILE}: layer sizes, wasted bytes and efficiency of a real image. */
@Command(name = "image", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure a built image: its layers, what each adds, the bytes that later layers delete or "
                + "overwrite (wasted), and an efficiency score. Reads the image from a Docker engine, or a "
                + "`docker save` archive with --tar (no engine needed).",
                "Sizes are uncompressed content bytes. wasted = every copy of a file that does not survive in the "
                        + "final filesystem, counted once; efficiency = 1 - wasted / total."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured; no limit exceeded", "1:a --max-size, --max-wasted or --min-efficiency limit is exceeded",
                "2:the run failed (no engine, no such image, unreadable archive, bad option)"})
public class ImageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "IMAGE", description = "a local image name or id in the engine")
    String image;

    @Option(names = "--tar", paramLabel = "FILE", description = "read a `docker save` archive (docker-archive or OCI layout) instead of the engine")
    Path tar;

    @Option(names = "--dockerfile", paramLabel = "FILE", description = "the Dockerfile that built the image: layers are matched to its lines")
    Path dockerfile;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text, json or sarif (default: ${DEFAULT-VALUE})")
    ImageReportWriter.Format format = ImageReportWriter.Format.TEXT;

    @Option(names = "--max-size", paramLabel = "SIZE", description = "fail (exit 1) when the image is larger, e.g. 200MB")
    String maxSize;

    @Option(names = "--max-wasted", paramLabel = "SIZE", description = "fail (exit 1) when more bytes are wasted, e.g. 20MB")
    String maxWasted;

    @Option(names = "--min-efficiency", paramLabel = "RATIO", description = "fail (exit 1) when efficiency is lower, e.g. 0.95")
    Double minEfficiency;

    @Option(names = "--max-uncompressed", paramLabel = "SIZE",
            description = "stop reading when compressed layers inflate to more than this, all together (default: 32GiB; a decompression bomb guard)")
    String maxUncompressed;

    @Option(names = "--max-entries", paramLabel = "N",
            description = "stop reading when the layers hold more entries than this (default: 2,000,000; bounds memory)")
    Long maxEntries;

    @Option(names = "--docker-host", paramLabel = "HOST", description = "the engine, e.g. unix:///var/run/docker.sock or tcp://host:2375 (default: $DOCKER_HOST)")
    String dockerHost;

    @Override
    public Integer call() {
        if ((image == null) == (tar == null)) {
            throw new ParameterException(spec.commandLine(), "give either IMAGE or --tar FILE");
        }
        Thresholds limits;
        try {
            limits = new Thresholds(maxSize == null ? null : Sizes.parse(maxSize),
                    maxWasted == null ? null : Sizes.parse(maxWasted), minEfficiency);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ImageArchive.Limits archiveLimits = ImageArchive.Limits.DEFAULT;
        try {
            if (maxUncompressed != null) {
                archiveLimits = archiveLimits.withMaxInflatedBytes(Sizes.parse(maxUncompressed));
            }
            if (maxEntries != null) {
                archiveLimits = archiveLimits.withMaxEntries(maxEntries);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (dockerfile != null && !Files.isRegularFile(dockerfile)) {
            throw new EngineException("cannot read Dockerfile " + dockerfile + ": no such file");
        }
        ImageReport report;
        if (tar != null) {
            report = ImageAnalyzer.analyze(tar, archiveLimits);
        } else {
            try (DockerEngine engine = DockerEngine.connect(dockerHost)) {
                report = ImageAnalyzer.analyze(engine, image);
            }
        }
        if (dockerfile != null) {
            report = DockerfileMatcher.match(report, DockerfileSteps.PARSED.read(dockerfile), dockerfile.toString());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ImageReportWriter.write(report, format));
        out.flush();
        List<String> violations = limits.violations(report);
        PrintWriter err = spec.commandLine().getErr();
        for (String v : violations) {
            err.println("dockdiet: " + v);
        }
        err.flush();
        return violations.isEmpty() ? 0 : 1;
    }
}
