package dateline.common.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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
        JdbcValues.bind(statement, ++column, value);
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
