package io.voltmsg.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How the API shares the machine with delivery. */
@ConfigurationProperties("voltmsg.api")
public record ApiProperties(
        /* Most API requests worked on at once (0: two per CPU core, at least 4); more wait their turn. Raise it when the database is remote. */
        int requestThreads,
        /* Most root fields (aliases included) one GraphQL document may ask for; more is QUERY_TOO_COSTLY. */
        @DefaultValue("50") int maxRootFields,
        /* Most list items one document may ask for in all (each list's first, 20 when absent, multiplied through nesting). */
        @DefaultValue("2000") int maxListItems) {

    public ApiProperties {
        if (requestThreads < 0) {
            throw new IllegalArgumentException("voltmsg.api.request-threads must be 0 (automatic) or positive");
        }
        if (maxRootFields < 1 || maxListItems < 1) {
            throw new IllegalArgumentException("voltmsg.api.max-root-fields and voltmsg.api.max-list-items must be positive");
        }
    }


    /**
     * The request threads to run. Each API request is short CPU and database work; many more
     * threads than cores only take turns on the CPU with the delivery threads and starve them
     * (measured on 2 cores, events created through the API at 1,500/s: 200 threads, deliveries
     * fell to 837/s and a backlog grew; 4 threads, 1,468/s delivered with p99 34 ms).
     */
    static int requestThreads(int configured, int cores) {
        return io.voltmsg.shared.RequestLane.permits(configured, cores);
    }
}
