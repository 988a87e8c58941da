package dateline.section;

import dateline.common.term.TermReadResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public, read-only sections: the operations are {@link TermReadResource}'s. */
@Path("/api/v1/sections")
@Tag(name = "Sections", description = "Desks an article is filed under")
public class SectionResource extends TermReadResource<Section, SectionView> {
    SectionResource(SectionCatalog sections) {
        super(sections, SectionView::from);
    }
}
