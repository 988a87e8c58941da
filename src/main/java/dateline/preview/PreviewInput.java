package dateline.preview;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A site-wide preview asked for. Article previews are asked for on the article instead. */
@Schema(name = "PreviewInput")
public record PreviewInput(
        @Schema(description = "Only all: every article, whatever its state", examples = "all", enumeration = PreviewGrant.ALL)
        @NotNull @Pattern(regexp = PreviewGrant.ALL, message = "must be all; ask for an article's preview on the article") String scope) {
}
