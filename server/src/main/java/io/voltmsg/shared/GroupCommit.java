package io.voltmsg.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for one stage of the hot path. Callers hand their database work to the stage's writer thread, which
 * runs whatever is queued in one transaction and completes every caller after that transaction committed: a commit
 * (on H2 one file write, on PostgreSQL one WAL flush) is paid once per group instead of once per caller, and nobody
 * hears "done" before their change is durable.
 *
 * <p>When one piece of work fails, the group's transaction is rolled back and every piece is run again in a
 * transaction of its own, so one caller's failure (a duplicate key, a refused input) never fails the others. Work
 * must therefore leave nothing behind but database changes and transaction synchronizations (which run only on
 * commit). When the database is unavailable the group fails at once, without the one-by-one retry.
 *
 * <p>Groups are as large as what is waiting when the writer is free, up to {@code maxGroup}; with nothing else
 * waiting a piece of work is committed alone, at once: no timer holds anyone back.
 */
public final class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Work<T>(Supplier<T> body, CompletableFuture<T> done) {
    }

    /** What the writer reports about each group it committed, for metrics. */
    public interface Listener {
        void committed(int groupSize);
    }

    private final String name;
    private final TransactionTemplate transactions;
    private final int maxGroup;
    private final Listener listener;
    /** Put in the queue to wake the writer when it stops; never run. */
    private static final Work<Object> WAKE = new Work<>(() -> null, new CompletableFuture<>());

    private final LinkedBlockingQueue<Work<?>> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param name     the stage, as the writer thread is called
     * @param maxGroup the most pieces of work in one transaction
     */
    public GroupCommit(String name, TransactionTemplate transactions, int maxGroup, Listener listener) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be at least 1");
        }
        this.name = name;
        this.transactions = transactions;
        this.maxGroup = maxGroup;
        this.listener = listener;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Commits what is queued, then runs later work in the caller's thread, one transaction each. The writer is not
     * interrupted: an interrupt during JDBC I/O can close an embedded database's file channel.
     */
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            queue.add(WAKE);
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        drain();
    }

    /**
     * Queues the work; the future completes once its transaction committed (or with the work's failure). Called
     * within a transaction, the work joins that one instead, at once: its caller decides when it commits.
     */
    public <T> CompletableFuture<T> submit(Supplier<T> body) {
        Work<T> work = new Work<>(body, new CompletableFuture<>());
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            try {
                work.done().complete(body.get());
            } catch (RuntimeException | Error e) {
                work.done().completeExceptionally(e);
            }
            return work.done();
        }
        if (!running) {
            runAlone(work);
            return work.done();
        }
        queue.add(work);
        if (!running && queue.remove(work)) {
            runAlone(work); // stopped meanwhile, and the writer's last drain may have missed it
        }
        return work.done();
    }

    /** Runs the work in the next group and returns its result once committed; its failure is thrown as it was. */
    public <T> T execute(Supplier<T> body) {
        try {
            return submit(body).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** As {@link #execute}, for work with no result. */
    public void run(Runnable body) {
        execute(() -> {
            body.run();
            return null;
        });
    }

    /** Work waiting for the writer. */
    public int waiting() {
        return queue.size();
    }

    private void run() {
        List<Work<?>> group = new ArrayList<>(maxGroup);
        while (running) {
            try {
                Work<?> first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null || first == WAKE) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                group.remove(WAKE);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("The {} writer failed on a group of {}", name, group.size(), e);
                group.forEach(w -> w.done().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    private void drain() {
        Work<?> work;
        while ((work = queue.poll()) != null) {
            if (work != WAKE) {
                runAlone(work);
            }
        }
    }

    private void commit(List<Work<?>> group) {
        if (group.size() == 1) {
            runAlone(group.get(0));
            return;
        }
        List<Object> results;
        try {
            results = transactions.execute(tx -> {
                List<Object> made = new ArrayList<>(group.size());
                for (Work<?> work : group) {
                    made.add(work.body().get());
                }
                return made;
            });
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                group.forEach(w -> w.done().completeExceptionally(e));
                return;
            }
            log.debug("A group of {} in {} failed ({}); each is run alone", group.size(), name, e.toString());
            group.forEach(this::runAlone);
            return;
        }
        listener.committed(group.size());
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results == null ? null : results.get(i));
        }
    }

    private <T> void runAlone(Work<T> work) {
        T result;
        try {
            result = transactions.execute(tx -> work.body().get());
        } catch (RuntimeException | Error e) {
            work.done().completeExceptionally(e);
            return;
        }
        listener.committed(1);
        work.done().complete(result);
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Work<T> work, Object result) {
        work.done().complete((T) result);
    }
}
