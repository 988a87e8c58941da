package dateline.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new webhook with its signing secret: the only answer that shows it. */
@Schema(name = "CreatedWebhook")
public record CreatedWebhook(
        WebhookView webhook,
        @Schema(description = "Verify signatures with it; shown once", examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {
}
