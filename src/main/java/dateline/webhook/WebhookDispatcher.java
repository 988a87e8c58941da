package dateline.webhook;

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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jboss.logging.Logger;

/**
 * Sends the outbox. Each run claims due rows with {@code FOR UPDATE SKIP LOCKED} and leases them (pushes
 * their next attempt past the send timeout) in a short transaction, so several instances never send the
 * same row at once; it then sends outside any transaction and records each outcome in its own. A crash
 * between send and record only means the row is sent again after the lease: at least once, with the
 * same {@code webhook-id} for the receiver to drop the repeat. On shutdown a run finishes the attempt it
 * is making and hands the rest of its claim back, so another instance sends them at once.
 */
@ApplicationScoped
public class WebhookDispatcher {
    static final int BATCH = 50;
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final DatelineConfig.Webhooks config;
    private final WebhookTargets targets;
    private final Clock clock;
    private final WebhookMetrics metrics;
    private final HttpClient http;
    /** Runs hold it shared; shutdown takes it exclusively to wait for the attempts in flight. */
    private final ReentrantReadWriteLock running = new ReentrantReadWriteLock();
    private volatile boolean stopping;

    WebhookDispatcher(DatelineConfig config, WebhookTargets targets, Clock clock, WebhookMetrics metrics) {
        this.config = config.webhooks();
        this.targets = targets;
        this.clock = clock;
        this.metrics = metrics;
        // Redirects are never followed: a receiver must not be able to point Dateline somewhere else.
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(identity = "webhook-dispatch", every = "${dateline.webhooks.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchScheduled() {
        while (!stopping && dispatchDue() > 0) {
            // A backlog, or later events of a subject that waited for its earlier one: keep going until
            // nothing is due (every attempt moves its row out of "due", so this ends).
        }
    }

    /** Sends the deliveries that are due; returns how many this call claimed. */
    public int dispatchDue() {
        running.readLock().lock();
        try {
            if (stopping) {
                return 0;
            }
            List<Send> claimed = QuarkusTransaction.requiringNew().call(this::claim);
            for (int i = 0; i < claimed.size(); i++) {
                if (stopping) {
                    List<UUID> unsent = claimed.subList(i, claimed.size()).stream().map(Send::id).toList();
                    QuarkusTransaction.requiringNew().run(() -> release(unsent));
                    return i;
                }
                Send send = claimed.get(i);
                Outcome outcome = deliver(send);
                QuarkusTransaction.requiringNew().run(() -> record(send.id(), outcome));
            }
            metrics.outboxHolds(QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                    .createNativeQuery("select count(*) from webhook_delivery where status = 'PENDING'").getSingleResult()).longValue()));
            return claimed.size();
        } finally {
            running.readLock().unlock();
        }
    }

    /**
     * Early in shutdown (after the HTTP drain): no new attempt starts, and this waits, at most one send
     * timeout, for the attempt in flight to be recorded.
     */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
        try {
            if (running.writeLock().tryLock(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                running.writeLock().unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void start(@Observes StartupEvent event) {
        stopping = false;
    }

    boolean stopping() {
        return stopping;
    }

    /** Gives back the lease on rows claimed but not sent: due again now, for whichever instance runs next. */
    private void release(List<UUID> ids) {
        Instant now = clock.instant();
        for (UUID id : ids) {
            WebhookDelivery delivery = WebhookDelivery.findById(id);
            if (delivery != null && delivery.status == WebhookDelivery.Status.PENDING) {
                delivery.nextAttemptAt = now;
            }
        }
    }

    private List<Send> claim() {
        Instant now = clock.instant();
        // A row waits while an earlier one about the same subject is still pending for the same webhook
        // (failing, or leased by another run), so a receiver never sees "updated" before "published".
        List<?> ids = Panache.getEntityManager().createNativeQuery("select d.id from webhook_delivery d"
                        + " where d.status = 'PENDING' and d.next_attempt_at <= ?1"
                        + " and not exists (select 1 from webhook_delivery e where e.webhook_id = d.webhook_id"
                        + " and e.subject_id = d.subject_id and e.status = 'PENDING' and e.seq < d.seq)"
                        + " order by d.seq fetch first " + BATCH + " rows only for update skip locked")
                .setParameter(1, now).getResultList();
        List<Send> sends = new ArrayList<>();
        for (UUID id : ids.stream().map(SqlValues::uuid).toList()) {
            WebhookDelivery delivery = WebhookDelivery.findById(id);
            Webhook webhook = Webhook.findById(delivery.webhookId);
            if (!webhook.active) {
                delivery.status = WebhookDelivery.Status.FAILED;
                delivery.lastError = "the webhook was deactivated";
                delivery.nextAttemptAt = null;
                continue;
            }
            delivery.nextAttemptAt = now.plus(config.timeout().multipliedBy(3)); // the lease
            sends.add(new Send(id, webhook.url, webhook.secret, delivery.event, delivery.payload));
        }
        return sends;
    }

    private Outcome deliver(Send send) {
        // Checked again at send time: the host may resolve elsewhere than when the webhook was saved.
        java.util.Optional<String> refusal = targets.refusal(URI.create(send.url()));
        if (refusal.isPresent()) {
            boolean dnsFailed = refusal.get().equals("does not resolve");
            return new Outcome(null, "Not sent: the target " + refusal.get(), 0, null, !dnsFailed);
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(send.url())).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Dateline-Webhooks/1")
                .header("webhook-id", send.id().toString())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(send.secret(), send.id().toString(), timestamp, send.payload()))
                .header("Dateline-Event", send.event())
                .POST(HttpRequest.BodyPublishers.ofString(send.payload())).build();
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null, millisSince(started),
                    response.headers().firstValue("Retry-After").map(WebhookDispatcher::seconds).orElse(null), false);
        } catch (IOException e) {
            return new Outcome(null, describe(e), millisSince(started), null, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", millisSince(started), null, false);
        }
    }

    private void record(UUID id, Outcome outcome) {
        WebhookDelivery delivery = WebhookDelivery.findById(id);
        if (delivery == null) {
            return; // its webhook was deleted meanwhile
        }
        Instant now = clock.instant();
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        delivery.lastStatusCode = outcome.status();
        delivery.lastLatencyMs = outcome.latencyMs();
        delivery.lastError = outcome.error();
        delivery.nextAttemptAt = null;
        if (outcome.succeeded()) {
            delivery.status = WebhookDelivery.Status.DELIVERED;
            delivery.deliveredAt = now;
            metrics.attempted(WebhookMetrics.Attempt.DELIVERED);
            return;
        }
        Instant next = now.plus(backoff(delivery.attempts, outcome.retryAfter()));
        if (outcome.retryable() && !next.isAfter(delivery.retryFrom.plus(config.retryWindow()))) {
            delivery.status = WebhookDelivery.Status.PENDING;
            delivery.nextAttemptAt = next;
            metrics.attempted(WebhookMetrics.Attempt.RETRYING);
        } else {
            delivery.status = WebhookDelivery.Status.FAILED;
            metrics.attempted(WebhookMetrics.Attempt.FAILED);
            LOG.infof("Webhook delivery %s (%s) failed for good after %d attempts: %s", id, delivery.event,
                    delivery.attempts, outcome.error() != null ? outcome.error() : "HTTP " + outcome.status());
        }
    }

    /** Exponential from the first retry delay, capped, with ±20% jitter so receivers coming back are not stampeded. */
    private Duration backoff(int attempts, Duration retryAfter) {
        long base = config.firstRetry().toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, config.maxRetryDelay().toMillis());
        Duration delay = Duration.ofMillis((long) (capped * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }

    private static Duration seconds(String retryAfter) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.strip())));
        } catch (NumberFormatException e) {
            return null; // an HTTP-date; the backoff applies
        }
    }

    private static long millisSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private static String describe(IOException e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private record Send(UUID id, String url, String secret, String event, String payload) {
    }

    /** What one attempt gave: a status code, or an error when no response came; refused when never sent. */
    private record Outcome(Integer status, String error, long latencyMs, Duration retryAfter, boolean refused) {
        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }

        /** Timeouts, connection errors, 5xx, 408 and 429 may pass; other answers will not change. */
        boolean retryable() {
            return !refused && (status == null || status >= 500 || status == 408 || status == 429);
        }
    }
}
