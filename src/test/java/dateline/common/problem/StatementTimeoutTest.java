package dateline.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * PostgreSQL cancels a statement that runs past DATELINE_DB_STATEMENT_TIMEOUT (shortened to 1 s here),
 * so a slow query cannot hold a connection and a worker thread indefinitely; the cancellation counts as
 * an outage (503), not a bug. PostgreSQL runs only: H2 has no such per-connection setting.
 */
@QuarkusTest
@TestProfile(StatementTimeoutTest.OneSecond.class)
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*\\bpg\\b.*")
class StatementTimeoutTest {

    public static class OneSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("DATELINE_DB_STATEMENT_TIMEOUT", "1s");
        }
    }

    @Inject
    EntityManager em;

    @Test
    void everyConnectionCarriesTheStatementTimeout() {
        assertEquals("1s", QuarkusTransaction.requiringNew().call(
                () -> em.createNativeQuery("show statement_timeout").getSingleResult()));
    }

    @Test
    void aStatementPastTheTimeoutIsCancelledAndCountsAsAnOutage() {
        long start = System.nanoTime();
        PersistenceException cancelled = assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("select pg_sleep(10)").getSingleResult()));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "cancelled after about a second, not ten");
        assertTrue(DatabaseOutage.explains(cancelled), "answered 503, not 500");
    }
}
