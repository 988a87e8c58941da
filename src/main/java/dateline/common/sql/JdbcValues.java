package dateline.common.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Binds and reads the value types Dateline's tables use, the same way on H2 and PostgreSQL. */
public final class JdbcValues {
    private JdbcValues() {
    }

    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant at) {
            statement.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        } else if (value instanceof UUID || value instanceof Number || value instanceof String) {
            statement.setObject(index, value);
        } else {
            throw new IllegalArgumentException("No binding for " + value.getClass());
        }
    }

    public static UUID uuid(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, UUID.class);
    }

    public static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime at = rows.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
