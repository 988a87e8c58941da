package dateline.media;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A media item as editors see it: the delivery image plus what the library knows of the original. */
@Schema(name = "MediaItem", requiredProperties = {"id", "contentType", "byteSize", "width", "height", "focus", "alt",
        "caption", "credit", "copyrightHolder", "source", "createdBy", "createdAt", "updatedAt", "image"})
public record MediaManageView(
        @Schema(examples = "6b1f0c2e-8a7d-4d3e-9f21-5c4b3a291e07") UUID id,
        @Schema(description = "The original's real type, judged from its bytes", examples = "image/jpeg") String contentType,
        @Schema(examples = "2483011") long byteSize,
        @Schema(description = "Upright (EXIF orientation applied)", examples = "4000") int width,
        @Schema(description = "Upright (EXIF orientation applied)", examples = "3000") int height,
        @Schema(description = "Focal point, fixed at upload: fractions from the top left") FocusView focus,
        @Schema(nullable = true) String alt,
        @Schema(nullable = true) String caption,
        @Schema(nullable = true) String credit,
        @Schema(nullable = true) String copyrightHolder,
        @Schema(nullable = true) String source,
        @Schema(nullable = true, examples = "photo-desk") String createdBy,
        @Schema(examples = "2025-10-17T14:00:00Z") Instant createdAt,
        @Schema(examples = "2025-10-17T14:05:00Z") Instant updatedAt,
        @Schema(description = "How delivery shows it") ImageView image) {

    @Schema(name = "MediaFocus")
    public record FocusView(@Schema(examples = "0.5") double x, @Schema(examples = "0.3") double y) {
    }

    static MediaManageView from(MediaItem m, MediaLinks links) {
        return new MediaManageView(m.id, m.contentType, m.byteSize, m.width, m.height, new FocusView(m.focusX, m.focusY),
                m.alt, m.caption, m.credit, m.copyrightHolder, m.source, m.createdBy, m.createdAt, m.updatedAt, links.image(m));
    }
}
