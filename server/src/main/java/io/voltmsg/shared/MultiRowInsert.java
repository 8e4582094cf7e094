package io.voltmsg.shared;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows with one {@code insert … values (…), (…)} statement per {@value #MAX_ROWS} rows: one statement
 * to parse, send and log instead of one per row (a JDBC batch still executes each row as a statement of its own).
 */
public final class MultiRowInsert {

    /** Rows per statement: bounded so that a statement's parameters stay far below PostgreSQL's 65,535. */
    static final int MAX_ROWS = 200;

    private MultiRowInsert() {
    }

    /** The statement for {@code rows} rows of {@code columns}. */
    static String statement(String table, List<String> columns, int rows) {
        String row = "(" + "?, ".repeat(columns.size() - 1) + "?)";
        StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (")
                .append(String.join(", ", columns)).append(") values ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }

    /** Inserts the rows, each with one value per column in the columns' order. */
    public static void insert(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += MAX_ROWS) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS));
            List<Object> values = new ArrayList<>(chunk.size() * columns.size());
            for (Object[] row : chunk) {
                if (row.length != columns.size()) {
                    throw new IllegalArgumentException("a row has " + row.length + " values for " + columns.size()
                            + " columns of " + table);
                }
                values.addAll(java.util.Arrays.asList(row));
            }
            jdbc.update(statement(table, columns, chunk.size()), values.toArray());
        }
    }
}
