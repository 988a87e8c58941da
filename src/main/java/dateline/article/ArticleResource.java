package dateline.article;

import dateline.common.page.Page;
import dateline.common.problem.NotFound;
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

/** Published articles for readers' front-ends. Drafts never appear here. */
@Path("/api/v1/articles")
@Tag(name = "Articles", description = "Published articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {
    private final ArticleRepository articles;

    ArticleResource(ArticleRepository articles) {
        this.articles = articles;
    }

    @GET
    @Operation(summary = "List published articles, newest first")
    public Page<ArticleView> listArticles(
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        return articles.publishedPage(cursor, limit).map(ArticleView::from);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Get a published article by slug")
    public ArticleView getArticle(@PathParam("slug") String slug) {
        return articles.findPublishedBySlug(slug).map(ArticleView::from).orElseThrow(() -> new NotFound("article", slug));
    }
}
