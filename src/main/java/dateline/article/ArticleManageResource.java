package dateline.article;

import dateline.common.openapi.Conflicts;
import dateline.edit.EditHeaders;
import dateline.edit.VersionedEditHeaders;
import dateline.security.Role;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.common.page.Page;
import dateline.common.problem.Preconditions;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Editors' API for articles in every state: content, workflow transitions, trash. */
@Path("/api/v1/manage/articles")
@Tag(name = "Manage articles", description = "Write articles, move them through DRAFT, SCHEDULED, PUBLISHED and ARCHIVED, trash and restore them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.VIEWER)
public class ArticleManageResource {
    private final ArticleService service;
    private final ArticleWorkflow workflow;
    private final ArticleRepository articles;
    private final ObjectMapper json;
    private final Validator validator;

    ArticleManageResource(ArticleService service, ArticleWorkflow workflow, ArticleRepository articles, ObjectMapper json, Validator validator) {
        this.service = service;
        this.workflow = workflow;
        this.articles = articles;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @Operation(summary = "Create a draft article")
    @APIResponse(responseCode = "201", description = "Created; ETag holds its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleManageView.class)))
    @Extension(name = Conflicts.NAMED, value = Conflicts.SLUG_TAKEN + " " + Conflicts.TRANSLATION_EXISTS)
    @RolesAllowed(Role.Names.AUTHOR)
    public RestResponse<ArticleManageView> createArticle(@Valid @NotNull ArticleInput in, @Valid @BeanParam EditHeaders edit) {
        ArticleManageView created = service.create(in, edit.toEdit());
        return RestResponse.ResponseBuilder.<ArticleManageView>created(URI.create("/api/v1/manage/articles/" + created.id()))
                .entity(created).header(HttpHeaders.ETAG, Preconditions.etag(created.version())).build();
    }

    @GET
    @Operation(summary = "List articles in every state, newest created first; the trash with trashed=true")
    public Page<ArticleManageView> listManagedArticles(
            @Parameter(description = "Only articles in this state") @QueryParam("status") ArticleStatus status,
            @Parameter(description = "List the trash instead of the other articles") @QueryParam("trashed") @DefaultValue("false") boolean trashed,
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        return articles.managePage(status, trashed, cursor, limit).map(ArticleManageView::from);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an article in any state; ETag holds its version for If-Match")
    @APIResponse(responseCode = "200", description = "The article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleManageView.class)))
    public RestResponse<ArticleManageView> getManagedArticle(@PathParam("id") UUID id) {
        return tagged(ArticleManageView.from(service.load(id)));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an article's content (If-Match required)")
    @APIResponse(responseCode = "200", description = "Replaced; ETag holds the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleManageView.class)))
    @Extension(name = Conflicts.NAMED, value = Conflicts.SLUG_TAKEN + " " + Conflicts.IN_TRASH + " " + Conflicts.TRANSLATION_EXISTS)
    @RolesAllowed(Role.Names.AUTHOR)
    public RestResponse<ArticleManageView> replaceArticle(@PathParam("id") UUID id, @Valid @NotNull ArticleInput in,
                                                          @Valid @BeanParam VersionedEditHeaders edit) {
        return tagged(service.replace(id, in, edit.toEdit()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(ArticlePatch.MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = ArticlePatch.MEDIA_TYPE, schema = @Schema(implementation = ArticleMergePatch.class),
            examples = @ExampleObject(name = "retitle", value = "{\"title\": \"Kremlin fires TASS deputy head\", \"subtitle\": null}")))
    @Operation(summary = "Change some fields of an article with a JSON Merge Patch, RFC 7396 (If-Match required)")
    @APIResponse(responseCode = "200", description = "Patched; ETag holds the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleManageView.class)))
    @Extension(name = Conflicts.NAMED, value = Conflicts.SLUG_TAKEN + " " + Conflicts.IN_TRASH + " " + Conflicts.TRANSLATION_EXISTS)
    @RolesAllowed(Role.Names.AUTHOR)
    public RestResponse<ArticleManageView> patchArticle(@PathParam("id") UUID id, String patch, @Valid @BeanParam VersionedEditHeaders edit) {
        return tagged(service.patch(id, ArticlePatch.parse(patch, json, validator), edit.toEdit()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Move an article to the trash, or delete it and its history for good with purge=true (If-Match required)")
    @APIResponse(responseCode = "204", description = "Trashed (restorable until the retention period ends) or purged")
    @Extension(name = Conflicts.NAMED, value = Conflicts.IN_TRASH)
    @RolesAllowed(Role.Names.EDITOR)
    public void deleteArticle(@PathParam("id") UUID id,
                              @Parameter(description = "Delete for good instead of trashing") @QueryParam("purge") @DefaultValue("false") boolean purge,
                              @Valid @BeanParam VersionedEditHeaders edit) {
        workflow.delete(id, purge, edit.toEdit());
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.WILDCARD) // the body is optional: a bare POST publishes, whatever its Content-Type
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublishInput.class)))
    @Operation(summary = "Publish a DRAFT or SCHEDULED article now, or schedule it with a future publishAt")
    @APIResponse(responseCode = "200", description = "PUBLISHED, or SCHEDULED when publishAt lies in the future",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleManageView.class)))
    @Extension(name = Conflicts.NAMED, value = Conflicts.ILLEGAL_TRANSITION)
    @RolesAllowed(Role.Names.EDITOR)
    public RestResponse<ArticleManageView> publishArticle(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                                                          String body, @Valid @BeanParam VersionedEditHeaders edit) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return tagged(workflow.publish(id, null, edit.toEdit()));
        }
        if (type == null || !MediaType.valueOf(type).isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new NotSupportedException();
        }
        return tagged(workflow.publish(id, json.readValue(body, PublishInput.class), edit.toEdit()));
    }

    @POST
    @Path("{id}/unpublish")
    @Consumes(MediaType.WILDCARD) // takes no body
    @Operation(summary = "Take a PUBLISHED or SCHEDULED article back to DRAFT")
    @APIResponse(responseCode = "200", description = "Back in DRAFT; ETag holds the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleManageView.class)))
    @Extension(name = Conflicts.NAMED, value = Conflicts.ILLEGAL_TRANSITION)
    @RolesAllowed(Role.Names.EDITOR)
    public RestResponse<ArticleManageView> unpublishArticle(@PathParam("id") UUID id, @Valid @BeanParam VersionedEditHeaders edit) {
        return tagged(workflow.unpublish(id, edit.toEdit()));
    }

    @POST
    @Path("{id}/archive")
    @Consumes(MediaType.WILDCARD) // takes no body
    @Operation(summary = "Archive a PUBLISHED or DRAFT article: it leaves lists and feeds, its URL answers 410")
    @APIResponse(responseCode = "200", description = "ARCHIVED; ETag holds the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleManageView.class)))
    @Extension(name = Conflicts.NAMED, value = Conflicts.ILLEGAL_TRANSITION)
    @RolesAllowed(Role.Names.EDITOR)
    public RestResponse<ArticleManageView> archiveArticle(@PathParam("id") UUID id, @Valid @BeanParam VersionedEditHeaders edit) {
        return tagged(workflow.archive(id, edit.toEdit()));
    }

    @POST
    @Path("{id}/restore")
    @Consumes(MediaType.WILDCARD) // takes no body
    @Operation(summary = "Take an article out of the trash as it was, or bring an ARCHIVED one back as a DRAFT")
    @APIResponse(responseCode = "200", description = "Restored; ETag holds the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleManageView.class)))
    @Extension(name = Conflicts.NAMED, value = Conflicts.ILLEGAL_TRANSITION)
    @RolesAllowed(Role.Names.EDITOR)
    public RestResponse<ArticleManageView> restoreArticle(@PathParam("id") UUID id, @Valid @BeanParam VersionedEditHeaders edit) {
        return tagged(workflow.restore(id, edit.toEdit()));
    }

    @DELETE
    @Path("{id}/translation-group")
    @Operation(summary = "Take an article out of its translation group: it stands alone, the other translations stay linked")
    @APIResponse(responseCode = "200", description = "Alone in a group of its own (translationGroup changed unless it was alone);"
            + " ETag holds the version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleManageView.class)))
    @RolesAllowed(Role.Names.AUTHOR)
    public RestResponse<ArticleManageView> leaveTranslationGroup(@PathParam("id") UUID id, @Valid @BeanParam VersionedEditHeaders edit) {
        return tagged(service.leaveTranslationGroup(id, edit.toEdit()));
    }

    public static RestResponse<ArticleManageView> tagged(ArticleManageView view) {
        return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, Preconditions.etag(view.version())).build();
    }
}
