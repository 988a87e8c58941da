package dateline.article;

import dateline.common.term.TermRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in any state, as editors see it: the content plus status, version and curated related ids. */
@Schema(name = "ManagedArticle")
public record ArticleManageView(
        @Schema(examples = "3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31") UUID id,
        @Schema(examples = "russia-fires-tass-deputy-director-mikhail-gusman") String slug,
        @Schema(examples = "Russia Fires TASS Deputy Director Mikhail Gusman After His Visit to Azerbaijan") String title,
        @Schema(nullable = true) String subtitle,
        @Schema(nullable = true) String excerpt,
        @Schema(nullable = true) String body,
        @Schema(nullable = true) String imageUrl,
        @Schema(nullable = true, description = "Lead image: a media item's id") UUID leadImage,
        @Schema(nullable = true) TermRef section,
        List<TermRef> tags,
        List<TermRef> authors,
        @Schema(description = "Curated related article ids, in display order") List<UUID> related,
        @Schema(examples = "en") String locale,
        @Schema(description = "Id shared by the articles that tell this story in other languages; set by translationOf,"
                + " left with DELETE .../translation-group", examples = "3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31") UUID translationGroup,
        @Schema(examples = "PUBLISHED") ArticleStatus status,
        @Schema(nullable = true, examples = "2025-10-17T15:00:00Z") Instant publishedAt,
        @Schema(nullable = true, description = "When the article was moved to the trash; null when it is not there") Instant trashedAt,
        @Schema(nullable = true, description = "Its id in the system it was imported from") String externalId,
        @Schema(examples = "2025-10-17T14:30:00Z") Instant createdAt,
        @Schema(nullable = true, description = "Name of the token that created it; an AUTHOR may change only its own drafts",
                examples = "jane.doe") String createdBy,
        @Schema(examples = "2025-10-17T15:00:00Z") Instant updatedAt,
        @Schema(description = "Optimistic-locking version; grows with every write", examples = "3") long version,
        @Schema(examples = "412") int wordCount,
        @Schema(examples = "2") int readingTimeMinutes) {

    static ArticleManageView from(Article a) {
        return new ArticleManageView(a.id, a.slug, a.title, a.subtitle, a.excerpt, a.body, a.imageUrl, a.leadImage == null ? null : a.leadImage.id,
                TermRef.of(a.section), a.tags.stream().map(TermRef::of).toList(),
                a.authors.stream().map(TermRef::of).toList(), List.copyOf(a.related), a.locale, a.translationGroup, a.status,
                a.publishedAt, a.trashedAt, a.externalId, a.createdAt, a.createdBy, a.updatedAt, a.version, a.wordCount,
                ArticleBody.readingTimeMinutes(a.wordCount));
    }
}
