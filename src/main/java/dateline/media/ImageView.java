package dateline.media;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An image from the media library as delivery shows it, ready for {@code <img srcset>}. */
@Schema(name = "Image", requiredProperties = {"id", "url", "alt", "caption", "credit", "copyrightHolder", "width", "height", "renditions"})
public record ImageView(
        @Schema(examples = "6b1f0c2e-8a7d-4d3e-9f21-5c4b3a291e07") UUID id,
        @Schema(description = "A JPEG rendition to use where only one URL fits",
                examples = "http://localhost:8080/api/v1/media/6b1f0c2e-8a7d-4d3e-9f21-5c4b3a291e07/1280.jpg") String url,
        @Schema(nullable = true, examples = "Mikhail Gusman at a TASS briefing") String alt,
        @Schema(nullable = true, examples = "Mikhail Gusman in Moscow, 2019.") String caption,
        @Schema(nullable = true, examples = "Photo: Jane Doe / Agency") String credit,
        @Schema(nullable = true, examples = "Agency Ltd") String copyrightHolder,
        @Schema(description = "Width of the upright original, in pixels", examples = "4000") int width,
        @Schema(description = "Height of the upright original, in pixels", examples = "3000") int height,
        @Schema(description = "Every rendition, by format then width, smallest first: one srcset per type."
                + " Append ?ratio=16:9 (or another configured ratio) to a URL for a crop around the focal point.")
        List<Rendition> renditions) {

    /** One rendition: a {@code srcset} candidate ({@code url} + {@code width}w) of one media type. */
    @Schema(name = "ImageRendition")
    public record Rendition(
            @Schema(examples = "http://localhost:8080/api/v1/media/6b1f0c2e-8a7d-4d3e-9f21-5c4b3a291e07/320.webp") String url,
            @Schema(examples = "320") int width,
            @Schema(examples = "240") int height,
            @Schema(examples = "image/webp") String type) {
    }
}
