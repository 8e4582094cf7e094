package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Group commit on the database of the run: shared transactions, answers after commit, one failure failing no one else. */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class GroupCommitTest {

    private DataSource dataSource;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private GroupCommit writer;
    private final List<Integer> groups = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createTable() {
        TestDatabase db = TestDatabase.fresh();
        dataSource = DataSourceBuilder.create().url(db.url()).username(db.username()).password("").build();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table rows_written (id varchar(20) primary key)").update();
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        writer = new GroupCommit("test", transactions, 64, groups::add);
        writer.start();
    }

    @AfterEach
    void stop() throws Exception {
        writer.stop();
        if (dataSource instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private Runnable insert(String id) {
        return () -> jdbc.sql("insert into rows_written (id) values (?)").param(id).update();
    }

    private int count(String id) {
        return jdbc.sql("select count(*) from rows_written where id = ?").param(id).query(Integer.class).single();
    }

    /** Holds the writer inside a transaction until released, so that the work queued meanwhile forms one group. */
    private CountDownLatch holdWriter() throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        writer.submit(() -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    @Test
    void workWaitingTogetherIsCommittedInOneTransactionAndEachCallerHearsOnlyAfterTheCommit() throws Exception {
        CountDownLatch release = holdWriter();
        List<CompletableFuture<Object>> done = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = "row" + i;
            // Each caller checks, from another connection, that its row is there when it hears "done".
            done.add(writer.submit(() -> {
                insert(id).run();
                return null;
            }).thenApply(ignored -> count(id)));
        }
        assertThat(writer.waiting()).isEqualTo(10);
        release.countDown();
        for (CompletableFuture<Object> future : done) {
            assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(groups).contains(10);
    }

    @Test
    void oneFailingPieceFailsItsCallerOnlyAndTheOthersAreCommitted() throws Exception {
        insert("taken").run();
        CountDownLatch release = holdWriter();
        CompletableFuture<Object> first = writer.submit(() -> {
            insert("a").run();
            return "a";
        });
        CompletableFuture<Object> duplicate = writer.submit(() -> {
            insert("taken").run();
            return "taken";
        });
        CompletableFuture<Object> refused = writer.submit(() -> {
            insert("b").run();
            throw ApiException.badInput("to", "refused after writing");
        });
        CompletableFuture<Object> last = writer.submit(() -> {
            insert("c").run();
            return "c";
        });
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("a");
        assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo("c");
        assertThatThrownBy(duplicate::join).hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(ApiException.class);
        assertThat(count("a") + count("c")).isEqualTo(2);
        assertThat(count("b")).as("a refused piece leaves nothing behind").isZero();
    }

    @Test
    void executeThrowsTheWorksOwnFailure() {
        assertThatThrownBy(() -> writer.execute(() -> {
            throw ApiException.badInput("body", "no");
        })).isInstanceOf(ApiException.class).hasMessageContaining("no");
    }

    @Test
    void workCalledWithinATransactionJoinsItAndGoesWithItsRollback() {
        transactions.executeWithoutResult(tx -> {
            writer.run(insert("inside"));
            assertThat(groups).isEmpty();
            tx.setRollbackOnly();
        });
        assertThat(count("inside")).isZero();
    }

    @Test
    void afterStopWorkStillCommitsInTheCallersThread() {
        writer.stop();
        writer.run(insert("late"));
        assertThat(count("late")).isEqualTo(1);
    }
}
