package dateline.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.common.http.ContentVersion;
import dateline.common.http.DeliveryChanged;
import dateline.common.http.DeliveryChanges;
import dateline.config.DatelineConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears the changes other instances commit, on a PostgreSQL connection of its own, and applies each exactly
 * as this instance applies its own ({@link DeliveryChanges#apply}). Every heartbeat is a round trip, and
 * PostgreSQL hands a listening session every notification committed before it ends a statement: so after
 * each one this instance can vouch for all changes committed until the heartbeat began, and the response
 * cache serves entries only for {@code lease} after that ({@link ContentVersion#heardOthersUntil}). A lost
 * connection stops the vouching at once (nothing cached is served while this instance may be missing
 * changes); listening again, with a growing delay between attempts, starts from "everything changed".
 */
@ApplicationScoped
class ChangeListener {
    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private static final Duration FIRST_RECONNECT_DELAY = Duration.ofMillis(100);

    private final ClusterChannel cluster;
    private final ContentVersion content;
    private final DeliveryChanges delivery;
    private final ObjectMapper json;
    private final DatelineConfig.Cluster config;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Counter received;
    private final Counter reconnects;
    private volatile boolean listening;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    ChangeListener(ClusterChannel cluster, ContentVersion content, DeliveryChanges delivery, ObjectMapper json, DatelineConfig config,
                   @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                   @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                   @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password, MeterRegistry metrics) {
        this.cluster = cluster;
        this.content = content;
        this.delivery = delivery;
        this.json = json;
        this.config = config.cluster();
        this.url = url;
        this.user = user;
        this.password = password;
        this.received = Counter.builder("dateline.cluster.notifications.received")
                .description("Change notifications applied from other instances").register(metrics);
        this.reconnects = Counter.builder("dateline.cluster.listener.reconnects")
                .description("Times the listening connection was lost and opened again").register(metrics);
        Gauge.builder("dateline.cluster.listening", this, l -> l.listening ? 1 : 0)
                .description("1 while this instance hears other instances' changes (always 1 on H2: nothing to hear)")
                .register(metrics);
    }

    /** After the channel is known (a later priority); until the first heartbeat this instance vouches for nothing it caches. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 10) StartupEvent start) {
        if (!cluster.shared()) {
            listening = true;
            return;
        }
        content.heardOthersUntil(System.nanoTime());
        running = true;
        thread = new Thread(this::listenWhileRunning, "dateline-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        closeQuietly(connection); // wakes a wait for notifications
        thread.join(Duration.ofSeconds(2).toMillis());
    }

    private void listenWhileRunning() {
        Duration delay = FIRST_RECONNECT_DELAY;
        boolean lost = false;
        while (running) {
            try (Connection c = open()) {
                connection = c;
                listen(c, lost);
                return; // stopped
            } catch (SQLException | RuntimeException e) {
                content.heardOthersUntil(System.nanoTime()); // at once, whatever happens next
                if (!running) {
                    return;
                }
                if (listening || !lost) {
                    LOG.warnf("Not hearing other instances' changes (%s); serving nothing from the cache until listening again,"
                            + " next attempt in %d ms", e.getMessage(), delay.toMillis());
                }
                listening = false;
                lost = true;
                reconnects.increment();
                sleep(delay);
                delay = delay.multipliedBy(2).compareTo(config.maxReconnectDelay()) > 0 ? config.maxReconnectDelay() : delay.multipliedBy(2);
            }
        }
    }

    private void listen(Connection c, boolean lost) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        try (Statement statement = c.createStatement()) {
            statement.execute("listen \"" + cluster.channel().replace("\"", "\"\"") + "\"");
            // Changes committed while nobody here listened are unknown: treat everything as changed.
            delivery.apply(DeliveryChanged.ofEverything());
            listening = true;
            if (lost) {
                LOG.infof("Hearing other instances' changes again on %s", cluster.channel());
            }
            int waitMillis = (int) Math.max(1, config.heartbeat().toMillis());
            while (running) {
                long began = System.nanoTime();
                statement.execute("select 1");
                apply(pg.getNotifications()); // those the heartbeat brought; never blocks
                content.heardOthersUntil(began + config.lease().toNanos());
                apply(pg.getNotifications(waitMillis)); // returns early when a notification arrives
            }
        }
    }

    private void apply(PGNotification[] notifications) {
        if (notifications == null) {
            return;
        }
        for (PGNotification notification : notifications) {
            try {
                ChangeMessage message = ChangeMessage.decode(notification.getParameter(), json);
                if (!message.origin().equals(cluster.origin())) {
                    delivery.apply(message.change());
                    received.increment();
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // Not from a Dateline that speaks this format (an older version mid-upgrade): assume the worst.
                LOG.warnf("Unreadable change notification, treating everything as changed: %s", e.getOriginalMessage());
                delivery.apply(DeliveryChanged.ofEverything());
            }
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "dateline-listener " + cluster.instanceName());
        properties.setProperty("connectTimeout", "3");
        // A heartbeat that gets no answer within this long means the server or the network is gone.
        properties.setProperty("socketTimeout", String.valueOf(Math.max(2, config.lease().multipliedBy(5).toSeconds())));
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            // closing to stop: nothing to do about it
        }
    }
}
