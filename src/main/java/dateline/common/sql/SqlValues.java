package dateline.common.sql;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads the column values of untyped native query rows, which drivers return in different Java types. */
public final class SqlValues {
    private SqlValues() {
    }

    public static UUID uuid(Object value) {
        if (value instanceof UUID id) {
            return id;
        }
        if (value instanceof byte[] bytes && bytes.length == 16) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            return new UUID(b.getLong(), b.getLong());
        }
        if (value instanceof String s) {
            return UUID.fromString(s);
        }
        throw new IllegalStateException("Not a UUID column value: " + (value == null ? null : value.getClass()));
    }

    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Not a timestamp column value: " + (value == null ? null : value.getClass()));
    }

    public static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not read a text column", e);
            }
        }
        throw new IllegalStateException("Not a text column value: " + (value == null ? null : value.getClass()));
    }
}
