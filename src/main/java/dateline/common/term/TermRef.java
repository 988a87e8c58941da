package dateline.common.term;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A section, tag or author as embedded in an article. */
@Schema(name = "TermRef")
public record TermRef(
        @Schema(examples = "5b7c1f0e-3a1d-4c2e-9a55-0f6f5f1c2b10") UUID id,
        @Schema(examples = "azerbaijan") String slug,
        @Schema(description = "In the article's locale when the section or tag has a name in it; else the default locale's",
                examples = "Azerbaijan") String name) {

    public static TermRef of(Term term) {
        return term == null ? null : new TermRef(term.id, term.slug, term.name);
    }
}
