package io.voltmsg.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.shared.Times;
import io.voltmsg.testing.SmscProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What must hold after any fault, checked against the database, the receiver and the SMSC's own logs, with every
 * count printed:
 * <ol>
 *   <li>every id createMessage returned exists, is final, and has exactly one {@code message.finalized} event;</li>
 *   <li>every inbound part the server acknowledged is stored (in a message, or waiting for its other parts);
 *       the same message recorded twice (a PDU committed but not acknowledged comes again) is counted;</li>
 *   <li>every event reached the receiver at least once, and every delivery ended delivered;</li>
 *   <li>no message whose {@code sent} was committed was submitted to the SMSC again.</li>
 * </ol>
 */
final class Invariants {

    private static final Set<String> FINAL = Set.of("DELIVERED", "UNDELIVERED", "FAILED");

    private record StoredMessage(String id, String direction, String body, String status, Instant sentAt) {
    }

    private Invariants() {
    }

    /** Waits until the installation has nothing left to do (or {@code limit} passed). */
    static void awaitQuiet(Installation installation, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JdbcClient db = installation.jdbc();
                int open = db.sql("select count(*) from messages where status in ('QUEUED', 'SENDING', 'SENT')")
                        .query(Integer.class).single();
                int pending = db.sql("select count(*) from deliveries where status = 'PENDING'").query(Integer.class).single();
                Set<String> events = new HashSet<>(db.sql("select id from events").query(String.class).list());
                events.removeAll(installation.receiver.events().keySet());
                if (open == 0 && pending == 0 && events.isEmpty()) {
                    return;
                }
            } catch (RuntimeException e) {
                // the database may still be coming back
            }
            Thread.sleep(1000);
        }
    }

    static void check(Installation installation, Load load, String scenario) throws IOException {
        JdbcClient db = installation.jdbc();
        FaultReceiver receiver = installation.receiver;
        Map<String, StoredMessage> messages = new HashMap<>();
        db.sql("select id, direction, body, status, sent_at from messages")
                .query((rs, row) -> new StoredMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Times.fromSql(rs.getObject(5))))
                .list().forEach(m -> messages.put(m.id(), m));
        Map<String, FaultReceiver.Event> received = receiver.events();
        List<Map<String, Object>> events = db.sql("select id, type, message_id from events").query().listOfRows();
        SoftAssertions soft = new SoftAssertions();

        // 1. every acknowledged createMessage: stored, final, finalized exactly once
        int missing = 0;
        int notFinal = 0;
        int finalizedTwice = 0;
        int finalizedNever = 0;
        Map<String, Integer> finalizedEvents = new HashMap<>();
        for (Map<String, Object> e : events) {
            if ("message.finalized".equals(e.get("type"))) {
                finalizedEvents.merge((String) e.get("message_id"), 1, Integer::sum);
            }
        }
        Map<String, Integer> finalizedReceived = new HashMap<>();
        received.values().stream().filter(e -> e.type().equals("message.finalized"))
                .forEach(e -> finalizedReceived.merge(e.messageId(), 1, Integer::sum));
        for (String id : load.created.keySet()) {
            StoredMessage m = messages.get(id);
            if (m == null) {
                missing++;
            } else if (!FINAL.contains(m.status())) {
                notFinal++;
            }
            int stored = finalizedEvents.getOrDefault(id, 0);
            if (stored > 1 || finalizedReceived.getOrDefault(id, 0) > 1) {
                finalizedTwice++;
            } else if (finalizedReceived.getOrDefault(id, 0) == 0) {
                finalizedNever++;
            }
        }
        System.out.printf("[%s] outbound: %d acknowledged by createMessage, %d missing, %d not final, %d finalized more "
                + "than once, %d without a finalized event received%n", scenario, load.created.size(), missing, notFinal,
                finalizedTwice, finalizedNever);
        soft.assertThat(missing).as("acknowledged messages missing").isZero();
        soft.assertThat(notFinal).as("acknowledged messages not final").isZero();
        soft.assertThat(finalizedTwice).as("messages finalized more than once").isZero();
        soft.assertThat(finalizedNever).as("messages whose message.finalized never arrived").isZero();

        // 2. every inbound part the server acknowledged is stored
        List<String[]> delivered = lines(SmscProcess.deliverLog(installation.dir));
        List<String> storedInbound = messages.values().stream().filter(m -> m.direction().equals("INBOUND"))
                .map(StoredMessage::body).toList();
        List<String> waitingParts = db.sql("select text from carrier_parts").query(String.class).list();
        int acked = 0;
        int lost = 0;
        for (String[] line : delivered) {
            if (!line[1].equals("mo")) {
                continue;
            }
            acked++;
            String text = line[5];
            if (storedInbound.stream().noneMatch(body -> body.contains(text)) && !waitingParts.contains(text)) {
                lost++;
            }
        }
        Map<String, Long> copies = storedInbound.stream().collect(Collectors.groupingBy(b -> b, Collectors.counting()));
        long recordedTwice = copies.values().stream().filter(c -> c > 1).count();
        System.out.printf("[%s] inbound: %d sent by the SMSC, %d PDUs acknowledged, %d of them not stored, %d messages "
                + "stored, %d recorded more than once, %d parts waiting%n", scenario, load.inboundSent.size(), acked, lost,
                storedInbound.size(), recordedTwice, waitingParts.size());
        soft.assertThat(lost).as("acknowledged inbound parts not stored").isZero();
        soft.assertThat(acked).as("inbound PDUs acknowledged").isPositive();

        // 3. every event reached the receiver; every delivery ended delivered
        Set<String> notReceived = new HashSet<>();
        events.forEach(e -> {
            if (!received.containsKey((String) e.get("id")) && !"webhook.test".equals(e.get("type"))) {
                notReceived.add((String) e.get("id"));
            }
        });
        Map<String, Integer> deliveries = new HashMap<>();
        db.sql("select status, count(*) from deliveries group by status")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
                .forEach(e -> deliveries.put(e.getKey(), e.getValue()));
        System.out.printf("[%s] events: %d stored, %d distinct webhook-ids received (%d endpoint deliveries), %d not "
                + "received, %d repeats (at-least-once and re-sends), %d answered 503, %d bad RSA signatures; deliveries "
                + "by status %s%n", scenario, events.size(), received.size(), receiver.deliveries(), notReceived.size(),
                receiver.duplicates(), receiver.refused(), receiver.badSignatures().size(), deliveries);
        soft.assertThat(notReceived).as("events never received").isEmpty();
        soft.assertThat(deliveries.keySet()).as("delivery statuses").containsOnly("DELIVERED");
        soft.assertThat(receiver.badSignatures()).as("requests with a bad RSA signature").isEmpty();

        // 4. nothing submitted again once its sent was committed
        Map<String, StoredMessage> byBody = new HashMap<>();
        messages.values().stream().filter(m -> m.direction().equals("OUTBOUND")).forEach(m -> byBody.put(m.body(), m));
        int submits = 0;
        int resubmittedAfterSent = 0;
        Map<String, Integer> submitsPerMessage = new HashMap<>();
        for (String[] line : lines(SmscProcess.submitLog(installation.dir))) {
            StoredMessage m = byBody.get(line[5]);
            if (m == null) {
                continue; // a HELP answer or a message whose createMessage was never acknowledged
            }
            submits++;
            submitsPerMessage.merge(m.id(), 1, Integer::sum);
            if (m.sentAt() != null && Long.parseLong(line[0]) > m.sentAt().toEpochMilli()) {
                resubmittedAfterSent++;
            }
        }
        long submittedAgain = submitsPerMessage.values().stream().filter(n -> n > 1).count();
        System.out.printf("[%s] SMSC submits: %d, %d messages submitted more than once before their sent was "
                + "committed, %d submits after it%n", scenario, submits, submittedAgain, resubmittedAfterSent);
        soft.assertThat(resubmittedAfterSent).as("submits after sent was committed").isZero();
        System.out.printf("[%s] load: %d registrations, %d re-sends, failed requests %s%n", scenario,
                load.registered.get(), load.resent.get(), load.failures);
        soft.assertAll();
    }

    /** The SMSC's tab-separated log lines, unescaped. */
    static List<String[]> lines(Path log) throws IOException {
        List<String[]> lines = new ArrayList<>();
        if (!Files.exists(log)) {
            return lines;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t", -1);
            for (int i = 0; i < fields.length; i++) {
                fields[i] = unescape(fields[i]);
            }
            lines.add(fields);
        }
        return lines;
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
