package dateline.common.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One INSERT or UPDATE run for many rows in a single JDBC batch: a row per {@link #row}, sent together by
 * {@link #run}. Binds the value types Dateline's tables use the same way on H2 and PostgreSQL.
 */
public final class BatchStatement implements AutoCloseable {
    private final PreparedStatement statement;
    private int column;
    private int rows;

    public BatchStatement(Connection connection, String sql) throws SQLException {
        this.statement = connection.prepareStatement(sql);
    }

    /** Binds the next row's values, in the statement's order. */
    public BatchStatement row(Object... values) throws SQLException {
        column = 0;
        for (Object value : values) {
            bind(value);
        }
        statement.addBatch();
        rows++;
        return this;
    }

    private void bind(Object value) throws SQLException {
        int i = ++column;
        if (value == null) {
            statement.setNull(i, Types.NULL);
        } else if (value instanceof Instant at) {
            statement.setObject(i, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        } else if (value instanceof UUID || value instanceof Number || value instanceof String) {
            statement.setObject(i, value);
        } else {
            throw new IllegalArgumentException("No binding for " + value.getClass());
        }
    }

    /** Sends every row bound so far; nothing when there is none. */
    public void run() throws SQLException {
        if (rows > 0) {
            statement.executeBatch();
            rows = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
