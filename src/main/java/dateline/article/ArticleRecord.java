package dateline.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of an NDJSON import or export: an article with its state, references by slug. Export writes
 * every field; import needs only a title, and matches existing articles by externalId, then by id.
 */
@Schema(name = "ArticleRecord")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleRecord(
        @Schema(description = "Dateline id; kept on import when it is free") UUID id,
        @Schema(description = "The article's id in the source system; re-importing the same record changes nothing",
                examples = "cms-legacy:48213", maxLength = 200) String externalId,
        String slug, String title, String subtitle, String excerpt, String body, String imageUrl,
        @Schema(description = "Section slug") String section,
        @Schema(description = "Tag slugs") List<String> tags,
        @Schema(description = "Author slugs") List<String> authors,
        String locale,
        @Schema(description = "Curated related article ids; may name articles later in the same file") List<UUID> related,
        @Schema(description = "DRAFT when absent") ArticleStatus status,
        Instant publishedAt) {

    static ArticleRecord of(Article a) {
        RevisionContent c = RevisionContent.of(a);
        return new ArticleRecord(a.id, a.externalId, c.slug(), c.title(), c.subtitle(), c.excerpt(), c.body(), c.imageUrl(),
                c.section(), c.tags(), c.authors(), c.locale(), c.related(), c.status(), c.publishedAt());
    }

    ArticleInput toInput(List<UUID> relatedNow) {
        return new ArticleInput(slug, title, subtitle, excerpt, body, imageUrl, section, tags, authors, locale, relatedNow);
    }

    ArticleStatus statusOrDraft() {
        return status == null ? ArticleStatus.DRAFT : status;
    }

    List<UUID> relatedIds() {
        return related == null ? List.of() : related;
    }
}
