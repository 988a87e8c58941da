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
        @Schema(description = "Display name: in the locale asked for when it has one there, else the default locale's",
                examples = "World") String name,
        @Schema(description = "Names in other locales than the default, by BCP 47 tag",
                examples = "{\"ru\": \"Мир\"}") java.util.Map<String, String> names) implements SurrogateKeys, TermView {

    /** In this locale (null: the default locale's name). */
    static SectionView from(Section section, String locale) {
        return new SectionView(section.id, section.slug, section.nameIn(locale), new java.util.TreeMap<>(section.names));
    }

    @Override
    public java.util.List<String> surrogateKeys() {
        return java.util.List.of("section-" + slug);
    }
}
