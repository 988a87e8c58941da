package dateline.common.term;

import dateline.common.openapi.TermNames;
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
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Public reads of sections, tags and authors, written once; a kind's resource is a subclass that names its
 * path and its tag. The operationIds and summaries carry placeholders that {@link TermNames} fills in from
 * the path (listSections, "Get one author by slug"), as in {@link TermManageResource}.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class TermReadResource<E extends Term, V> {
    private final TermCatalog<E> catalog;
    private final Function<E, V> view;

    protected TermReadResource(TermCatalog<E> catalog, Function<E, V> view) {
        this.catalog = catalog;
        this.view = view;
    }

    @GET
    @Operation(operationId = "list{Terms}", summary = "List {terms} in slug order")
    public Page<V> list(
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        return catalog.page(cursor, limit, view);
    }

    @GET
    @Path("{slug}")
    @Operation(operationId = "get{Term}", summary = "Get one {term} by slug")
    public V get(@PathParam("slug") String slug) {
        return view.apply(catalog.bySlug(slug));
    }
}
