package io.voltmsg.carrier.smpp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;

/**
 * The SMPP link's meters: {@code voltmsg.smpp.bound} (1 while bound), {@code voltmsg.smpp.reconnects},
 * {@code voltmsg.smpp.window.in.use}, {@code voltmsg.smpp.submit.latency} (submit_sm to its response) and
 * {@code voltmsg.smpp.pdus} by {@code type} and {@code status} (the command_status answered or received, hex).
 */
public final class SmppMetrics {

    private final MeterRegistry registry;

    /** Meters kept in {@code registry}; with none (a link without a server, in tests) nothing is recorded. */
    public SmppMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static SmppMetrics none() {
        return new SmppMetrics(new CompositeMeterRegistry());
    }

    void gauges(SmppClient client) {
        Gauge.builder("voltmsg.smpp.bound", client, c -> c.isBound() ? 1 : 0)
                .description("1 while the SMPP link to the carrier is bound, else 0").register(registry);
        Gauge.builder("voltmsg.smpp.window.in.use", client, SmppClient::inFlight)
                .description("submit_sm sent and not yet answered").register(registry);
        reconnects();
    }

    void reconnected() {
        reconnects().increment();
    }

    private Counter reconnects() {
        return Counter.builder("voltmsg.smpp.reconnects").description("binds after the first (the link had been lost)")
                .register(registry);
    }

    void submitted(Duration latency, int commandStatus) {
        Timer.builder("voltmsg.smpp.submit.latency").description("from sending submit_sm to its response")
                .register(registry).record(latency);
        pdu("submit_sm_resp", commandStatus);
    }

    void pdu(String type, int commandStatus) {
        Counter.builder("voltmsg.smpp.pdus").description("SMPP PDUs by type and command_status")
                .tag("type", type).tag("status", status(commandStatus)).register(registry).increment();
    }

    static String status(int commandStatus) {
        return String.format("0x%08x", commandStatus);
    }

    /** Counts each deliver_sm (receipt or message) by the status it was answered with. */
    MessageReceiverListener counting(MessageReceiverListener delegate) {
        return new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
                try {
                    delegate.onAcceptDeliverSm(deliverSm);
                    pdu("deliver_sm", 0);
                } catch (ProcessRequestException e) {
                    pdu("deliver_sm", e.getErrorCode());
                    throw e;
                }
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
                pdu("alert_notification", 0);
                delegate.onAcceptAlertNotification(alertNotification);
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                try {
                    DataSmResult result = delegate.onAcceptDataSm(dataSm, source);
                    pdu("data_sm", 0);
                    return result;
                } catch (ProcessRequestException e) {
                    pdu("data_sm", e.getErrorCode());
                    throw e;
                }
            }
        };
    }
}
