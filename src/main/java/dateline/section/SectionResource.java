package dateline.section;

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

/** Public, read-only sections. */
@Path("/api/v1/sections")
@Tag(name = "Sections", description = "Desks an article is filed under")
@Produces(MediaType.APPLICATION_JSON)
public class SectionResource {
    private final SectionCatalog sections;

    SectionResource(SectionCatalog sections) {
        this.sections = sections;
    }

    @GET
    @Operation(summary = "List sections in slug order")
    public Page<SectionView> listSections(
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        return sections.page(cursor, limit, SectionView::from);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Get one section by slug")
    public SectionView getSection(@PathParam("slug") String slug) {
        return SectionView.from(sections.bySlug(slug));
    }
}
