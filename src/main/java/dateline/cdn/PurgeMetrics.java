package dateline.cdn;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What operators watch of CDN purges: purge requests a cache accepted or failed, purges given up on, and
 * the outbox (for the whole database, as the dispatcher saw it on its last run; a scrape never queries the
 * database): rows waiting, and how long the oldest due one has waited. A growing age means the cache is
 * serving content the API has changed.
 */
@ApplicationScoped
@Startup // so the series exist from start, at zero, not from the first purge
class PurgeMetrics {
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final Counter sent;
    private final Counter failed;
    private final Counter abandoned;

    PurgeMetrics(MeterRegistry registry) {
        Gauge.builder("dateline.cdn.purge.pending", pending, AtomicLong::get)
                .description("CDN purges in the outbox (due or not yet), at the dispatcher's last run").register(registry);
        Gauge.builder("dateline.cdn.purge.oldest.age.seconds", oldestSeconds, AtomicLong::get)
                .description("How long the oldest due CDN purge has waited, at the dispatcher's last run").register(registry);
        sent = Counter.builder("dateline.cdn.purge.requests").tag("outcome", "sent")
                .description("CDN purge requests by how they ended").register(registry);
        failed = Counter.builder("dateline.cdn.purge.requests").tag("outcome", "failed")
                .description("CDN purge requests by how they ended").register(registry);
        abandoned = Counter.builder("dateline.cdn.purge.abandoned")
                .description("CDN purges given up on after their retry window").register(registry);
    }

    void outboxHolds(long rows, long oldestDueSeconds) {
        pending.set(rows);
        oldestSeconds.set(oldestDueSeconds);
    }

    void sent() {
        sent.increment();
    }

    void failed() {
        failed.increment();
    }

    void abandoned(int purges) {
        abandoned.increment(purges);
    }
}
