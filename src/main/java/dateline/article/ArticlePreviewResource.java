package dateline.article;

import dateline.common.openapi.Conflicts;
import dateline.edit.Edit;
import dateline.preview.CreatedPreview;
import dateline.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Editors ask here for a token that shows one article in delivery before it is out. */
@Path("/api/v1/manage/articles/{id}/preview")
@Tag(name = "Manage previews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD) // no body: a bare POST, whatever its Content-Type
public class ArticlePreviewResource {
    private final ArticlePreviews previews;
    private final SecurityIdentity caller;

    ArticlePreviewResource(ArticlePreviews previews, SecurityIdentity caller) {
        this.previews = previews;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Issue a short-lived token that shows this article in delivery whatever its state (an AUTHOR: its own articles)")
    @APIResponse(responseCode = "201", description = "Issued; the token is shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedPreview.class)))
    @Extension(name = Conflicts.NAMED, value = Conflicts.IN_TRASH)
    @RolesAllowed(Role.Names.AUTHOR)
    public RestResponse<CreatedPreview> previewArticle(@PathParam("id") UUID id) {
        // An AUTHOR is a token without the EDITOR role (roles include the weaker ones), as in EditHeaders.
        Edit edit = new Edit(caller.getPrincipal().getName(), !caller.hasRole(Role.Names.EDITOR), null, null);
        CreatedPreview created = previews.issue(id, edit);
        return RestResponse.ResponseBuilder.<CreatedPreview>created(URI.create("/api/v1/manage/previews/" + created.id()))
                .entity(created).build();
    }
}
