package dateline.tag;

import dateline.common.term.TermInput;
import dateline.common.term.TermManageResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Editors' CRUD for tags: the operations are {@link TermManageResource}'s, the rules TagCatalog's. */
@Path("/api/v1/manage/tags")
@Tag(name = "Manage tags", description = "Create, rename and delete tags")
public class TagManageResource extends TermManageResource<dateline.tag.Tag, TagView, TermInput> {
    TagManageResource(TagCatalog catalog) {
        super(catalog, t -> TagView.from(t, null), catalog::create, catalog::update);
    }
}
