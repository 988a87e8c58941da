package dateline.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import dateline.article.Headline;
import java.time.Instant;
import dateline.common.http.SurrogateKeys;
import dateline.media.MediaLinks;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The compact item mobile apps list: enough to render a headline row and open the article. Every field but
 * {@code score} is always sent, null when empty, so typed clients see one shape.
 */
@Schema(name = "Headline", requiredProperties = {"id", "slug", "title", "publishedAt", "section", "excerpt", "imageUrl", "thumbnailUrl",
        "locale", "translationGroup"})
public record HeadlineView(
        @Schema(examples = "3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31") UUID id,
        @Schema(examples = "nato-and-eu-join-forces-to-build-a-drone-wall") String slug,
        @Schema(examples = "NATO and EU Join Forces to Build a \u201cDrone Wall\u201d") String title,
        @Schema(examples = "2025-10-15T12:00:00Z") Instant publishedAt,
        @Schema(nullable = true) HeadlineSection section,
        @Schema(nullable = true, description = "The editor's excerpt, or else the first sentences of the body (about 200 characters)")
        String excerpt,
        @Schema(nullable = true, description = "An image hosted elsewhere, as the editor gave its URL; null when none") String imageUrl,
        @Schema(nullable = true, description = "The smallest JPEG rendition of the lead image from the media library; null when none",
                examples = "http://localhost:8080/api/v1/media/6b1f0c2e-8a7d-4d3e-9f21-5c4b3a291e07/320.jpg") String thumbnailUrl,
        @Schema(description = "The article's BCP 47 language tag", examples = "en") String locale,
        @Schema(description = "Id shared by the article's translations (GET /articles/{slug} lists the published ones)",
                examples = "3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31") UUID translationGroup,
        // The one optional member: sent only when asked for, so plain lists stay as they were.
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Optional: only with explain=true on related headlines, why the item is listed") RelatedScore score) implements SurrogateKeys {

    /** A headline's section: just what a row shows. */
    @Schema(name = "HeadlineSection")
    public record HeadlineSection(@Schema(examples = "world") String slug,
                                  @Schema(description = "In the article's locale when the section has a name in it", examples = "World") String name) {
    }

    public static HeadlineView from(Headline h) {
        return from(h, null);
    }

    static HeadlineView from(Headline h, RelatedScore score) {
        HeadlineSection section = h.sectionSlug() == null ? null : new HeadlineSection(h.sectionSlug(), h.sectionName());
        return new HeadlineView(h.id(), h.slug(), h.title(), h.publishedAt(), section, h.excerpt(), h.imageUrl(),
                h.leadImageId() == null ? null : MediaLinks.current().thumbnail(h.leadImageId()), h.locale(), h.translationGroup(), score);
    }

    @Override
    public java.util.List<String> surrogateKeys() {
        return section == null ? java.util.List.of("article-" + id) : java.util.List.of("article-" + id, "section-" + section.slug());
    }
}
