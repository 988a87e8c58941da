package dateline.cluster;

import dateline.config.DatelineConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where instances on one PostgreSQL database tell each other about changes: a notification channel named
 * after Dateline's schema (channels are per database, and two deployments may share one in different
 * schemas), and this process's name on it, so it can ignore its own changes, which it applied at commit.
 * On H2 Dateline is a single instance and there is no channel.
 */
@ApplicationScoped
public class ClusterChannel {
    private final String url;
    private final String origin = UUID.randomUUID().toString();
    private final String instanceName;
    private final Duration lease;
    private volatile String channel;

    ClusterChannel(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url, DatelineConfig config) {
        this.url = url;
        this.instanceName = config.cluster().instanceName().orElseGet(ClusterChannel::hostName);
        this.lease = config.cluster().lease();
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (url.startsWith("jdbc:postgresql:")) {
            channel = "dateline:" + Panache.getEntityManager().createNativeQuery("select current_schema()").getSingleResult();
        }
    }

    /** Whether other instances may share the database (PostgreSQL), so changes must be sent and heard. */
    boolean shared() {
        return channel != null;
    }

    /**
     * How long after a commit every instance on the database is sure to have applied it, or stopped serving
     * what it cached before (the listener's lease); nothing to wait for on H2, where this is the only one.
     * A CDN purged after this fetches nothing stale from any instance.
     */
    public Duration settleTime() {
        return shared() ? lease : Duration.ZERO;
    }

    String channel() {
        return channel;
    }

    /** Identifies this process in the messages it sends; new at every start. */
    String origin() {
        return origin;
    }

    String instanceName() {
        return instanceName;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "dateline";
        }
    }
}
