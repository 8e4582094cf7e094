package io.voltmsg.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/** The web server's port is taken: names {@code server.port}, the setting that moves it (Boot's own analysis does not). */
public class PortInUseAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis("The HTTP port " + cause.getPort() + " is already in use (server.port), perhaps by "
                + "another voltmsg.",
                "Stop the process listening on port " + cause.getPort() + ", or choose another port: --server.port=8081 "
                        + "(env SERVER_PORT).", cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
