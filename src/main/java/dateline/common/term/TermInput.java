package dateline.common.term;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dateline.common.slug.Slugs;
import dateline.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an editor sends to create or replace a section or a tag. */
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt", "version"})
@Schema(name = "TermInput", description = "A section or tag as an editor writes it")
public record TermInput(
        @Schema(description = "URL slug; generated from the name when omitted, kept when omitted on replace",
                examples = "world", maxLength = Slugs.MAX_LENGTH)
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case ASCII words joined by '-'")
        String slug,
        @Schema(description = "Display name", examples = "World", required = true)
        @NotBlank @PlainText @Size(max = 200) String name,
        @Schema(description = "Names in other locales than the default, by BCP 47 tag; delivery in a locale shows the"
                + " locale's name, else the language's (pt for pt-BR), else name. Omitted on replace, the names stay.",
                examples = "{\"ru\": \"Мир\", \"az\": \"Dünya\"}", nullable = true)
        @Size(max = 50) java.util.Map<String, @NotBlank @PlainText @Size(max = 200) String> names) {

    /** A term with a name in the default locale only. */
    public TermInput(String slug, String name) {
        this(slug, name, null);
    }
}
