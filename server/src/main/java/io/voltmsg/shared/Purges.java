package io.voltmsg.shared;

import java.util.function.IntSupplier;
import org.springframework.transaction.support.TransactionTemplate;

/** Deleting old rows in small transactions, so a large purge never holds locks for long. */
public final class Purges {

    private Purges() {
    }

    /** Runs {@code chunk} (which deletes up to a chunk of rows and says how many) in its own transaction until it deletes none; returns the total. */
    public static int inChunks(TransactionTemplate transactions, IntSupplier chunk) {
        int total = 0;
        int deleted;
        do {
            Integer n = transactions.execute(tx -> chunk.getAsInt());
            deleted = n == null ? 0 : n;
            total += deleted;
        } while (deleted > 0);
        return total;
    }
}
