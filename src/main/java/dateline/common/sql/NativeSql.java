package dateline.common.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * A native SQL statement assembled from fixed fragments; every value from a request travels as a bound
 * parameter ({@code ?} in a fragment), never as text. It runs through JPA ({@link #query}) or, on the hot
 * read paths, as a plain prepared statement on the session's connection ({@link #list}) whose rows are read
 * into the caller's records, without Hibernate interpreting the SQL or building result objects per row.
 */
public final class NativeSql {
    /** The statement with JDBC's {@code ?} placeholders, in the order of {@link #params}. */
    private final StringBuilder jdbc = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public NativeSql append(String fragment, Object... values) {
        int next = 0;
        for (char c : fragment.toCharArray()) {
            if (c == '?') {
                params.add(values[next++]);
            }
            jdbc.append(c);
        }
        if (next != values.length) {
            throw new IllegalArgumentException("Fragment has " + next + " placeholders for " + values.length + " values");
        }
        return this;
    }

    /** Appends another statement, its values after this one's: a subquery. */
    public NativeSql append(NativeSql other) {
        jdbc.append(other.jdbc);
        params.addAll(other.params);
        return this;
    }

    /** Placeholders for a list: {@code ?, ?, ?}. */
    public static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** A long list in parts of at most {@code size}, so that no statement binds more values than it should. */
    public static <T> List<List<T>> chunks(List<T> values, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            chunks.add(values.subList(from, Math.min(values.size(), from + size)));
        }
        return chunks;
    }

    public Query query(EntityManager em) {
        // JPA numbers its positional parameters: ?1, ?2, ...
        StringBuilder sql = new StringBuilder();
        int n = 0;
        for (int i = 0; i < jdbc.length(); i++) {
            char c = jdbc.charAt(i);
            sql.append(c);
            if (c == '?') {
                sql.append(++n);
            }
        }
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    /** Reads one row of a result into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Runs the statement on the session's connection (its transaction, if any) and reads every row. It goes
     * through Hibernate's JDBC coordinator, not around it, so statistics count it (QueryCountTest), SQL
     * logging shows it and the connection is released as Hibernate's own queries release it.
     */
    public <T> List<T> list(EntityManager em, RowReader<T> reader) {
        return run(em, "could not read rows", (coordinator, statement, sql) -> {
            List<T> rows = new ArrayList<>();
            ResultSet result = coordinator.getResultSetReturn().extract(statement, sql);
            while (result.next()) {
                rows.add(reader.read(result));
            }
            return rows;
        });
    }

    /**
     * Runs an INSERT, UPDATE or DELETE the way {@link #list} runs a query, and answers how many rows it
     * changed, without the parameter parsing and bulk-update bookkeeping JPA's native
     * {@code executeUpdate} does for each statement; a write runs several.
     */
    public int execute(EntityManager em) {
        return run(em, "could not write rows", (coordinator, statement, sql) -> coordinator.getResultSetReturn().executeUpdate(statement, sql));
    }

    /** What is done with the prepared, bound statement. */
    @FunctionalInterface
    private interface Step<T> {
        T run(JdbcCoordinator coordinator, PreparedStatement statement, String sql) throws SQLException;
    }

    private <T> T run(EntityManager em, String failure, Step<T> step) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        if (session.isJoinedToTransaction()) {
            session.flush(); // as JPA does before a native query: the statement sees this transaction's changes
        }
        JdbcCoordinator coordinator = session.getJdbcCoordinator();
        String sql = jdbc.toString();
        PreparedStatement statement = coordinator.getStatementPreparer().prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                JdbcValues.bind(statement, i + 1, params.get(i));
            }
            return step.run(coordinator, statement, sql);
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, failure, sql);
        } finally {
            coordinator.getLogicalConnection().getResourceRegistry().release(statement);
            coordinator.afterStatementExecution();
        }
    }
}
