package dev.dockdiet.syntax;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A suite that reads the real-world corpus ({@code ../shared/corpus}, 2,284 Dockerfiles, not part
 * of this repository). Without it the suite is skipped and says so loudly in the Maven output
 * (a warning here, and again in the run's summary by {@link SkippedTestsReport}); with
 * {@code -Ddockdiet.requireShared=true} (CI) it runs anyway, so a missing corpus fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("corpus")
@ExtendWith(NeedsCorpus.Condition.class)
public @interface NeedsCorpus {

    /** The condition behind the annotation. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (SharedFiles.corpus().isPresent()) {
                return ConditionEvaluationResult.enabled("corpus found");
            }
            if (Boolean.getBoolean("dockdiet.requireShared")) {
                return ConditionEvaluationResult.enabled("dockdiet.requireShared=true: run and fail without the corpus");
            }
            String reason = "SKIPPED: no shared/corpus above " + java.nio.file.Path.of("").toAbsolutePath()
                    + " (the 2,284-file corpus is not in this repository; CI runs this suite)";
            if (context.getTestMethod().isEmpty()) {
                System.err.println("[WARNING] " + context.getDisplayName() + " " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
