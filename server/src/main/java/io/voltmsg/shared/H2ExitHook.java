package io.voltmsg.shared;

import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes H2's own JVM shutdown hook away, so the database closes last: when the connection pool closes, after the
 * dispatcher, the carrier link and the web server have stopped. H2 closes every open database from that hook, at
 * the same time as Spring stops the application, so a SIGTERM could close the database under threads still
 * recording their outcomes; and with {@code AUTO_SERVER=TRUE} (which lets the CLI share the file) H2 refuses
 * {@code DB_CLOSE_ON_EXIT=FALSE}, the documented way to turn the hook off.
 *
 * <p>Nothing is lost when the hook is gone and the process ends without closing the pool: every commit is
 * already in the file ({@code WRITE_DELAY=0}), exactly as after a killed process.
 */
final class H2ExitHook {

    private static final Logger log = LoggerFactory.getLogger(H2ExitHook.class);
    private static final String CLOSER = "org.h2.engine.OnExitDatabaseCloser";

    private H2ExitHook() {
    }

    /**
     * Removes the hook; call after a database was opened (H2 registers the hook with the first one). Returns
     * whether the hook was registered and is now removed.
     */
    static boolean remove() {
        try {
            Field instance = Class.forName(CLOSER).getDeclaredField("INSTANCE");
            instance.setAccessible(true);
            return Runtime.getRuntime().removeShutdownHook((Thread) instance.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Could not take H2's shutdown hook away ({}); on SIGTERM H2 may close the database before the "
                    + "application has stopped. Nothing acknowledged is lost, but the last outcomes may be recorded "
                    + "only after the next start", e.toString());
            return false;
        }
    }
}
