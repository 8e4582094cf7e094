package io.voltmsg.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, the way an operator or an orchestrator stops voltmsg, ten times under load on the embedded H2 default:
 * each stop ends within 30 s, the database closes only after everything that writes to it has stopped (no "closed
 * database" in any log), and nothing acknowledged is lost. H2 only (not tagged "database"): it brings its own.
 */
class GracefulRestartTest {

    private static final int CYCLES = Integer.getInteger("voltmsg.test.graceful-cycles", 10);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    /** What a database closed under a still-running application looks like in the log. */
    private static final Pattern CLOSED_DATABASE = Pattern.compile(
            "Database is already closed|The database has been closed|CannotCreateTransactionException"
                    + "|Application exception overridden by rollback exception");

    @Test
    void tenStopsUnderLoadEachEndWithin30SecondsAndLoseNothing(@TempDir Path dir) throws Exception {
        try (Installation installation = Installation.start(Installation.Database.H2, dir)) {
            try {
                stopTenTimes(installation);
            } catch (Throwable e) {
                installation.keepForInspection();
                throw e;
            }
        }
    }

    private static void stopTenTimes(Installation installation) throws Exception {
        Load load = new Load(installation, 7);
        load.start();
        List<Duration> stops = new ArrayList<>();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            Thread.sleep(3000);
            Duration took = installation.terminateServer(STOP_LIMIT);
            assertThat(took).as("stop %d ended within %s", cycle, STOP_LIMIT).isNotNull();
            stops.add(took);
            installation.startServer();
        }
        load.close();
        System.out.printf("[graceful restarts] %d stops took %s ms%n", stops.size(),
                stops.stream().map(Duration::toMillis).toList());
        Invariants.awaitQuiet(installation, Duration.ofSeconds(90));
        Invariants.check(installation, load, "graceful restarts");
        for (Path log : installation.serverLogs()) {
            List<String> closed = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> CLOSED_DATABASE.matcher(line).find()).toList();
            assertThat(closed).as("closed-database lines in %s", log.getFileName()).isEmpty();
        }
    }
}
