package io.voltmsg.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests only where Debian's Chromium and its driver are installed; elsewhere they are
 * skipped with a plain message (printed to the console too), and on CI ({@code CI=true}) their absence
 * fails the run.
 */
public final class ChromiumAvailable implements ExecutionCondition {

    public static final Path CHROMIUM = Path.of(System.getProperty("voltmsg.test.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("voltmsg.test.chromedriver", "/usr/bin/chromedriver"));

    static String missing() {
        if (!Files.isExecutable(CHROMIUM)) {
            return CHROMIUM + " is missing";
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return CHROMEDRIVER + " is missing";
        }
        return null;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = missing();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Chromium available");
        }
        String message = "BROWSER TESTS SKIPPED: " + missing + " (apt-get install -y chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + "; CI=true requires the browser tests");
        }
        // Surefire keeps test output in files; the forked JVM's original stderr still reaches the console.
        System.err.println(message);
        return ConditionEvaluationResult.disabled(message);
    }
}
