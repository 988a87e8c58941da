package dateline.preview;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A preview token as issued: the only answer that holds its text. */
@Schema(name = "CreatedPreview")
public record CreatedPreview(
        @Schema(description = "Revoke it with revokePreview", examples = "3f1e9c2a-7b4d-4e8f-a1c6-5d2b8e9f0a17") UUID id,
        @Schema(description = "Send as the Dateline-Preview header, or the preview query parameter, on delivery reads",
                examples = "M2YxZTljMmEtN2I0ZC00ZThmLWExYzYtNWQyYjhlOWYwYTE3fGFsbHwxNzY3NjA0NDAw.x2gX0xV1w3k5oQ0cYqV2m3Q8n6yVbqz0b4Pp1y2FQfE")
        String token,
        @Schema(nullable = true, description = "The front-end's preview address for this article (DATELINE_PREVIEW_URL_TEMPLATE); null when"
                + " none is configured, and for a site-wide preview",
                examples = "https://www.example.news/api/draft?token=M2YxZTljMmEtN2I0ZC00ZThmLWExYzYtNWQyYjhlOWYwYTE3fDlhMGMzZTFiLTJkNGYtNGE2Yi04YzdkLTFlMmYzYTRiNWM2ZHwxNzY3NjA0NDAw.x2gX0xV1w3k5oQ0cYqV2m3Q8n6yVbqz0b4Pp1y2FQfE&slug=kremlin-fires-tass-deputy-head") String url,
        @Schema(examples = "2026-01-05T10:00:00Z") Instant expiresAt,
        @Schema(description = "The article id the token previews, or all (every article, site-wide)",
                examples = "9a0c3e1b-2d4f-4a6b-8c7d-1e2f3a4b5c6d") String scope) {
}
