package dateline.media;

import dateline.common.text.PlainText;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an editor says about an image: everything but the pixels and the focal point. Sent on upload (as
 * query parameters beside the raw bytes) and replaced whole later ({@code PUT}).
 */
@Schema(name = "MediaMetadata")
public record MediaMetadata(
        @Schema(description = "Alternative text for readers who cannot see the image", examples = "Mikhail Gusman at a TASS briefing")
        @PlainText @Size(max = 1000) String alt,
        @Schema(description = "Caption shown with the image", examples = "Mikhail Gusman in Moscow, 2019.")
        @PlainText @Size(max = 2000) String caption,
        @Schema(description = "Photographer or agency, as it must be printed", examples = "Photo: Jane Doe / Agency")
        @PlainText @Size(max = 300) String credit,
        @Schema(examples = "Agency Ltd") @PlainText @Size(max = 300) String copyrightHolder,
        @Schema(description = "Where the image came from", examples = "Agency wire") @PlainText @Size(max = 300) String source) {

    /** Blank values are absent. */
    MediaMetadata normalised() {
        return new MediaMetadata(strip(alt), strip(caption), strip(credit), strip(copyrightHolder), strip(source));
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
