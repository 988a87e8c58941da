package dateline.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional details of a publication. */
@Schema(name = "PublishInput")
public record PublishInput(
        @Schema(description = "Publication date to show; must not lie in the future. Defaults to the first publication date, or now.",
                examples = "2025-10-17T15:00:00Z")
        Instant publishedAt) {
}
