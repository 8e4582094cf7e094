package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.voltmsg.testing.IntegrationTest;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The server counts its own database work and exports it next to its other metrics. */
class DatabaseWorkMetricsTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry registry;

    @Test
    void aMessageCreatedThroughTheApiShowsAsStatementsAndACommit() {
        TestOrganization org = newOrganization();
        double statementsBefore = registry.get("voltmsg.db.statements").functionCounter().count();
        double commitsBefore = registry.get("voltmsg.db.commits").functionCounter().count();

        String id = org.api().execute("mutation($from: String!) { createMessage(from: $from, to: \"+15550109876\", body: \"hi\") { id } }",
                Map.of("from", org.phoneNumber())).data("createMessage").path("id").asString();

        assertThat(id).startsWith("msg_");
        assertThat(dataSource).isInstanceOf(CountingDataSource.class);
        // At least the token lookup and the insert; the sender and the dispatcher add theirs at the same time.
        assertThat(registry.get("voltmsg.db.statements").functionCounter().count()).isGreaterThanOrEqualTo(statementsBefore + 2);
        assertThat(registry.get("voltmsg.db.commits").functionCounter().count()).isGreaterThanOrEqualTo(commitsBefore + 1);
    }

    @Test
    void prometheusShowsTheCountersAndStillTheConnectionPool() {
        assertThat(registry).isInstanceOf(PrometheusMeterRegistry.class);
        String scrape = ((PrometheusMeterRegistry) registry).scrape();

        assertThat(scrape).contains("# TYPE voltmsg_db_statements_total counter", "# TYPE voltmsg_db_commits_total counter",
                "voltmsg_db_statements_total ", "voltmsg_db_commits_total ");
        assertThat(scrape).as("the pool behind the counting data source is still found").contains("hikaricp_connections_active");
    }
}
