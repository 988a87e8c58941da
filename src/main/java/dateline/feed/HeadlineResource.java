package dateline.feed;

import dateline.article.ArticleFinder;
import dateline.article.ArticleListParams;
import dateline.common.http.PageLinks;
import dateline.common.page.Page;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The compact headline feed mobile apps poll. */
@Path("/api/v1/headlines")
@Tag(name = "Headlines", description = "Compact headline feeds and related headlines")
@Produces(MediaType.APPLICATION_JSON)
public class HeadlineResource {
    private final ArticleFinder finder;

    HeadlineResource(ArticleFinder finder) {
        this.finder = finder;
    }

    @GET
    @Operation(summary = "List headlines: the same filters and cursor paging as articles, compact items")
    public RestResponse<Page<HeadlineView>> listHeadlines(@Valid @BeanParam ArticleListParams params, @Context UriInfo uri) {
        Page<HeadlineView> page = finder.headlines(params).map(HeadlineView::from);
        return PageLinks.withNext(page, page, uri);
    }
}
