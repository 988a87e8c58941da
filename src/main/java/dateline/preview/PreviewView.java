package dateline.preview;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An active preview token as listed: everything but its text, which only its creation answer shows. */
@Schema(name = "Preview")
public record PreviewView(
        @Schema(examples = "3f1e9c2a-7b4d-4e8f-a1c6-5d2b8e9f0a17") UUID id,
        @Schema(description = "The article id the token previews, or all", examples = "all") String scope,
        @Schema(description = "The token that issued it", examples = "jane.doe") String createdBy,
        @Schema(examples = "2026-01-05T09:00:00Z") Instant createdAt,
        @Schema(examples = "2026-01-05T10:00:00Z") Instant expiresAt) {

    static PreviewView from(PreviewToken t) {
        return new PreviewView(t.id, t.scope, t.createdBy, t.createdAt, t.expiresAt);
    }
}
