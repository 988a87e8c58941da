package dateline.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.common.http.DeliveryCommitting;
import dateline.common.sql.NativeSql;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends every change delivery can see to the other instances, from the transaction that makes it:
 * PostgreSQL delivers a NOTIFY when, and only if, that transaction commits, in commit order.
 */
@ApplicationScoped
class ChangeNotifier {
    private final ClusterChannel cluster;
    private final ObjectMapper json;
    private final Counter sent;
    private final Counter widened;

    ChangeNotifier(ClusterChannel cluster, ObjectMapper json, MeterRegistry metrics) {
        this.cluster = cluster;
        this.json = json;
        this.sent = Counter.builder("dateline.cluster.notifications.sent")
                .description("Change notifications sent to other instances").register(metrics);
        this.widened = Counter.builder("dateline.cluster.notifications.widened")
                .description("Changes with too many keys for notifications, sent as 'everything changed'").register(metrics);
    }

    void committing(@Observes DeliveryCommitting committing) {
        if (!cluster.shared()) {
            return;
        }
        ChangeMessage.Encoded encoded = ChangeMessage.encode(cluster.origin(), committing.change(), json);
        if (encoded.widened()) {
            widened.increment();
        }
        for (String payload : encoded.payloads()) {
            // A plain prepared statement: through JPA, Hibernate resolved the parameters' types anew on every
            // write, failing (and catching) an exception each time.
            new NativeSql().append("select pg_notify(?, ?)", cluster.channel(), payload).list(Panache.getEntityManager(), row -> 1);
            sent.increment();
        }
    }
}
