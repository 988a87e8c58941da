package dateline.tag;

import dateline.common.http.SurrogateKeys;
import dateline.common.term.TermView;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag as the API shows it. */
@Schema(name = "Tag")
public record TagView(
        @Schema(examples = "5b7c1f0e-3a1d-4c2e-9a55-0f6f5f1c2b10") UUID id,
        @Schema(examples = "azerbaijan") String slug,
        @Schema(examples = "Azerbaijan") String name) implements SurrogateKeys, TermView {

    static TagView from(Tag tag) {
        return new TagView(tag.id, tag.slug, tag.name);
    }

    @Override
    public java.util.List<String> surrogateKeys() {
        return java.util.List.of("tag-" + slug);
    }
}
