package dev.dockdiet.syntax;

import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints every skipped test or suite with the reason, at the end of the run, so that nothing is
 * skipped silently (registered in {@code META-INF/services}; surefire's summary only counts them).
 * Aborted tests (a failed assumption) are listed too.
 */
public final class SkippedTestsReport implements TestExecutionListener {

    private final Map<String, String> skipped = new TreeMap<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        skipped.put(name(test), reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped.put(name(test), "aborted: " + result.getThrowable().map(Throwable::getMessage).orElse("?"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("[WARNING] ").append(skipped.size()).append(" test(s) or suite(s) were SKIPPED:\n");
        skipped.forEach((k, v) -> sb.append("[WARNING]   ").append(k).append(": ").append(v).append('\n'));
        System.err.print(sb);
    }

    private static String name(TestIdentifier t) {
        String id = t.getUniqueId();
        String cls = id.replaceAll(".*\\[class:([^\\]]+)\\].*", "$1");
        String method = id.contains("[method:") ? "#" + t.getDisplayName() : "";
        return (cls.equals(id) ? t.getDisplayName() : cls.substring(cls.lastIndexOf('.') + 1)) + method;
    }
}
