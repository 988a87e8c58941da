package dateline.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.common.page.Page;
import dateline.common.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Editors' API for articles in every state. */
@Path("/api/v1/manage/articles")
@Tag(name = "Manage articles", description = "Write, publish and unpublish articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArticleManageResource {
    private final ArticleService service;
    private final ArticleRepository articles;
    private final ObjectMapper json;

    ArticleManageResource(ArticleService service, ArticleRepository articles, ObjectMapper json) {
        this.service = service;
        this.articles = articles;
        this.json = json;
    }

    @POST
    @Operation(summary = "Create a draft article")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleManageView.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public RestResponse<ArticleManageView> createArticle(@Valid @NotNull ArticleInput in) {
        ArticleManageView created = service.create(in);
        return RestResponse.ResponseBuilder.<ArticleManageView>created(URI.create("/api/v1/manage/articles/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "List articles in every state, newest created first")
    public Page<ArticleManageView> listManagedArticles(
            @Parameter(description = "Only articles in this state") @QueryParam("status") ArticleStatus status,
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        return articles.managePage(status, cursor, limit).map(ArticleManageView::from);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an article in any state")
    public ArticleManageView getManagedArticle(@PathParam("id") UUID id) {
        return ArticleManageView.from(service.load(id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an article's content")
    @APIResponse(responseCode = "409", description = "The slug is taken",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ArticleManageView replaceArticle(@PathParam("id") UUID id, @Valid @NotNull ArticleInput in) {
        return service.replace(id, in);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an article")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteArticle(@PathParam("id") UUID id) {
        service.delete(id);
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.WILDCARD) // the body is optional: a bare POST publishes, whatever its Content-Type
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublishInput.class)))
    @Operation(summary = "Publish an article")
    @APIResponse(responseCode = "409", description = "The article is already published",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ArticleManageView publishArticle(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                                            String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return service.publish(id, null);
        }
        if (type == null || !MediaType.valueOf(type).isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new NotSupportedException();
        }
        return service.publish(id, json.readValue(body, PublishInput.class));
    }

    @POST
    @Path("{id}/unpublish")
    @Consumes(MediaType.WILDCARD) // takes no body
    @Operation(summary = "Take a published article back to draft")
    @APIResponse(responseCode = "409", description = "The article is not published",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ArticleManageView unpublishArticle(@PathParam("id") UUID id) {
        return service.unpublish(id);
    }
}
