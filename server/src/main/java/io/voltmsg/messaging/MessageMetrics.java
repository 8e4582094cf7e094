package io.voltmsg.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.voltmsg.shared.AfterCommit;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Message meters, each recorded once its transaction committed: {@code voltmsg.messages.outbound} (created, queued;
 * not {@code .created}, which Prometheus reserves),
 * {@code voltmsg.messages.inbound} (received), {@code voltmsg.messages.final} by {@code status}
 * (delivered, undelivered, failed), {@code voltmsg.messages.time.to.sent} and {@code voltmsg.messages.time.to.final}
 * by {@code status} (from creation).
 */
@Component
class MessageMetrics {

    private final MeterRegistry registry;
    private final Counter created;
    private final Counter inbound;
    private final Timer timeToSent;

    MessageMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.created = Counter.builder("voltmsg.messages.outbound").description("outbound messages created (queued)")
                .register(registry);
        this.inbound = Counter.builder("voltmsg.messages.inbound").description("inbound messages received")
                .register(registry);
        this.timeToSent = Timer.builder("voltmsg.messages.time.to.sent")
                .description("from queued to accepted by the carrier (sent)").publishPercentileHistogram()
                .register(registry);
    }

    void queued() {
        AfterCommit.run(created::increment);
    }

    void received() {
        AfterCommit.run(inbound::increment);
    }

    /** A message moved to {@code updated}'s state. */
    void changed(Message updated, Instant now) {
        if (updated.direction() != MessageDirection.OUTBOUND) {
            return;
        }
        if (updated.state() == MessageStatus.SENT) {
            Duration toSent = since(updated.createdAt(), updated.sentAt() != null ? updated.sentAt() : now);
            AfterCommit.run(() -> timeToSent.record(toSent));
        } else if (updated.state().isFinal()) {
            String status = updated.status();
            Duration toFinal = since(updated.createdAt(), updated.finalizedAt() != null ? updated.finalizedAt() : now);
            AfterCommit.run(() -> {
                Counter.builder("voltmsg.messages.final").description("outbound messages by final status")
                        .tag("status", status).register(registry).increment();
                Timer.builder("voltmsg.messages.time.to.final").description("from queued to a final status")
                        .tag("status", status).publishPercentileHistogram().register(registry).record(toFinal);
            });
        }
    }

    private static Duration since(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.isNegative() ? Duration.ZERO : d;
    }

}
