package dateline.author;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dateline.common.slug.Slugs;
import dateline.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an editor sends to create or replace an author. */
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt", "version"})
@Schema(name = "AuthorInput")
public record AuthorInput(
        @Schema(description = "URL slug; generated from the name when omitted, kept when omitted on replace", examples = "jane-doe")
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case ASCII words joined by '-'")
        String slug,
        @Schema(examples = "Jane Doe", required = true) @NotBlank @PlainText @Size(max = 200) String name,
        @Schema(examples = "Caucasus correspondent based in Tbilisi.") @PlainText @Size(max = 4000) String bio) {
}
