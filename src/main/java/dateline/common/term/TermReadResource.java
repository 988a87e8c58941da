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
import java.util.function.BiFunction;
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
    private final BiFunction<E, String, V> view;

    /** {@code view} makes the term's view in a locale (null: the default locale). */
    protected TermReadResource(TermCatalog<E> catalog, BiFunction<E, String, V> view) {
        this.catalog = catalog;
        this.view = view;
    }

    @GET
    @Operation(operationId = "list{Terms}", summary = "List {terms} in slug order")
    public Page<V> list(
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = LOCALE, example = "ru") @QueryParam("locale") String locale) {
        String in = locale(locale);
        return catalog.page(cursor, limit, term -> view.apply(term, in));
    }

    @GET
    @Path("{slug}")
    @Operation(operationId = "get{Term}", summary = "Get one {term} by slug")
    public V get(@PathParam("slug") String slug,
                 @Parameter(description = LOCALE, example = "ru") @QueryParam("locale") String locale) {
        String in = locale(locale);
        return view.apply(catalog.bySlug(slug), in);
    }

    private static final String LOCALE = "Give names in this language (BCP 47) where the {term} has a name in it, else in the"
            + " default locale; slugs are the same in every language";

    private static String locale(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return dateline.i18n.Locales.canonical(tag).orElseThrow(() ->
                new dateline.common.problem.InvalidParameter("locale", dateline.i18n.Locales.MALFORMED));
    }
}
