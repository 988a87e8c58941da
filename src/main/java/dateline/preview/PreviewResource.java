package dateline.preview;

import dateline.edit.Edit;
import dateline.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Site-wide preview tokens, and the list and revocation of every preview token. */
@Path("/api/v1/manage/previews")
@Tag(name = "Manage previews", description = "Short-lived tokens that show unpublished articles in delivery; list and revoke them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreviewResource {
    private final PreviewTokens previews;
    private final SecurityIdentity caller;

    PreviewResource(PreviewTokens previews, SecurityIdentity caller) {
        this.previews = previews;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Issue a short-lived site-wide token that shows every article in delivery whatever its state")
    @APIResponse(responseCode = "201", description = "Issued; the token is shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedPreview.class)))
    @RolesAllowed(Role.Names.EDITOR)
    public RestResponse<CreatedPreview> createSitePreview(@Valid @NotNull PreviewInput in) {
        CreatedPreview created = previews.issue(null, null, caller.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<CreatedPreview>created(URI.create("/api/v1/manage/previews/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Operation(summary = "List preview tokens that still work, newest first, without their text")
    @RolesAllowed(Role.Names.VIEWER)
    public List<PreviewView> listPreviews() {
        return previews.active();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a preview token on every instance; its next request sees what anyone sees (an AUTHOR: tokens it issued)")
    @APIResponse(responseCode = "204", description = "Revoked (revoking twice changes nothing)")
    @RolesAllowed(Role.Names.AUTHOR)
    public void revokePreview(@PathParam("id") UUID id) {
        // An AUTHOR is a token without the EDITOR role (roles include the weaker ones), as in EditHeaders.
        previews.revoke(id, new Edit(caller.getPrincipal().getName(), !caller.hasRole(Role.Names.EDITOR), null, null));
    }
}
