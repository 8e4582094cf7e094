package io.voltmsg.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips database tests when PostgreSQL was asked for but is unreachable on a developer's
 * machine; on CI ({@code CI=true}) an unreachable PostgreSQL fails the run instead.
 */
public final class DatabaseAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = TestDatabase.unavailableReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("database available");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + "; CI=true requires the PostgreSQL run");
        }
        return ConditionEvaluationResult.disabled("skipping the PostgreSQL run: " + reason);
    }
}
