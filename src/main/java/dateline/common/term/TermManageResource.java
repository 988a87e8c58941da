package dateline.common.term;

import dateline.common.openapi.Conflicts;
import dateline.common.openapi.TermNames;
import dateline.common.page.Page;
import dateline.edit.EditHeaders;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Editors' CRUD for sections, tags and authors, written once: the kinds differ only in their path, their
 * catalog and what an author's input adds. A kind's resource is a subclass that names its path and its tag
 * and hands over its use cases; the rules stay in the kind's {@link TermCatalog}.
 * <p>
 * With operationIds taken from method names, these methods would be "create" for every kind; their
 * operationIds and texts carry placeholders instead, which {@link TermNames} fills in from the path, so that
 * the contract and the audit log still say createSection and "Create an author". The same goes for the
 * schema of a created term, which SmallRye cannot read from a {@code RestResponse<V>}: {@code ref = "{Term}"}
 * names the kind's view, as the views are named Section, Tag and Author in the contract.
 * <p>
 * Each operation names its role for the contract with {@code @SecurityRequirement} as well: Quarkus turns
 * {@code @RolesAllowed} into the contract's security requirement only for methods the resource class
 * declares, not for inherited ones. The role checks themselves do apply to inherited methods.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.VIEWER)
public abstract class TermManageResource<E extends Term, V extends TermView, I> {
    /** The security scheme TokenResource declares; its scopes on an operation are the roles that may call it. */
    private static final String BEARER = "bearerToken";

    private final TermCatalog<E> catalog;
    private final Function<E, V> view;
    private final Function<I, V> create;
    private final BiFunction<UUID, I, V> replace;

    /**
     * @param create  the catalog's use case for a new term (it differs by input: an author has a bio)
     * @param replace the catalog's use case for replacing one
     */
    protected TermManageResource(TermCatalog<E> catalog, Function<E, V> view, Function<I, V> create,
                                 BiFunction<UUID, I, V> replace) {
        this.catalog = catalog;
        this.view = view;
        this.create = create;
        this.replace = replace;
    }

    @POST
    @Operation(operationId = "create{Term}", summary = "Create {a term}")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "{Term}")))
    @Extension(name = Conflicts.NAMED, value = Conflicts.SLUG_TAKEN)
    @RolesAllowed(Role.Names.EDITOR)
    @SecurityRequirement(name = BEARER, scopes = Role.Names.EDITOR)
    public RestResponse<V> create(@Valid @NotNull I in, @Context UriInfo request) {
        V created = create.apply(in);
        URI location = request.getAbsolutePathBuilder().path(created.id().toString()).build();
        return RestResponse.ResponseBuilder.<V>created(location).entity(created).build();
    }

    @GET
    @Operation(operationId = "listManaged{Terms}", summary = "List {terms} for editing, in slug order")
    @SecurityRequirement(name = BEARER, scopes = Role.Names.VIEWER)
    public Page<V> listManaged(
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        return catalog.page(cursor, limit, view);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getManaged{Term}", summary = "Get {a term} by id")
    @SecurityRequirement(name = BEARER, scopes = Role.Names.VIEWER)
    public V getManaged(@PathParam("id") UUID id) {
        return view.apply(catalog.byId(id));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "update{Term}", summary = "Replace {a term}")
    @APIResponse(responseCode = "200", description = "Replaced")
    @Extension(name = Conflicts.NAMED, value = Conflicts.SLUG_TAKEN)
    @RolesAllowed(Role.Names.EDITOR)
    @SecurityRequirement(name = BEARER, scopes = Role.Names.EDITOR)
    public V update(@PathParam("id") UUID id, @Valid @NotNull I in) {
        return replace.apply(id, in);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "delete{Term}", summary = "Delete {a term} no article uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = Conflicts.NAMED, value = Conflicts.IN_USE)
    @RolesAllowed(Role.Names.EDITOR)
    @SecurityRequirement(name = BEARER, scopes = Role.Names.EDITOR)
    public void delete(@PathParam("id") UUID id,
            @Parameter(description = "Move the articles that use it to this {term} (slug or id) first, then delete")
            @QueryParam("reassignTo") @Size(max = 120) String reassignTo,
            @Valid @BeanParam EditHeaders edit) {
        catalog.delete(id, reassignTo, edit.toEdit());
    }
}
