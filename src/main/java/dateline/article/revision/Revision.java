package dateline.article.revision;

import dateline.article.ArticleStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One management write of an article: who, when, why, and the content it left behind. */
@Schema(name = "Revision")
public record Revision(
        @Schema(description = "1 for the first write, then one more per write", examples = "3") int number,
        @Schema(examples = "2025-10-17T15:00:00Z") Instant createdAt,
        @Schema(description = "Who wrote it: the name of the caller's token, or scheduler, import, demo", examples = "jane.doe") String actor,
        @Schema(nullable = true, examples = "Published") String summary,
        @Schema(examples = "PUBLISHED") ArticleStatus status,
        @Schema(nullable = true, description = "The full content; left out of lists") RevisionContent content) {

    Revision withoutContent() {
        return new Revision(number, createdAt, actor, summary, status, null);
    }
}
