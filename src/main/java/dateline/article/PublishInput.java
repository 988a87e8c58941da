package dateline.article;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional details of a publication. */
@Schema(name = "PublishInput")
public record PublishInput(
        @Schema(description = "When the article goes out. In the future: the article is SCHEDULED and every delivery endpoint"
                + " shows it from that instant. In the past: published now, shown with that date (back-dating)."
                + " Absent: published now, keeping the first publication date if it had one. Also accepted as publishedAt.",
                examples = "2025-10-17T15:00:00Z")
        @JsonAlias("publishedAt")
        Instant publishAt) {
}
