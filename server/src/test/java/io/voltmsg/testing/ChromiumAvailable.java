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
        String reason = missing + " (apt-get install -y chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("the browser tests cannot run: " + reason + "; CI=true requires them");
        }
        String message = "BROWSER TESTS SKIPPED: " + reason;
        // Surefire keeps System.err in a file; the forked JVM's own stderr still reaches the console.
        System.err.println(message);
        new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true).println(message);
        return ConditionEvaluationResult.disabled(message);
    }
}
