package dateline.webhook;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to one webhook: its state and its last attempt. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        @Schema(description = "Also the webhook-id header: the receiver's idempotency key") UUID id,
        @Schema(examples = "article.published") String event,
        @Schema(examples = "DELIVERED") WebhookDelivery.Status status,
        @Schema(examples = "2") int attempts,
        Instant createdAt,
        @Schema(nullable = true, description = "When the next attempt is due while PENDING") Instant nextAttemptAt,
        @Schema(nullable = true) Instant lastAttemptAt,
        @Schema(nullable = true, examples = "200") Integer lastStatusCode,
        @Schema(nullable = true, examples = "connection refused") String lastError,
        @Schema(nullable = true, examples = "35") Long lastLatencyMs,
        @Schema(nullable = true) Instant deliveredAt) {

    static DeliveryView from(WebhookDelivery d) {
        return new DeliveryView(d.id, d.event, d.status, d.attempts, d.createdAt, d.nextAttemptAt, d.lastAttemptAt,
                d.lastStatusCode, d.lastError, d.lastLatencyMs, d.deliveredAt);
    }
}
