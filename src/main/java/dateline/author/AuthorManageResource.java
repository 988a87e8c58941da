package dateline.author;

import dateline.common.openapi.Conflicts;
import dateline.edit.EditHeaders;
import dateline.common.page.Page;
import dateline.common.term.ManagedTerms;
import dateline.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Editors' CRUD for authors: the operations as the contract names them, each answered in one call by
 * {@link ManagedTerms}; the rules are AuthorCatalog's.
 */
@Path(AuthorManageResource.PATH)
@Tag(name = "Manage authors", description = "Create, rename and delete authors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.VIEWER)
public class AuthorManageResource {
    static final String PATH = "/api/v1/manage/authors";

    private final ManagedTerms<Author, AuthorView, AuthorInput> authors;

    AuthorManageResource(AuthorCatalog catalog) {
        this.authors = new ManagedTerms<>(PATH, catalog, AuthorView::from, catalog::create, catalog::update);
    }

    @POST
    @Operation(summary = "Create an author")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorView.class)))
    @Extension(name = Conflicts.NAMED, value = Conflicts.SLUG_TAKEN)
    @RolesAllowed(Role.Names.EDITOR)
    public RestResponse<AuthorView> createAuthor(@Valid @NotNull AuthorInput in) {
        return authors.create(in);
    }

    @GET
    @Operation(summary = "List authors for editing, in slug order")
    public Page<AuthorView> listManagedAuthors(
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        return authors.page(cursor, limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an author by id")
    public AuthorView getManagedAuthor(@PathParam("id") UUID id) {
        return authors.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an author")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AuthorView.class)))
    @Extension(name = Conflicts.NAMED, value = Conflicts.SLUG_TAKEN)
    @RolesAllowed(Role.Names.EDITOR)
    public AuthorView updateAuthor(@PathParam("id") UUID id, @Valid @NotNull AuthorInput in) {
        return authors.replace(id, in);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an author no article uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = Conflicts.NAMED, value = Conflicts.IN_USE)
    @RolesAllowed(Role.Names.EDITOR)
    public void deleteAuthor(@PathParam("id") UUID id,
            @Parameter(description = "Move the articles that use it to this author (slug or id) first, then delete")
            @QueryParam("reassignTo") @Size(max = 120) String reassignTo,
            @Valid @BeanParam EditHeaders edit) {
        authors.delete(id, reassignTo, edit);
    }
}
