package dateline.cdn;

import dateline.cluster.ClusterChannel;
import dateline.common.http.DeliveryChanged;
import dateline.common.http.SurrogateKeys;
import dateline.common.sql.SqlValues;
import dateline.config.DatelineConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends the purge outbox. Each run claims due rows with {@code FOR UPDATE SKIP LOCKED} and leases them
 * (pushes them past the time their requests may take) in a short transaction, so several instances never
 * send the same row at once; it merges the keys of the rows claimed for one endpoint into as few requests
 * as the endpoint takes, sends them outside any transaction, then deletes the rows, or schedules their
 * retry with exponential backoff. A crash between send and record only means the purge is sent again
 * after the lease; purging twice is harmless. A purge is given up on only after the retry window, logged
 * and counted: by then the cache has long expired what it purged, unless it keeps responses longer than
 * Dateline's max-age.
 */
@ApplicationScoped
public class PurgeDispatcher {
    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(PurgeDispatcher.class);

    private final DatelineConfig.Cdn config;
    private final Clock clock;
    private final PurgeMetrics metrics;
    private final HttpClient http;
    private final ClusterChannel cluster;
    /** Runs a dispatch when a purge falls due, instead of at the next scheduled run (up to `every` later). */
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dateline-cdn-purge");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    PurgeDispatcher(DatelineConfig config, Clock clock, PurgeMetrics metrics, ClusterChannel cluster) {
        this.config = config.cdn();
        this.clock = clock;
        this.metrics = metrics;
        this.cluster = cluster;
        // HTTP/1.1: no h2c upgrade offered to a Varnish; redirects are not purges.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(identity = "cdn-purge", every = "${dateline.cdn.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchScheduled() {
        if (config.purge() == DatelineConfig.Cdn.Purge.NONE) {
            return; // nothing is written; rows left from when purging was on wait until it is on again
        }
        while (!stopping && dispatchDue() > 0) {
            // A backlog over one batch: keep going until nothing is due (every row sent leaves "due").
        }
    }

    /**
     * A change committed, here or through another instance: its purges fall due once every instance has
     * applied it, and a scheduled article's at its instant; dispatch then. Any instance may claim them.
     */
    void changed(@Observes DeliveryChanged change) {
        if (config.purge() == DatelineConfig.Cdn.Purge.NONE || stopping || "off".equals(config.every())) {
            return; // "off": nothing dispatches (the suite runs the dispatcher itself)
        }
        Instant now = clock.instant();
        Duration settle = cluster.settleTime();
        if (change.everything() || !change.keys().isEmpty()) {
            wakeAt(now.plus(settle), now);
        }
        change.goLive().forEach(at -> wakeAt(at.plus(settle), now));
    }

    private void wakeAt(Instant due, Instant now) {
        // A few milliseconds on: this instance's own response cache drops what the change made stale right
        // after this observer returns, and a purge must not let a cache fetch the stale copy again.
        long delay = Math.max(0, Duration.between(now, due).toMillis()) + 5;
        waker.schedule(() -> {
            try {
                dispatchScheduled();
            } catch (RuntimeException e) {
                LOG.warnf("CDN purge run failed, retried at the next scheduled run: %s", e.getMessage());
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Sends the purges that are due; returns how many outbox rows this call claimed. */
    public int dispatchDue() {
        if (stopping) {
            return 0;
        }
        List<Batch> batches = QuarkusTransaction.requiringNew().call(this::claim);
        int claimed = 0;
        for (Batch batch : batches) {
            String error = send(batch);
            QuarkusTransaction.requiringNew().run(() -> record(batch, error));
            claimed += batch.ids().size();
        }
        QuarkusTransaction.requiringNew().run(this::measure);
        return claimed;
    }

    void start(@Observes StartupEvent event) {
        stopping = false;
    }

    /** No new run starts once shutdown begins; a row claimed and not recorded is sent again after its lease. */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
        waker.shutdownNow();
    }

    private List<Batch> claim() {
        Instant now = clock.instant();
        List<?> ids = Panache.getEntityManager().createNativeQuery("select id from cdn_purge where not_before <= ?1"
                        + " order by id fetch first " + BATCH + " rows only for update skip locked")
                .setParameter(1, now).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<CdnPurge> rows = CdnPurge.list("id in ?1 order by id", ids.stream().map(id -> ((Number) id).longValue()).toList());
        Map<String, List<CdnPurge>> byTarget = new LinkedHashMap<>();
        rows.forEach(row -> byTarget.computeIfAbsent(row.target, t -> new ArrayList<>()).add(row));
        List<Batch> batches = new ArrayList<>();
        byTarget.forEach((target, purges) -> {
            Set<String> keys = new LinkedHashSet<>();
            purges.forEach(p -> keys.addAll(p.keys()));
            // Everything purged covers every other key.
            List<String> merged = keys.contains(SurrogateKeys.EVERYTHING) ? List.of(SurrogateKeys.EVERYTHING) : List.copyOf(keys);
            Batch batch = new Batch(target, purges.stream().map(p -> p.id).toList(), requests(target, merged));
            Instant leaseEnd = now.plus(config.timeout().multipliedBy(batch.requests().size() + 2L));
            purges.forEach(p -> p.notBefore = leaseEnd);
            batches.add(batch);
        });
        return batches;
    }

    /** The requests that purge these keys at this target; none when the target cannot be reached as configured. */
    private List<HttpRequest> requests(String target, List<String> keys) {
        if (!target.equals(CdnPurge.FASTLY)) {
            return PurgeRequests.varnish(URI.create(target), keys, config.softPurge(), config.timeout());
        }
        if (config.serviceId().isEmpty() || config.apiToken().isEmpty()) {
            return List.of();
        }
        return PurgeRequests.fastly(config.apiUrl(), config.serviceId().get(), config.apiToken().get(), keys,
                config.softPurge(), config.timeout());
    }

    /** Sends every request of the batch; the first failure, or null when the endpoint accepted them all. */
    private String send(Batch batch) {
        if (batch.requests().isEmpty()) {
            return "not configured: dateline.cdn.service-id and api-token are needed for Fastly";
        }
        for (HttpRequest request : batch.requests()) {
            String error = send(request);
            if (error != null) {
                metrics.failed();
                return error;
            }
            metrics.sent();
        }
        return null;
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (IOException e) {
            String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return text.length() > 500 ? text.substring(0, 500) : text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void record(Batch batch, String error) {
        if (error == null) {
            CdnPurge.delete("id in ?1", batch.ids());
            return;
        }
        Instant now = clock.instant();
        List<CdnPurge> abandoned = new ArrayList<>();
        int attempts = 0;
        for (CdnPurge purge : CdnPurge.<CdnPurge>list("id in ?1", batch.ids())) {
            purge.attempts++;
            purge.lastAttemptAt = now;
            purge.lastError = error;
            purge.notBefore = now.plus(backoff(purge.attempts));
            attempts = Math.max(attempts, purge.attempts);
            if (purge.notBefore.isAfter(purge.retryFrom.plus(config.retryWindow()))) {
                abandoned.add(purge);
            }
        }
        LOG.warnf("CDN purge of %s failed (attempt %d, retried with backoff): %s", batch.target(), attempts, error);
        if (!abandoned.isEmpty()) {
            metrics.abandoned(abandoned.size());
            for (CdnPurge purge : abandoned) {
                LOG.errorf("CDN purge %d of %s given up on after %d attempts since %s; the cache may serve these keys stale"
                        + " until they expire: %s", purge.id, purge.target, purge.attempts, purge.retryFrom, purge.purgeKeys);
                purge.delete();
            }
        }
    }

    /** Exponential from the first retry delay, capped, with ±20% jitter so a cache coming back is not stampeded. */
    private Duration backoff(int attempts) {
        long base = config.firstRetry().toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, config.maxRetryDelay().toMillis());
        return Duration.ofMillis((long) (capped * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    private void measure() {
        Instant now = clock.instant();
        Object[] row = (Object[]) Panache.getEntityManager().createNativeQuery(
                        "select count(*), min(case when retry_from <= ?1 then retry_from end) from cdn_purge")
                .setParameter(1, now).getSingleResult();
        Instant oldest = row[1] == null ? null : SqlValues.instant(row[1]);
        metrics.outboxHolds(((Number) row[0]).longValue(), oldest == null ? 0 : Duration.between(oldest, now).toSeconds());
    }

    /** The rows claimed for one endpoint and the requests that purge all their keys. */
    private record Batch(String target, List<Long> ids, List<HttpRequest> requests) {
    }
}
