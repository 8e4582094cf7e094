package io.voltmsg.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest.TestOrganization;
import io.voltmsg.testing.TestDatabase;
import io.voltmsg.testing.TestReceiver;
import io.voltmsg.testing.TestReceiver.Reply;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stopping a server stops claiming, lets the request in flight finish and be recorded, and
 * hands back the deliveries it had claimed but not sent, so the next instance (here: the
 * restarted one) sends them at once instead of waiting for their leases to run out.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class GracefulShutdownTest {

    @Test
    void shutdownFinishesInFlightRequestsAndReleasesTheRest() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        Map<String, String> settings = Map.of("voltmsg.delivery.max-per-endpoint", "2", "voltmsg.delivery.lease", "5m");
        List<String> eventIds = new ArrayList<>();
        try (TestReceiver receiver = new TestReceiver()) {
            StandaloneServer first = new StandaloneServer(database, null, settings);
            try {
                TestOrganization org = first.newOrganization();
                GraphQl.Response registered = org.api().execute("mutation($url: String!) { registerWebhook(url: $url) { id } }",
                        Map.of("url", receiver.url()));
                assertThat(registered.hasErrors()).as(registered.raw()).isFalse();
                receiver.clear();
                receiver.answering(r -> new Reply(200, Map.of(), Duration.ofMillis(1500)));
                for (int i = 0; i < 3; i++) {
                    eventIds.add(first.bean(EventPublisher.class).publish(org.id(), EventType.MESSAGE_SENT, "msg_" + i,
                            Map.of("id", "msg_" + i)));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
                // all three are claimed by now: two in flight, one waiting for a free slot of the endpoint
                await().atMost(Duration.ofSeconds(5)).until(() -> statuses(database, eventIds).values().stream()
                        .allMatch(s -> s.leased()));
            } finally {
                first.close();
            }
            assertThat(receiver.received()).hasSize(2);
            List<String> sent = receiver.received().stream()
                    .map(r -> GraphQl.JSON.readTree(r.body()).path("id").asString()).toList();
            Map<String, Row> rows = statuses(database, eventIds);
            assertThat(rows.entrySet()).filteredOn(e -> sent.contains(e.getKey()))
                    .extracting(Map.Entry::getValue).containsOnly(new Row("DELIVERED", 1, false));
            assertThat(rows.entrySet()).filteredOn(e -> !sent.contains(e.getKey()))
                    .extracting(Map.Entry::getValue).containsExactly(new Row("PENDING", 0, false));

            receiver.answering(200);
            StandaloneServer second = new StandaloneServer(database, null, settings);
            try {
                await().atMost(Duration.ofSeconds(15)).until(() -> statuses(database, eventIds).values().stream()
                        .allMatch(r -> r.status().equals("DELIVERED")));
            } finally {
                second.close();
            }
            assertThat(receiver.received()).extracting(r -> GraphQl.JSON.readTree(r.body()).path("id").asString())
                    .containsExactlyInAnyOrderElementsOf(eventIds); // each exactly once
        }
    }

    record Row(String status, int attempts, boolean leased) {
    }

    static Map<String, Row> statuses(TestDatabase database, List<String> eventIds) throws Exception {
        Map<String, Row> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), "")) {
            for (String eventId : eventIds) {
                var statement = connection.prepareStatement("select status, attempts, lease_until from deliveries where event_id = ?");
                statement.setString(1, eventId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    rows.put(eventId, new Row(rs.getString(1), rs.getInt(2), rs.getObject(3) != null));
                }
            }
        }
        return rows;
    }
}
