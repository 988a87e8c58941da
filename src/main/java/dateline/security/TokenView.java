package dateline.security;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token as listed: everything but its secret, which only its creation answer shows. */
@Schema(name = "Token")
public record TokenView(
        @Schema(examples = "0b7d1c52-8a3e-4f0b-9d6e-2f4a1c3b5e70") UUID id,
        @Schema(examples = "jane.doe") String name,
        @Schema(examples = "EDITOR") Role role,
        @Schema(examples = "2026-01-05T09:00:00Z") Instant createdAt,
        @Schema(description = "The token that created it", examples = "admin") String createdBy,
        @Schema(nullable = true) Instant expiresAt,
        @Schema(nullable = true, description = "When it was revoked; it has not worked since") Instant revokedAt) {

    static TokenView from(ApiToken t) {
        return new TokenView(t.id, t.name, t.role, t.createdAt, t.createdBy, t.expiresAt, t.revokedAt);
    }
}
