package dateline.tag;

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

/** Public, read-only tags. */
@Path("/api/v1/tags")
@Tag(name = "Tags", description = "Topic labels")
@Produces(MediaType.APPLICATION_JSON)
public class TagResource {
    private final TagCatalog tags;

    TagResource(TagCatalog tags) {
        this.tags = tags;
    }

    @GET
    @Operation(summary = "List tags in slug order")
    public Page<TagView> listTags(
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        return tags.page(cursor, limit, TagView::from);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Get one tag by slug")
    public TagView getTag(@PathParam("slug") String slug) {
        return TagView.from(tags.bySlug(slug));
    }
}
