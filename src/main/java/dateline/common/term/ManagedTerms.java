package dateline.common.term;

import dateline.edit.EditHeaders;
import dateline.common.page.Page;
import java.net.URI;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * What the manage resources of sections, tags and authors answer alike, written once: a created term is a
 * 201 with its Location, reads answer the kind's view, and a delete may move the articles to another term
 * first. The resources keep their own annotated methods, because a method's name is its operationId in the
 * contract, and answer each with one call here. The rules stay in the kind's {@link TermCatalog}.
 */
public final class ManagedTerms<E extends Term, V extends TermView, I> {
    private final String path;
    private final TermCatalog<E> catalog;
    private final Function<E, V> view;
    private final Function<I, V> create;
    private final BiFunction<UUID, I, V> replace;

    /**
     * @param path    where the resource lives; a created term's Location is {@code path/id}
     * @param create  the catalog's use case for a new term (it differs by input: an author has a bio)
     * @param replace the catalog's use case for replacing one
     */
    public ManagedTerms(String path, TermCatalog<E> catalog, Function<E, V> view,
                        Function<I, V> create, BiFunction<UUID, I, V> replace) {
        this.path = path;
        this.catalog = catalog;
        this.view = view;
        this.create = create;
        this.replace = replace;
    }

    public RestResponse<V> create(I in) {
        V created = create.apply(in);
        return RestResponse.ResponseBuilder.<V>created(URI.create(path + "/" + created.id())).entity(created).build();
    }

    public Page<V> page(String cursor, int limit) {
        return catalog.page(cursor, limit, view);
    }

    public V get(UUID id) {
        return view.apply(catalog.byId(id));
    }

    public V replace(UUID id, I in) {
        return replace.apply(id, in);
    }

    public void delete(UUID id, String reassignTo, EditHeaders edit) {
        catalog.delete(id, reassignTo, edit.toEdit());
    }
}
