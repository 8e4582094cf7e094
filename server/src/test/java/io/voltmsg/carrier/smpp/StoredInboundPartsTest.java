package io.voltmsg.carrier.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.carrier.smpp.InboundParts.Assembled;
import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.MigratedDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The parts store the server uses, on the real schema of H2 and PostgreSQL. */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class StoredInboundPartsTest extends InboundPartsContract {

    static JdbcClient jdbc;
    static TransactionTemplate transactions;

    @BeforeAll
    static void schema() {
        MigratedDatabase database = MigratedDatabase.create();
        jdbc = database.jdbc();
        transactions = database.transactions();
    }

    @Override
    InboundParts parts() {
        return new StoredInboundParts(jdbc, transactions, TIMEOUT);
    }

    @Test
    void keptPartsOutliveTheStoreThatKeptThem() {
        parts().accept(part(11, false, 2, 1, "before a restart, "), at(0), collect);
        // a new process: a new store on the same database
        parts().accept(part(11, false, 2, 2, "after it"), at(5), collect);
        assertThat(handedOn).extracting(Assembled::text).containsExactly("before a restart, after it");
    }

    @Test
    void aPartThatCouldNotBeHandedOnLeavesNoRow() {
        InboundParts parts = parts();
        parts.accept(part(12, false, 2, 1, "A"), at(0), collect);
        try {
            parts.accept(part(12, false, 2, 2, "B"), at(1), failing());
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(jdbc.sql("select count(*) from carrier_parts where source = ?").param(from).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void theLastPartsOfOneMessageArrivingTogetherHandItOnOnce() throws Exception {
        int total = 8;
        List<Assembled> seen = new CopyOnWriteArrayList<>();
        InboundParts parts = parts();
        CyclicBarrier together = new CyclicBarrier(total);
        ExecutorService threads = Executors.newFixedThreadPool(total);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 1; i <= total; i++) {
                int sequence = i;
                done.add(threads.submit(() -> {
                    together.await();
                    parts.accept(part(13, true, total, sequence, Integer.toString(sequence)), at(0), seen::add);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(seen).extracting(Assembled::text).containsExactly("12345678");
    }
}
