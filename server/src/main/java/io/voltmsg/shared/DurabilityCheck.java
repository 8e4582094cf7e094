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
 * At start-up on H2: warns when the database delays writing commits (then a killed process loses commits that
 * were already acknowledged; the setting lives in the database, not in the URL alone, so it is read from H2
 * itself), and leaves closing the database to the connection pool ({@link H2ExitHook}).
 */
@Component
class EmbeddedDatabaseCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseCheck.class);

    private final DataSource dataSource;

    EmbeddedDatabaseCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (Databases.isPostgres(dataSource)) {
            return;
        }
        H2ExitHook.remove(); // the database is open now, so H2 has registered its hook
        // H2 2.4 lists WRITE_DELAY twice: the value stored in the database and the one the open store uses
        // (taken from the URL of whoever opened it, default 500 ms). Either one above 0 means delayed writes.
        List<Integer> delays = JdbcClient.create(dataSource)
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
