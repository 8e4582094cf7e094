package io.voltmsg.shared;

import com.zaxxer.hikari.HikariDataSource;
import io.voltmsg.bench.BenchDatabase;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Threads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable commits with and without {@link GroupCommit}: 8 threads (the API's request threads, or the carrier's PDU
 * threads) each insert one row of about 300 bytes per operation and wait until it is committed, on the server's H2
 * file settings ({@code WRITE_DELAY=0}) or the local PostgreSQL ({@code synchronous_commit} as configured there).
 * {@code alone}: one transaction per row, as before group commit; {@code group}: through one writer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
@Fork(1)
public class GroupCommitBenchmark {

    @Param({"h2", "postgres"})
    public String db;

    @Param({"alone", "group"})
    public String mode;

    private static final String PAYLOAD = "x".repeat(300);

    private BenchDatabase database;
    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private GroupCommit writer;
    private final AtomicLong ids = new AtomicLong();

    @Setup(Level.Trial)
    public void open() throws Exception {
        database = BenchDatabase.create(db, "group");
        dataSource = new HikariDataSource();
        dataSource.setMaximumPoolSize(16);
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(database.username());
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table bench_rows (id bigint primary key, payload varchar(400) not null)").update();
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        writer = new GroupCommit("bench", transactions, 64, size -> { });
        writer.start();
    }

    @Benchmark
    public void insertAndWaitForTheCommit() {
        long id = ids.incrementAndGet();
        Runnable insert = () -> jdbc.sql("insert into bench_rows (id, payload) values (?, ?)").params(id, PAYLOAD).update();
        if ("group".equals(mode)) {
            writer.run(insert);
        } else {
            transactions.executeWithoutResult(tx -> insert.run());
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        writer.stop();
        dataSource.close();
        database.drop();
    }
}
