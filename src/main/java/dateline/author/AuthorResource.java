package dateline.author;

import dateline.common.page.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public, read-only authors. */
@Path("/api/v1/authors")
@Tag(name = "Authors", description = "People in bylines")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorResource {
    private final AuthorCatalog authors;

    AuthorResource(AuthorCatalog authors) {
        this.authors = authors;
    }

    @GET
    @Operation(summary = "List authors in slug order")
    public Page<AuthorView> listAuthors(
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        return authors.page(cursor, limit, AuthorView::from);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Get one author by slug")
    public AuthorView getAuthor(@PathParam("slug") String slug) {
        return AuthorView.from(authors.bySlug(slug));
    }
}
