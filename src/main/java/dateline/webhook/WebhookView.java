package dateline.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as listed: everything but its secret. */
@Schema(name = "Webhook")
public record WebhookView(
        UUID id,
        @Schema(examples = "https://hooks.example.org/dateline") String url,
        @Schema(examples = "[\"article.published\"]") List<String> events,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    static WebhookView from(Webhook w) {
        return new WebhookView(w.id, w.url, w.eventList(), w.active, w.createdAt, w.updatedAt);
    }
}
