package dateline.author;

import dateline.common.term.TermManageResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Editors' CRUD for authors: the operations are {@link TermManageResource}'s, the rules AuthorCatalog's. */
@Path("/api/v1/manage/authors")
@Tag(name = "Manage authors", description = "Create, rename and delete authors")
public class AuthorManageResource extends TermManageResource<Author, AuthorView, AuthorInput> {
    AuthorManageResource(AuthorCatalog catalog) {
        super(catalog, AuthorView::from, catalog::create, catalog::update);
    }
}
