package dateline.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a {@link CuttableProxy} between Dateline and the PostgreSQL server the test run uses
 * ({@code DATELINE_DB_URL}, default 127.0.0.1:5432/test), and hands the proxy to the test's field of
 * that type so the test can cut and restore the database.
 */
public class DatabaseBehindProxy implements QuarkusTestResourceLifecycleManager {
    private static final Pattern POSTGRESQL_URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/(.*)");

    private CuttableProxy proxy;

    @Override
    public Map<String, String> start() {
        String url = setting("DATELINE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        Matcher m = POSTGRESQL_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("Not a PostgreSQL URL the proxy can stand in front of: " + url);
        }
        try {
            proxy = new CuttableProxy(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The pg profile reads its JDBC URL from DATELINE_DB_URL, so this reroutes Flyway and Hibernate alike.
        return Map.of("DATELINE_DB_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + m.group(3));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.MatchesType(CuttableProxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
