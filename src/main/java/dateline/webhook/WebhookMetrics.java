package dateline.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What operators watch of webhooks: how many deliveries wait in the outbox (for the whole database, as
 * the dispatcher saw it on its last run; a scrape never queries the database) and how attempts end.
 */
@ApplicationScoped
@Startup // so the series exist from start, at zero, not from the first delivery
public class WebhookMetrics {
    /** How an attempt ended: accepted, to be tried again, or given up on for good. */
    enum Attempt { DELIVERED, RETRYING, FAILED }

    private final AtomicLong pending = new AtomicLong();
    private final Map<Attempt, Counter> attempts = new EnumMap<>(Attempt.class);

    WebhookMetrics(MeterRegistry registry) {
        Gauge.builder("dateline.webhook.outbox.pending", pending, AtomicLong::get)
                .description("Webhook deliveries not yet delivered or given up on, at the dispatcher's last run")
                .register(registry);
        for (Attempt attempt : Attempt.values()) {
            attempts.put(attempt, Counter.builder("dateline.webhook.attempts")
                    .description("Webhook delivery attempts by how they ended").tag("outcome", attempt.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry));
        }
    }

    void outboxHolds(long deliveries) {
        pending.set(deliveries);
    }

    void attempted(Attempt outcome) {
        attempts.get(outcome).increment();
    }
}
