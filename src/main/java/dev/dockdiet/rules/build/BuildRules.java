package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Rule;
import java.util.List;

/** The build correctness and reproducibility rules (DD2xx). {@link dev.dockdiet.rules.Rules} collects every group. */
public final class BuildRules {

    private BuildRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new UntaggedBaseImage(),
                new AddInsteadOfCopy(), new CopyRelativeWithoutWorkdir(), new EnvSameStatementReference(), new CopyWholeFilesystem(), new HealthcheckMissing(), new NonNumericUser(),
                new LatestBaseImage(),
                new RelativeWorkdir(),
                new AptGetUnpinned(),
                new PipUnpinned(),
                new NpmUnpinned(),
                new ApkUnpinned(),
                new GemUnpinned(),
                new CopyDestinationSlash(),
                new CopyFromUnknownStage(),
                new CopyFromOwnStage(),
                new DuplicateStageName(),
                new ReservedStageName(),
                new ShellFormCommand(),
                new AptInsteadOfAptGet(),
                new AptGetMissingYes(),
                new YumMissingYes(), new YumUnpinned(), new ZypperMissingYes(), new ZypperDistUpgrade(), new ZypperUnpinned(), new DnfMissingYes(), new DnfUnpinned(), new GoUnpinned(), new ShellSymlink(),
                new OverriddenInstruction(),
                new PipeWithoutPipefail(),
                new ConstantPlatform(),
                new RedundantTargetPlatform(),
                new UndefinedArgInFrom(),
                new InvalidDefaultArgInFrom(),
                new UndefinedVar(),
                new CopyIgnoredFile(),
                new InvalidBaseImagePlatform());
    }
}
