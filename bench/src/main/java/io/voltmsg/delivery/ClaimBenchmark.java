package io.voltmsg.delivery;

import io.voltmsg.bench.BenchDatabase;
import io.voltmsg.shared.Databases;
import io.voltmsg.shared.RowClaims;
import io.voltmsg.signing.BodySignature;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher's claim, the query every instance runs in a loop: {@link DeliveryRepository#claimDue}
 * on the real schema (the server's Flyway migrations) with a backlog of due deliveries, half of
 * them about messages (so the per-message ordering check has rows to look at). Each operation
 * claims one batch and hands it back, so the backlog stays the same size. In the package of the
 * repository so it runs the production SQL, not a copy.
 *
 * <p>{@code -p db=postgres} needs the local PostgreSQL (127.0.0.1:5432, user postgres, database
 * test); the benchmark creates its own database and drops it afterwards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class ClaimBenchmark {

    @Param({"h2", "postgres"})
    public String db;

    @Param({"1000", "50000"})
    public int backlog;

    @Param({"200"})
    public int batch;

    private BenchDatabase database;
    private SingleConnectionDataSource dataSource;
    private DeliveryRepository repository;
    private TransactionTemplate transactions;

    @Setup(Level.Trial)
    public void createBacklog() throws Exception {
        database = BenchDatabase.create(db, "claim");
        dataSource = new SingleConnectionDataSource(database.connect(), true);
        Flyway.configure().dataSource(dataSource).locations(Databases.migrationLocations(dataSource)).load().migrate();
        repository = new DeliveryRepository(JdbcClient.create(dataSource), new JdbcTemplate(dataSource),
                RowClaims.forDatabase(dataSource));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        byte[] body = "{\"type\":\"message.sent\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now().minusSeconds(60);
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < backlog; i++) {
                String eventId = String.format("evt_%08d", i);
                // Half the events are about a message (four events each, in order), half are not.
                String messageId = i % 2 == 0 ? null : String.format("msg_%08d", i / 8);
                repository.insertEvent(eventId, "org_bench", EventType.WEBHOOK_TEST, messageId, i, now, body,
                        new BodySignature("rsa_bench", "c2lnbmF0dXJl"));
                repository.insertDelivery(String.format("dlv_%08d", i), eventId, "wh_bench", DeliveryRepository.PENDING,
                        now.plusMillis(i), messageId, (long) i);
            }
        });
        try (Statement analyze = dataSource.getConnection().createStatement()) {
            analyze.execute("analyze");
        }
    }

    @Benchmark
    public List<String> claimBatchAndHandBack() {
        Instant now = Instant.now();
        List<String> ids = transactions.execute(tx -> repository.claimDue(now, now.plusSeconds(60), batch, Set.of()));
        repository.releaseLeases(ids == null ? new ArrayList<>() : ids);
        return ids;
    }

    @TearDown(Level.Trial)
    public void dropDatabase() throws Exception {
        dataSource.destroy();
        database.drop();
    }
}
