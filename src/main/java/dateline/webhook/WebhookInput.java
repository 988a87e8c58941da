package dateline.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook to create or replace. */
@Schema(name = "WebhookInput")
public record WebhookInput(
        @Schema(description = "Absolute http(s) URL the events are POSTed to; redirects are not followed",
                examples = "https://hooks.example.org/dateline")
        @NotBlank @Size(max = 2048) String url,
        @Schema(description = "Event names to receive", examples = "[\"article.published\", \"article.updated\"]")
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> events,
        @Schema(nullable = true, description = "Signing secret, whsec_ + base64 of 24 to 64 bytes; generated when absent on create, kept when absent on replace",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        @Size(max = 100) String secret,
        @Schema(nullable = true, description = "Inactive webhooks receive nothing; true when absent", examples = "true")
        Boolean active) {
}
