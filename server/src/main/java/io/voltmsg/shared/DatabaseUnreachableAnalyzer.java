package io.voltmsg.shared;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The database could not be reached at start (refused, unknown host, authentication failed, no such database):
 * names {@code spring.datasource.url} and what to check.
 */
public class DatabaseUnreachableAnalyzer implements FailureAnalyzer, Ordered {

    private final Environment environment;

    public DatabaseUnreachableAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        SQLException sql = null;
        boolean network = false;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException e && sql == null) {
                sql = e;
            }
            network |= t instanceof ConnectException || t instanceof UnknownHostException;
        }
        if (sql == null || !(network || connectionState(sql))) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(not set)");
        return new FailureAnalysis("Cannot reach the database at " + url + " (spring.datasource.url): "
                + firstLine(rootMessage(failure)),
                "Check that the database is running and accepts connections from here, and that "
                        + "spring.datasource.url, spring.datasource.username and spring.datasource.password "
                        + "(env SPRING_DATASOURCE_URL, ...) are right.", failure);
    }

    /** SQL state class 08 (connection exception) and 28 (invalid authorization), 3D000 (no such database). */
    private static boolean connectionState(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
