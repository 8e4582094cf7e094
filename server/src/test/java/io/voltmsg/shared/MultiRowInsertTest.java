package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

class MultiRowInsertTest {

    @Test
    void oneStatementHasAPlaceholderGroupPerRow() {
        assertThat(MultiRowInsert.statement("t", List.of("a", "b"), 3))
                .isEqualTo("insert into t (a, b) values (?, ?), (?, ?), (?, ?)");
    }

    @Test
    @Tag("database")
    @ExtendWith(DatabaseAvailable.class)
    void insertsEveryRowWithNullsAndBytesInStatementsOfBoundedSize() throws Exception {
        TestDatabase db = TestDatabase.fresh();
        DataSource dataSource = DataSourceBuilder.create().url(db.url()).username(db.username()).password("").build();
        JdbcCounters counters = new JdbcCounters();
        JdbcTemplate jdbc = new JdbcTemplate(new CountingDataSource(dataSource, counters));
        jdbc.execute("create table multi (id integer primary key, note varchar(20), data bytea)");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < MultiRowInsert.MAX_ROWS * 2 + 5; i++) {
            rows.add(new Object[] {i, i % 2 == 0 ? null : "odd", new byte[] {(byte) i}});
        }
        long before = counters.statements();
        MultiRowInsert.insert(jdbc, "multi", List.of("id", "note", "data"), rows);
        assertThat(counters.statements() - before).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from multi where note is null", Integer.class))
                .isEqualTo(MultiRowInsert.MAX_ROWS + 3);
        assertThat(jdbc.queryForObject("select data from multi where id = 7", byte[].class)).containsExactly(7);
        assertThatThrownBy(() -> MultiRowInsert.insert(jdbc, "multi", List.of("id", "note", "data"),
                List.<Object[]>of(new Object[] {1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 3 columns");
        if (dataSource instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
