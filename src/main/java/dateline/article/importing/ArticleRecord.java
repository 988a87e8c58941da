package dateline.article.importing;

import dateline.article.Article;
import dateline.article.ArticleBody;
import dateline.article.ArticleInput;
import dateline.article.ArticleStatus;
import dateline.article.revision.RevisionContent;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
        @Schema(description = "Lead image: a media item's id; the item must exist where the file is imported") UUID leadImage,
        @Schema(description = "Section slug") String section,
        @Schema(description = "Tag slugs") List<String> tags,
        @Schema(description = "Author slugs") List<String> authors,
        @Schema(description = "BCP 47 language tag; the default locale when absent", examples = "ru") String locale,
        @Schema(description = "Curated related article ids; may name articles later in the same file") List<UUID> related,
        @Schema(description = "DRAFT when absent") ArticleStatus status,
        Instant publishedAt,
        @Schema(description = "Its translation group: records with the same one are translations of each other (one per locale);"
                + " absent, a new article stands alone and an existing one keeps its group",
                examples = "3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31") UUID translationGroup) {

    static ArticleRecord of(Article a) {
        RevisionContent c = RevisionContent.of(a);
        return new ArticleRecord(a.id, a.externalId, c.slug(), c.title(), c.subtitle(), c.excerpt(), c.body(), c.imageUrl(), c.leadImage(),
                c.section(), c.tags(), c.authors(), c.locale(), c.related(), c.status(), c.publishedAt(), a.translationGroup);
    }

    ArticleInput toInput(List<UUID> relatedNow) {
        return new ArticleInput(slug, title, subtitle, excerpt, body, imageUrl, leadImage, section, tags, authors, locale, relatedNow);
    }

    ArticleStatus statusOrDraft() {
        return status == null ? ArticleStatus.DRAFT : status;
    }

    List<UUID> relatedIds() {
        return related == null ? List.of() : related;
    }

    /** Whether the article already is what this record says (with these related ids now known), so importing it changes nothing. */
    boolean describes(Article a, List<UUID> relatedNow) {
        RevisionContent now = RevisionContent.of(a);
        String tag;
        try {
            tag = locale == null ? "en" : new Locale.Builder().setLanguageTag(locale).build().toLanguageTag();
        } catch (java.util.IllformedLocaleException e) {
            return false;
        }
        return (slug == null || slug.equals(now.slug()))
                && Objects.equals(strip(title), now.title()) && Objects.equals(strip(subtitle), now.subtitle())
                && Objects.equals(strip(excerpt), now.excerpt()) && Objects.equals(ArticleBody.sanitize(body), now.body())
                && Objects.equals(strip(imageUrl), now.imageUrl()) && Objects.equals(leadImage, now.leadImage()) && Objects.equals(section, now.section())
                && Objects.equals(orEmpty(tags), now.tags()) && Objects.equals(orEmpty(authors), now.authors())
                && relatedNow.equals(now.related()) && relatedNow.size() == relatedIds().size()
                && tag.equals(now.locale()) && statusOrDraft() == now.status()
                && (publishedAt == null || publishedAt.equals(now.publishedAt()))
                && (translationGroup == null || translationGroup.equals(a.translationGroup))
                && a.trashedAt == null;
    }

    static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
