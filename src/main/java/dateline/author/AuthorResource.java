package dateline.author;

import dateline.common.term.TermReadResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public, read-only authors: the operations are {@link TermReadResource}'s. */
@Path("/api/v1/authors")
@Tag(name = "Authors", description = "People in bylines")
public class AuthorResource extends TermReadResource<Author, AuthorView> {
    AuthorResource(AuthorCatalog authors) {
        super(authors, (author, locale) -> AuthorView.from(author));
    }
}
