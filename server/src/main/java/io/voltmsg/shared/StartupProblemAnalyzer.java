package io.voltmsg.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/** Reports a {@link StartupProblem} as its description and action; the stack trace is logged only at DEBUG. */
public class StartupProblemAnalyzer extends AbstractFailureAnalyzer<StartupProblem> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupProblem cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
