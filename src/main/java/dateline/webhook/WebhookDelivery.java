package dateline.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one webhook: a row of the outbox, then the record of its attempts. Its id is the
 * {@code webhook-id} header, the same on every attempt, so receivers can drop repeats.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {
    public enum Status { PENDING, DELIVERED, FAILED }

    @Id
    public UUID id;
    @Column(name = "webhook_id", nullable = false)
    public UUID webhookId;
    /** What the event is about (an article's or term's id); its events reach each webhook in order. */
    @Column(name = "subject_id")
    public UUID subjectId;
    @Column(nullable = false, length = 64)
    public String event;
    @Column(nullable = false, length = 65536)
    public String payload;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error", length = 500)
    public String lastError;
    @Column(name = "last_latency_ms")
    public Long lastLatencyMs;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    /** Start of the retry window: the event, or a redelivery by hand. */
    @Column(name = "retry_from", nullable = false)
    public Instant retryFrom;

    /** Pending again from {@code now}, with a fresh retry window; the attempt count and log go on. */
    void redeliverFrom(Instant now) {
        status = Status.PENDING;
        nextAttemptAt = now;
        retryFrom = now;
    }

    static WebhookDelivery pending(UUID webhookId, UUID subjectId, String event, String payload, Instant now) {
        WebhookDelivery d = new WebhookDelivery();
        d.id = UUID.randomUUID();
        d.webhookId = webhookId;
        d.subjectId = subjectId;
        d.event = event;
        d.payload = payload;
        d.createdAt = now;
        d.status = Status.PENDING;
        d.nextAttemptAt = now;
        d.retryFrom = now;
        return d;
    }
}
