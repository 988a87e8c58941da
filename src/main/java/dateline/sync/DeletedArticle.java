package dateline.sync;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article a synced client must drop, and why it left. */
@Schema(name = "SyncDeletion")
public record DeletedArticle(
        @Schema(examples = "3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31") UUID id,
        @Schema(description = "unpublished (back to draft), scheduled (publication moved to a later instant), archived,"
                + " trashed, purged (deleted for good), or filtered (no longer matches the sync's section, tag or locale)",
                enumeration = {"unpublished", "scheduled", "archived", "trashed", "purged", "filtered"}, examples = "unpublished")
        String reason) {
}
