package dateline.article;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a JSON Merge Patch of an article, for the contract only: {@link ArticlePatch} applies the
 * patch to the article's {@link ArticleInput} and validates the result. Every member may be left out, and
 * null removes it (RFC 7396), except the title, which an article always has.
 */
@Schema(name = "ArticleMergePatch", description = "Members present replace, null removes, absent members stay (RFC 7396). "
        + "The patched article must pass the same rules as a full replace.")
record ArticleMergePatch(
        @Schema(description = "URL slug; null keeps the current one, as an omitted slug does on replace", nullable = true) String slug,
        @Schema(description = "Cannot be removed", examples = "Kremlin fires TASS deputy head") String title,
        @Schema(nullable = true) String subtitle,
        @Schema(nullable = true) String excerpt,
        @Schema(description = "HTML, cleaned as on create", nullable = true) String body,
        @Schema(nullable = true) String imageUrl,
        @Schema(nullable = true, description = "Lead image: a media item's id") java.util.UUID leadImage,
        @Schema(description = "Section slug or id", nullable = true) String section,
        @Schema(description = "Tag slugs or ids; the list replaces the current one", nullable = true) List<String> tags,
        @Schema(description = "Author slugs or ids; the list replaces the current one", nullable = true) List<String> authors,
        @Schema(description = "BCP 47 language tag; must stay unique in the article's translation group", nullable = true) String locale,
        @Schema(description = "Curated related article ids; the list replaces the current one", nullable = true) List<UUID> related,
        @Schema(description = "Joins the translation group of this article (link as a translation); null or absent keeps the group",
                nullable = true, examples = "3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31") UUID translationOf) {
}
