package io.voltmsg.shared;

/**
 * A configuration or environment problem that keeps voltmsg from starting: what is wrong and what to do, reported by
 * {@link StartupProblemAnalyzer} in Spring Boot's short "APPLICATION FAILED TO START" form, without a stack trace.
 */
public class StartupProblem extends IllegalStateException {

    private final String action;

    public StartupProblem(String description, String action) {
        this(description, action, null);
    }

    public StartupProblem(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    /** What the operator should do about it. */
    public String action() {
        return action;
    }
}
