package dateline.section;

import dateline.common.http.SurrogateKeys;
import dateline.common.term.TermView;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A section as the API shows it. */
@Schema(name = "Section")
public record SectionView(
        @Schema(examples = "5b7c1f0e-3a1d-4c2e-9a55-0f6f5f1c2b10") UUID id,
        @Schema(examples = "world") String slug,
        @Schema(examples = "World") String name) implements SurrogateKeys, TermView {

    static SectionView from(Section section) {
        return new SectionView(section.id, section.slug, section.name);
    }

    @Override
    public java.util.List<String> surrogateKeys() {
        return java.util.List.of("section-" + slug);
    }
}
