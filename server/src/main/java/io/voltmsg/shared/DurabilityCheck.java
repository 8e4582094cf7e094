package io.voltmsg.shared;

import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start-up, warns when the database acknowledges commits it may lose, which breaks "durable before
 * acknowledged": on H2 when it delays writing commits (then a killed process loses commits already acknowledged;
 * the setting lives in the database, not in the URL alone, so it is read from H2 itself), on PostgreSQL when
 * {@code synchronous_commit} or {@code fsync} is off (then a crash of PostgreSQL or of the machine does). On H2 it
 * also leaves closing the database to the connection pool ({@link H2ExitHook}).
 */
@Component
class DurabilityCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DurabilityCheck.class);

    private final DataSource dataSource;

    DurabilityCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        if (Databases.isPostgres(dataSource)) {
            for (String setting : List.of("synchronous_commit", "fsync")) {
                String value = jdbc.sql("select current_setting('" + setting + "')").query(String.class).single();
                if ("off".equalsIgnoreCase(value)) {
                    log.warn("PostgreSQL runs with {}=off: a crash of PostgreSQL or of its machine can lose commits "
                            + "voltmsg already acknowledged. Set {} = on for voltmsg's database (ALTER DATABASE ... SET, "
                            + "or postgresql.conf)", setting, setting);
                }
            }
            return;
        }
        H2ExitHook.remove(); // the database is open now, so H2 has registered its hook
        // H2 2.4 lists WRITE_DELAY twice: the value stored in the database and the one the open store uses
        // (taken from the URL of whoever opened it, default 500 ms). Either one above 0 means delayed writes.
        List<Integer> delays = jdbc
                .sql("select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")
                .query(String.class).list().stream().map(Integer::valueOf).toList();
        int delay = delayedBy(delays);
        if (delay > 0) {
            log.warn("H2 writes commits to its file up to {} ms after they return (WRITE_DELAY={}): a killed process "
                    + "loses changes voltmsg already acknowledged. Add ;WRITE_DELAY=0 to spring.datasource.url, or "
                    + "leave the URL unset to use the embedded database's own ({})", delay, delay,
                    EmbeddedDatabase.OPTIONS.substring(1));
        }
    }

    /** The longest delay any WRITE_DELAY row reports; 0 when writes are not delayed. */
    static int delayedBy(List<Integer> delays) {
        return delays.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
