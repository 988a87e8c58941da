package dateline.article.revision;

import dateline.article.Article;
import dateline.article.ArticleInput;
import dateline.article.ArticleStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An article's editable content as a revision keeps it: references by slug (what an editor reads), plus
 * the state it was in. Restoring a revision writes this content back as a new revision.
 */
@Schema(name = "RevisionContent")
public record RevisionContent(
        String slug, String title, String subtitle, String excerpt, String body, String imageUrl,
        @Schema(description = "Lead image: a media item's id") UUID leadImage,
        @Schema(description = "Section slug") String section,
        @Schema(description = "Tag slugs, in display order") List<String> tags,
        @Schema(description = "Author slugs, in byline order") List<String> authors,
        List<UUID> related, String locale, String externalId, ArticleStatus status, Instant publishedAt) {

    public static RevisionContent of(Article a) {
        return new RevisionContent(a.slug, a.title, a.subtitle, a.excerpt, a.body, a.imageUrl, a.leadImage == null ? null : a.leadImage.id,
                a.section == null ? null : a.section.slug, a.tags.stream().map(t -> t.slug).toList(),
                a.authors.stream().map(t -> t.slug).toList(), List.copyOf(a.related), a.locale, a.externalId,
                a.status, a.publishedAt);
    }

    /** The content as an editor would send it to write it again. */
    public ArticleInput toInput() {
        return new ArticleInput(slug, title, subtitle, excerpt, body, imageUrl, leadImage, section, tags, authors, locale, related);
    }
}
