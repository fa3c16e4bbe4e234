package dev.dockdiet.fixbuilds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What {@code --fix=suggested} makes of each fix-build case, exactly ({@code Dockerfile.fixed};
 * {@code -Ddockdiet.updateGolden=true} rewrites them, a reviewer reads the diff). That the original and
 * the fixed file both build and pass the smoke command is {@link FixBuildsIT}, on a Docker engine.
 */
class FixBuildsTest {

    static final boolean UPDATE = Boolean.getBoolean("dockdiet.updateGolden");

    @TestFactory
    List<DynamicTest> fixedOutputs() throws Exception {
        return FixBuilds.cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String original = Files.readString(dir.resolve("Dockerfile"));
            FixBuilds.Fixed fixed = FixBuilds.fix(dir);
            assertThat(fixed.exit()).as(fixed.err()).isNotEqualTo(2);
            assertThat(fixed.text()).as("the case must exercise fixes").isNotEqualTo(original);
            assertThat(Files.readString(dir.resolve("smoke")).strip()).isNotEmpty();
            Path golden = dir.resolve("Dockerfile.fixed");
            if (UPDATE) {
                Files.writeString(golden, fixed.text());
            }
            assertThat(golden).as("golden file (run with -Ddockdiet.updateGolden=true)").exists();
            assertThat(fixed.text()).isEqualTo(Files.readString(golden));
            // fixing the fixed file changes nothing
            Path again = Files.createTempDirectory("dd-fixbuild-again");
            try {
                FixBuilds.copy(dir, again);
                Files.writeString(again.resolve("Dockerfile"), fixed.text());
                assertThat(FixBuilds.fix(again).text()).isEqualTo(fixed.text());
            } finally {
                FixBuilds.delete(again);
            }
        })).toList();
    }
}
