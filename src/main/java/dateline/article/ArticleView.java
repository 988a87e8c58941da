package dateline.article;

import dateline.common.term.TermRef;
import java.time.Instant;
import java.util.List;
import dateline.common.http.DependencyKeys;
import dateline.common.http.SurrogateKeys;
import dateline.media.ImageView;
import dateline.media.MediaLinks;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published article as readers' front-ends receive it; every field is always sent, null when empty. */
@Schema(name = "Article", requiredProperties = {"id", "slug", "title", "subtitle", "excerpt", "body", "imageUrl", "leadImage", "section",
        "tags", "authors", "locale", "translationGroup", "translations", "publishedAt", "updatedAt", "wordCount", "readingTimeMinutes"})
public record ArticleView(
        @Schema(examples = "3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31") UUID id,
        @Schema(examples = "russia-fires-tass-deputy-director-mikhail-gusman") String slug,
        @Schema(examples = "Russia Fires TASS Deputy Director Mikhail Gusman After His Visit to Azerbaijan") String title,
        @Schema(nullable = true) String subtitle,
        @Schema(nullable = true, description = "The editor's excerpt, or else the first sentences of the body (about 200 characters)")
        String excerpt,
        @Schema(nullable = true, description = "Sanitised HTML", examples = "<p>A new diplomatic scandal has erupted in Russia.</p>") String body,
        @Schema(nullable = true, description = "An image hosted elsewhere, as the editor gave its URL") String imageUrl,
        @Schema(nullable = true, description = "The lead image from the media library, with its credit, caption and renditions")
        ImageView leadImage,
        @Schema(nullable = true) TermRef section,
        List<TermRef> tags,
        List<TermRef> authors,
        @Schema(description = "BCP 47 language tag; section and tag names are given in it when they have a name in it",
                examples = "en") String locale,
        @Schema(description = "Id shared by the articles that tell this story in other languages (an article alone has its own)",
                examples = "3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31") UUID translationGroup,
        @Schema(description = "The published translations, in locale order; drafts never appear. A single article's response"
                + " also names each in a Link header: <url>; rel=\"alternate\"; hreflang=\"ru\"") List<Translation> translations,
        @Schema(examples = "2025-10-17T15:00:00Z") Instant publishedAt,
        @Schema(examples = "2025-10-17T15:00:00Z") Instant updatedAt,
        @Schema(examples = "412") int wordCount,
        @Schema(examples = "2") int readingTimeMinutes) implements SurrogateKeys {

    public static ArticleView from(Article a, ArticleLocalisation localised) {
        if (a.leadImage != null) {
            // Its caption, credit and alt are shown: a new description of the image changes this response.
            DependencyKeys.read(DependencyKeys.media(a.leadImage.id));
        }
        return new ArticleView(a.id, a.slug, a.title, a.subtitle, a.teaser, a.body, a.imageUrl,
                a.leadImage == null ? null : MediaLinks.current().image(a.leadImage), a.section == null ? null
                        : new TermRef(a.section.id, a.section.slug, localised.nameOf(a.section, a.locale)),
                a.tags.stream().map(t -> new TermRef(t.id, t.slug, localised.nameOf(t, a.locale))).toList(), a.authors.stream().map(TermRef::of).toList(),
                a.locale, a.translationGroup, localised.translations(), a.publishedAt, a.updatedAt, a.wordCount, ArticleBody.readingTimeMinutes(a.wordCount));
    }

    @Override
    public List<String> surrogateKeys() {
        List<String> keys = new java.util.ArrayList<>();
        keys.add("article-" + id);
        keys.add("translations-" + translationGroup); // its translations list changes with any of them
        if (section != null) {
            keys.add("section-" + section.slug());
        }
        tags.forEach(t -> keys.add("tag-" + t.slug()));
        if (leadImage != null) {
            keys.add("media-" + leadImage.id());
        }
        return keys;
    }
}
