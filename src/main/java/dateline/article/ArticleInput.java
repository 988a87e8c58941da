package dateline.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dateline.common.slug.Slugs;
import dateline.common.term.TermReference;
import dateline.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An article as an editor writes it. Server-owned fields (id, status, dates, version, word count) are not
 * part of it: sent back from a read, they are ignored; any other unknown field is rejected. Section, tags
 * and authors are named by slug or id, or by the objects a read returned, so a read can be sent back whole.
 */
@JsonIgnoreProperties(value = {"id", "status", "publishedAt", "trashedAt", "externalId", "createdAt", "updatedAt", "version",
        "wordCount", "createdBy", "readingTimeMinutes", "translationGroup", "translations"})
@Schema(name = "ArticleInput")
public record ArticleInput(
        @Schema(description = "URL slug; generated from the title when omitted (kept when omitted on replace)",
                examples = "russia-fires-tass-deputy-director", maxLength = Slugs.MAX_LENGTH)
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case ASCII words joined by '-'")
        @PlainText String slug,
        @Schema(required = true, examples = "Russia Fires TASS Deputy Director Mikhail Gusman After His Visit to Azerbaijan")
        @PlainText @NotBlank @Size(max = 300) String title,
        @Schema(examples = "Diplomatic scandal strains Moscow-Baku relations") @PlainText @Size(max = 300) String subtitle,
        @Schema(examples = "TASS deputy director general dismissed after meetings in Baku.") @PlainText @Size(max = 1000) String excerpt,
        @Schema(description = "HTML; cleaned to p, h2-h4, a[href], strong, em, blockquote, ul, ol, li, figure, img[src,alt,width,height], figcaption, small, cite",
                examples = "<p>A new diplomatic scandal has erupted in Russia.</p>")
        @PlainText @Size(max = 1_000_000) String body,
        @Schema(description = "Lead image, absolute http(s) URL", examples = "https://images.example.org/gusman.jpg")
        @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$", message = "must be an absolute http or https URL") String imageUrl,
        @Schema(description = "Lead image from the media library: a media item's id (POST /api/v1/manage/media answers it)",
                examples = "6b1f0c2e-8a7d-4d3e-9f21-5c4b3a291e07") UUID leadImage,
        @Schema(description = "Section slug or id (or the section object a read returned)", examples = "world")
        @JsonDeserialize(using = TermReference.class) @PlainText @Size(max = 120) String section,
        @Schema(description = "Tag slugs or ids (or the tag objects a read returned), in display order",
                examples = "[\"russia\", \"azerbaijan\"]")
        @JsonDeserialize(contentUsing = TermReference.class) @Size(max = 50) List<@NotBlank @PlainText @Size(max = 120) String> tags,
        @Schema(description = "Author slugs or ids (or the author objects a read returned), in byline order",
                examples = "[\"jane-doe\"]")
        @JsonDeserialize(contentUsing = TermReference.class) @Size(max = 20) List<@NotBlank @PlainText @Size(max = 120) String> authors,
        @Schema(description = "BCP 47 language tag, in any spelling (pt-br is stored as pt-BR); one of the allowed locales"
                + " (dateline.locales.allowed); defaults to the default locale (en)", examples = "ru")
        @PlainText @Size(max = 35) String locale,
        @Schema(description = "Curated related articles (ids), in display order")
        @Size(max = 50) List<@NotNull UUID> related,
        @Schema(description = "The id of an article this one translates: the article joins that article's translation group,"
                + " which may hold one article per locale (409 translation-exists otherwise). Omitted, the article stays in"
                + " its group (a new article starts alone); DELETE .../translation-group takes it out.",
                examples = "3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31", nullable = true)
        UUID translationOf) {

    /** The same content without a translation link: what every writer but an editor's create or link sends. */
    public ArticleInput(String slug, String title, String subtitle, String excerpt, String body, String imageUrl, UUID leadImage,
                        String section, List<String> tags, List<String> authors, String locale, List<UUID> related) {
        this(slug, title, subtitle, excerpt, body, imageUrl, leadImage, section, tags, authors, locale, related, null);
    }

    /** The article's current content as an editor would send it to write it again. */
    public static ArticleInput of(Article a) {
        return new ArticleInput(a.slug, a.title, a.subtitle, a.excerpt, a.body, a.imageUrl, a.leadImage == null ? null : a.leadImage.id,
                a.section == null ? null : a.section.slug, a.tags.stream().map(t -> t.slug).toList(),
                a.authors.stream().map(t -> t.slug).toList(), a.locale, List.copyOf(a.related));
    }

    List<String> tagRefs() {
        return tags == null ? List.of() : tags;
    }

    List<String> authorRefs() {
        return authors == null ? List.of() : authors;
    }

    List<UUID> relatedIds() {
        return related == null ? List.of() : related;
    }
}
