package io.voltmsg.bench;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the server's heap in use every second ({@code jvm_memory_used_bytes}, heap pools summed) while the
 * load runs; its peak is what {@code -Xmx} must cover.
 */
final class HeapSampler {

    static final String METRIC = "jvm_memory_used_bytes";

    private final EndToEnd.Api api;
    private final AtomicLong peakBytes = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    HeapSampler(EndToEnd.Api api) {
        this.api = api;
    }

    void start() {
        running = true;
        thread = new Thread(() -> {
            while (running) {
                try {
                    sample();
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // one sample missed (the server was busy); the next one counts
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Heap in use now, in MiB; also counts towards the peak. */
    double sample() throws Exception {
        double bytes = heapInUse(api.metrics(METRIC));
        peakBytes.accumulateAndGet((long) bytes, Math::max);
        return bytes / (1024 * 1024);
    }

    double peakMib() {
        return peakBytes.get() / (1024.0 * 1024);
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    static double heapInUse(String exposition) {
        return PrometheusText.sum(exposition, METRIC, Map.of("area", "heap"));
    }
}
