package io.voltmsg.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.PrivatePostgres;
import io.voltmsg.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost, whatever fails: the server as a process of its own on H2 and on PostgreSQL, the
 * standalone SMSC, a verifying receiver, a mixed load, and during it, at seeded random moments, three kill -9s of the
 * server, the SMSC killed and restarted, the receiver answering 503 for 20 s and, on PostgreSQL, the database stopped
 * for 10 s. Then the {@link Invariants}. Runs once, in the PostgreSQL execution of the suite (it brings its own
 * databases: an H2 file and a private PostgreSQL cluster). The seed is printed; {@code -Dvoltmsg.test.fault-seed=N}
 * repeats a run.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class FaultMatrixTest {

    private static final int LOAD_SECONDS = 45;
    private static final String CREATE = "mutation($to: String!, $from: String!, $body: String!) "
            + "{ createMessage(to: $to, from: $from, body: $body) { id } }";

    /** Something to do to the installation at a moment of the load. */
    private record Fault(int atSecond, String name, Action action) {
    }

    private interface Action {
        void run(Installation installation) throws Exception;
    }

    @Test
    void onH2(@TempDir Path dir) throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "the fault matrix runs once, in the PostgreSQL execution");
        run(Installation.Database.H2, dir);
    }

    @Test
    void onPostgres(@TempDir Path dir) throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "the fault matrix runs once, in the PostgreSQL execution");
        String why = PrivatePostgres.unavailableReason();
        assumeTrue(why == null, why);
        run(Installation.Database.POSTGRES, dir);
    }

    private static void run(Installation.Database database, Path dir) throws Exception {
        long seed = Long.getLong("voltmsg.test.fault-seed", System.nanoTime());
        String scenario = database + " seed " + seed;
        List<Fault> faults = plan(new Random(seed), database);
        System.out.printf("[%s] faults: %s%n", scenario, faults.stream().map(f -> f.name() + "@" + f.atSecond() + "s").toList());
        try (Installation installation = Installation.start(database, dir)) {
            try {
                exercise(installation, faults, seed, scenario);
            } catch (Throwable e) {
                installation.keepForInspection();
                throw e;
            }
        }
    }

    private static void exercise(Installation installation, List<Fault> faults, long seed, String scenario)
            throws Exception {
        Load load = new Load(installation, seed);
        load.start();
        long started = System.nanoTime();
        for (Fault fault : faults) {
            sleepUntil(started + fault.atSecond() * 1_000_000_000L);
            System.out.printf("[%s] %ds: %s%n", scenario, (System.nanoTime() - started) / 1_000_000_000L, fault.name());
            fault.action().run(installation);
        }
        sleepUntil(started + LOAD_SECONDS * 1_000_000_000L);
        load.close();
        Invariants.awaitQuiet(installation, Duration.ofSeconds(90));
        Invariants.check(installation, load, scenario);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000);
        }
    }

    /** Three server kills spread over the load, and the other faults at random moments. */
    private static List<Fault> plan(Random random, Installation.Database database) {
        List<Fault> faults = new ArrayList<>();
        int third = (LOAD_SECONDS - 10) / 3;
        for (int i = 0; i < 3; i++) {
            faults.add(new Fault(5 + i * third + random.nextInt(third - 4), "kill -9 server",
                    Installation::killAndRestartServer));
        }
        faults.add(new Fault(3 + random.nextInt(LOAD_SECONDS - 8), "kill -9 SMSC", Installation::killAndRestartSmsc));
        faults.add(new Fault(3 + random.nextInt(LOAD_SECONDS - 25), "receiver 503 for 20 s",
                installation -> installation.receiver.unavailableFor(20)));
        if (database == Installation.Database.POSTGRES) {
            faults.add(new Fault(3 + random.nextInt(LOAD_SECONDS - 15), "PostgreSQL stopped for 10 s",
                    FaultMatrixTest::databaseOutage));
        }
        faults.sort(Comparator.comparingInt(Fault::atSecond));
        return faults;
    }

    /**
     * Stops PostgreSQL for 10 s under load. Meanwhile the API answers 503 UNAVAILABLE with Retry-After and health is
     * DOWN; afterwards health is UP again without a restart.
     */
    private static void databaseOutage(Installation installation) throws Exception {
        installation.stopDatabase();
        long back = System.nanoTime() + 10_000_000_000L;
        GraphQl.Response refused = installation.api().execute(CREATE,
                Map.of("to", "+15550109999", "from", Installation.NUMBER, "body", "during the outage"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
        assertThat(refused.errorCode()).isEqualTo("UNAVAILABLE");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(health(installation)).isEqualTo(503);
        sleepUntil(back);
        installation.startDatabase();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> health(installation) == 200);
    }

    private static int health(Installation installation) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + installation.serverPort() + "/actuator/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }
}
