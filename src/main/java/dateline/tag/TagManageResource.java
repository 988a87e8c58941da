package dateline.tag;

import dateline.common.openapi.Conflicts;
import dateline.edit.EditHeaders;
import dateline.common.page.Page;
import dateline.common.term.ManagedTerms;
import dateline.common.term.TermInput;
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
 * Editors' CRUD for tags: the operations as the contract names them, each answered in one call by
 * {@link ManagedTerms}; the rules are TagCatalog's.
 */
@Path(TagManageResource.PATH)
@Tag(name = "Manage tags", description = "Create, rename and delete tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.VIEWER)
public class TagManageResource {
    static final String PATH = "/api/v1/manage/tags";

    private final ManagedTerms<dateline.tag.Tag, TagView, TermInput> tags; // plain Tag is the OpenAPI annotation in this file

    TagManageResource(TagCatalog catalog) {
        this.tags = new ManagedTerms<>(PATH, catalog, TagView::from, catalog::create, catalog::update);
    }

    @POST
    @Operation(summary = "Create a tag")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TagView.class)))
    @Extension(name = Conflicts.NAMED, value = Conflicts.SLUG_TAKEN)
    @RolesAllowed(Role.Names.EDITOR)
    public RestResponse<TagView> createTag(@Valid @NotNull TermInput in) {
        return tags.create(in);
    }

    @GET
    @Operation(summary = "List tags for editing, in slug order")
    public Page<TagView> listManagedTags(
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        return tags.page(cursor, limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a tag by id")
    public TagView getManagedTag(@PathParam("id") UUID id) {
        return tags.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a tag")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TagView.class)))
    @Extension(name = Conflicts.NAMED, value = Conflicts.SLUG_TAKEN)
    @RolesAllowed(Role.Names.EDITOR)
    public TagView updateTag(@PathParam("id") UUID id, @Valid @NotNull TermInput in) {
        return tags.replace(id, in);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a tag no article uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = Conflicts.NAMED, value = Conflicts.IN_USE)
    @RolesAllowed(Role.Names.EDITOR)
    public void deleteTag(@PathParam("id") UUID id,
            @Parameter(description = "Move the articles that use it to this tag (slug or id) first, then delete")
            @QueryParam("reassignTo") @Size(max = 120) String reassignTo,
            @Valid @BeanParam EditHeaders edit) {
        tags.delete(id, reassignTo, edit);
    }
}
