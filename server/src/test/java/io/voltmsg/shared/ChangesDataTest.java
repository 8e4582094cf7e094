package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the JDBC counting tells a statement that changed data from one that only read. */
class ChangesDataTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "insert into events (id) values (?) returning sequence",
            "  UPDATE deliveries set lease_until = ? where id = ? returning id",
            "delete from deliveries where id = ? returning id",
            "merge into contacts using (values (?)) v(n) on true when not matched then insert values (v.n)",
            "-- claim\n/* leases */ update deliveries set lease_until = ?",
            "(insert into t values (1))",
            "call purge_history(?)",
            "{call purge_history(?)}",
            "{? = call next_id()}",
            "with due as (select id from deliveries where status = 'PENDING' limit 10 for update skip locked)"
                    + " update deliveries d set lease_until = ? from due where d.id = due.id returning d.id",
            "WITH gone AS (DELETE FROM events WHERE created_at < ? RETURNING id) SELECT count(*) FROM gone",
            "with x as (select 1) insert into t select * from x",
    })
    void statementsThatChangeData(String sql) {
        assertThat(SqlText.changesData(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "select * from messages where id = ?",
            "SELECT nextval('event_sequence')",
            "select id from deliveries where status = 'PENDING' order by next_attempt_at limit 10 for update skip locked",
            "/* insert into t */ select 1",
            "-- update\nselect 1",
            "values (1)",
            "show data_directory",
            "with due as (select id from deliveries for update skip locked) select id from due",
            "with due as (select id from deliveries for no key update) select id from due",
            "with t as (select 'insert into x' as text, \"update\" from y) select * from t",
            "selectivity_check()",
            "updated_rows_view",
            "",
            "   ",
            "/* never closed",
    })
    void statementsThatOnlyRead(String sql) {
        assertThat(SqlText.changesData(sql)).isFalse();
    }

    @Test
    void noTextChangesNothing() {
        assertThat(SqlText.changesData(null)).isFalse();
    }

    @Test
    void aBatchChangedDataWhenAnyRowCountIsAboveZeroOrUnknown() {
        assertThat(CountingStatement.changedData(new int[] {0, 0, 1})).isTrue();
        assertThat(CountingStatement.changedData(new int[] {Statement.SUCCESS_NO_INFO})).isTrue();
        assertThat(CountingStatement.changedData(new long[] {0, 2})).isTrue();
        assertThat(CountingStatement.changedData(new int[] {0, 0})).isFalse();
        assertThat(CountingStatement.changedData(new int[] {Statement.EXECUTE_FAILED})).isFalse();
        assertThat(CountingStatement.changedData(new int[0])).isFalse();
        assertThat(CountingStatement.changedData(new long[] {0})).isFalse();
    }
}
