package dateline.common.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

/**
 * Which database failures are a temporary outage (503, retry later) and which are bugs (500). The
 * PostgreSQL cases are also exercised end to end by {@link DatabaseOutageTest}; the H2 storage errors
 * are only classified here, as a full disk cannot be staged in a test.
 */
class OutageRecognitionTest {

    @Test
    void anUnreachableOrOverloadedServerIsAnOutageHoweverDeeplyWrapped() {
        assertTrue(DatabaseOutage.explains(wrapped(new SQLException("Connection refused", "08001"))));
        assertTrue(DatabaseOutage.explains(wrapped(new SQLException("An I/O error occurred", "08006"))));
        assertTrue(DatabaseOutage.explains(wrapped(new SQLException("too many clients", "53300"))));
        assertTrue(DatabaseOutage.explains(wrapped(new SQLException("canceling statement due to statement timeout", "57014"))));
        assertTrue(DatabaseOutage.explains(wrapped(new SQLException("terminating connection due to administrator command", "57P01"))));
    }

    @Test
    void aPoolThatCannotHandOutAConnectionInTimeIsAnOutage() {
        assertTrue(DatabaseOutage.explains(wrapped(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void embeddedH2StorageFailuresAreAnOutage() {
        assertTrue(DatabaseOutage.explains(wrapped(new SQLException("IO Exception: No space left on device", "90028"))));
        assertTrue(DatabaseOutage.explains(wrapped(new SQLException("Database is already closed", "90098"))));
    }

    @Test
    void mistakesInOurQueriesOrDataAreNot() {
        assertFalse(DatabaseOutage.explains(wrapped(new SQLException("syntax error at or near", "42601"))));
        assertFalse(DatabaseOutage.explains(wrapped(new SQLException("duplicate key value", "23505"))));
        assertFalse(DatabaseOutage.explains(wrapped(new SQLException("no state at all"))));
        assertFalse(DatabaseOutage.explains(new IllegalStateException("not a database failure")));
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new PersistenceException("request failed", new GenericJDBCException("could not execute statement", cause));
    }
}
