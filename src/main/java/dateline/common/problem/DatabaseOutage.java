package dateline.common.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises a failure that means "the database cannot answer right now" rather than a bug: the
 * connection pool timed out, a connection could not be opened or broke, or the server cancelled a
 * statement that ran past its timeout. Such failures come wrapped by Hibernate, the transaction manager
 * or the pool, so the whole cause chain is searched.
 */
final class DatabaseOutage {
    /**
     * SQLSTATE classes and codes that mean the server is unreachable, going away or overloaded: 08
     * (connection exception), 53 (insufficient resources, e.g. too many connections), 57014 (statement
     * timeout), 57P01-57P03 (admin or crash shutdown, cannot connect now). Embedded H2 has no
     * connection to lose; its outage is storage failing: 90028 and 90031 (I/O error, e.g. disk full) and
     * 90098 (database closed after such an error).
     */
    private static final Set<String> CLASSES = Set.of("08", "53");
    private static final Set<String> CODES = Set.of("57014", "57P01", "57P02", "57P03", "90028", "90031", "90098");

    private DatabaseOutage() {
    }

    static boolean explains(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof jakarta.persistence.QueryTimeoutException
                    || t instanceof org.hibernate.QueryTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && (isOutageState(sql.getSQLState()) || isPoolTimeout(sql))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutageState(String state) {
        return state != null && state.length() == 5 && (CLASSES.contains(state.substring(0, 2)) || CODES.contains(state));
    }

    /** Agroal reports an exhausted wait for a connection as a plain SQLException without SQLSTATE. */
    private static boolean isPoolTimeout(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
