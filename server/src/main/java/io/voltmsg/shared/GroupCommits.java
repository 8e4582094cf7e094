package io.voltmsg.shared;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the stages' {@link GroupCommit} writers, reports their group sizes ({@code voltmsg.db.group.size}, tagged
 * by stage) and runs them from before anything that uses them starts until after all of it stopped: the web server,
 * the carrier link, the sender and the dispatcher all hand their last work to a writer while they stop.
 */
@Component
public class GroupCommits implements SmartLifecycle {

    /** Below the web server's start/stop (DEFAULT_PHASE - 2048) and the carrier link's (DEFAULT_PHASE - 1000). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final List<GroupCommit> writers = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, GroupCommit> byStage = new java.util.HashMap<>();
    private volatile boolean running;

    GroupCommits(TransactionTemplate transactions, MeterRegistry meters) {
        this.transactions = transactions;
        this.meters = meters;
    }

    /**
     * The writer of one stage (the same one for the same stage name); it commits groups once this lifecycle started,
     * and runs work alone before.
     */
    public synchronized GroupCommit writer(String stage, int maxGroup) {
        GroupCommit existing = byStage.get(stage);
        if (existing != null) {
            return existing;
        }
        DistributionSummary sizes = DistributionSummary.builder("voltmsg.db.group.size")
                .description("Pieces of work committed together by one stage's writer (group commit)")
                .tag("stage", stage)
                .register(meters);
        GroupCommit writer = new GroupCommit("group-commit-" + stage, transactions, maxGroup, sizes::record);
        writers.add(writer);
        byStage.put(stage, writer);
        if (running) {
            writer.start();
        }
        return writer;
    }

    @Override
    public void start() {
        running = true;
        writers.forEach(GroupCommit::start);
    }

    @Override
    public void stop() {
        running = false;
        writers.forEach(GroupCommit::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
