package dateline.article.revision;

import dateline.common.openapi.Conflicts;
import dateline.article.ArticleInput;
import dateline.article.ArticleManageResource;
import dateline.article.ArticleManageView;
import dateline.article.ArticleService;
import dateline.edit.VersionedEditHeaders;
import dateline.security.Role;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.common.page.Page;
import dateline.common.problem.InvalidParameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** An article's history: its revisions and the slugs it has had. */
@Path("/api/v1/manage/articles/{id}")
@Tag(name = "Article history", description = "Revisions of every write, diffs, restores, and former slugs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.VIEWER)
public class ArticleHistoryResource {
    private final ArticleService service;
    private final RevisionLog revisions;
    private final ObjectMapper json;

    ArticleHistoryResource(ArticleService service, RevisionLog revisions, ObjectMapper json) {
        this.service = service;
        this.revisions = revisions;
        this.json = json;
    }

    @GET
    @Path("revisions")
    @Operation(summary = "List an article's revisions, newest first (without content)")
    public Page<Revision> listRevisions(@PathParam("id") UUID id,
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        service.load(id);
        return revisions.page(id, cursor, limit);
    }

    @GET
    @Path("revisions/{number}")
    @Operation(summary = "Get one revision with its full content")
    public Revision getRevision(@PathParam("id") UUID id, @PathParam("number") int number) {
        service.load(id);
        return revisions.get(id, number);
    }

    @GET
    @Path("revisions/{number}/diff")
    @Operation(summary = "What changed between two revisions: fields with both values, the body as a unified diff")
    public RevisionDiff diffRevision(@PathParam("id") UUID id, @PathParam("number") int number,
            @Parameter(description = "The revision to compare with; defaults to the one before") @QueryParam("against") Integer against) {
        service.load(id);
        int other = against == null ? number - 1 : against;
        if (other < 1) {
            throw new InvalidParameter("against", "revision " + number + " has no earlier revision; name one with against=");
        }
        Revision a = revisions.get(id, Math.min(number, other));
        Revision b = revisions.get(id, Math.max(number, other));
        return RevisionDiff.between(a, b, json);
    }

    @POST
    @Path("revisions/{number}/restore")
    @Consumes(MediaType.WILDCARD) // takes no body
    @Operation(summary = "Write an earlier revision's content back, as a new revision (the state stays as it is)")
    @APIResponse(responseCode = "200", description = "Restored; ETag holds the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleManageView.class)))
    @Extension(name = Conflicts.NAMED, value = Conflicts.IN_TRASH + " " + Conflicts.SLUG_TAKEN)
    @RolesAllowed(Role.Names.AUTHOR)
    public RestResponse<ArticleManageView> restoreRevision(@PathParam("id") UUID id, @PathParam("number") int number,
                                                           @Valid @BeanParam VersionedEditHeaders edit) {
        ArticleInput earlier = revisions.get(id, number).content().toInput();
        return ArticleManageResource.tagged(service.restoreContent(id, earlier, edit.toEdit(), "Restored revision " + number));
    }

    @GET
    @Path("slugs")
    @Operation(summary = "Every slug the article has had, oldest first; old ones redirect (301) to the current one")
    public List<String> listSlugs(@PathParam("id") UUID id) {
        return service.slugs(id);
    }

    @DELETE
    @Path("slugs/{slug}")
    @Operation(summary = "Release a former slug: its redirect ends and other articles may take it")
    @APIResponse(responseCode = "204", description = "Released")
    @Extension(name = Conflicts.NAMED, value = Conflicts.CURRENT_SLUG)
    @RolesAllowed(Role.Names.EDITOR)
    public void releaseSlug(@PathParam("id") UUID id, @PathParam("slug") String slug) {
        service.releaseSlug(id, slug);
    }
}
