package dateline.audit;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit log entry. */
@Schema(name = "AuditEntry")
public record AuditEntryView(
        UUID id,
        @Schema(examples = "2026-01-05T09:00:00Z") Instant at,
        @Schema(description = "The token's name", examples = "jane.doe") String actor,
        @Schema(description = "The operation's operationId", examples = "publishArticle") String action,
        @Schema(examples = "POST") String method,
        @Schema(examples = "/api/v1/manage/articles/3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31/publish") String path,
        @Schema(nullable = true, description = "The id acted on or created", examples = "3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31") String target,
        @Schema(examples = "200") int status,
        @Schema(description = "SUCCEEDED (2xx, 3xx), REJECTED (4xx) or FAILED (5xx)", examples = "SUCCEEDED") AuditEntry.Outcome outcome) {

    static AuditEntryView from(AuditEntry e) {
        return new AuditEntryView(e.id, e.at, e.actor, e.action, e.method, e.path, e.target, e.status, e.outcome);
    }
}
