package dateline.section;

import dateline.common.term.TermInput;
import dateline.common.term.TermManageResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Editors' CRUD for sections: the operations are {@link TermManageResource}'s, the rules SectionCatalog's. */
@Path("/api/v1/manage/sections")
@Tag(name = "Manage sections", description = "Create, rename and delete sections")
public class SectionManageResource extends TermManageResource<Section, SectionView, TermInput> {
    SectionManageResource(SectionCatalog catalog) {
        super(catalog, s -> SectionView.from(s, null), catalog::create, catalog::update);
    }
}
