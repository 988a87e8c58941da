package dateline.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dateline.common.http.PageLinks;
import dateline.common.page.Page;
import dateline.common.problem.InvalidParameter;
import dateline.preview.PreviewGrant;
import dateline.preview.PreviewParams;
import dateline.preview.PreviewTokens;
import dateline.config.DatelineConfig;
import jakarta.validation.Valid;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Published articles for readers' front-ends. Drafts never appear here, except to a preview token's bearer. */
@Path("/api/v1/articles")
@Tag(name = "Articles", description = "Published articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {
    private static final Set<String> FIELDS = Set.of(ArticleView.class.getRecordComponents()).stream()
            .map(java.lang.reflect.RecordComponent::getName).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Shared with the ninjs representation of the same URL. */
    public static final String GET_ARTICLE_SUMMARY =
            "Get a published article by slug: JSON, or IPTC ninjs 3.1 (related headlines as associations) with Accept: application/ninjs+json";

    private final ArticleRepository articles;
    private final ArticleFinder finder;
    private final LiveArticleRead liveArticles;
    private final ObjectMapper json;
    private final PreviewTokens previews;
    private final Translations translations;
    private final String baseUrl;

    ArticleResource(ArticleRepository articles, ArticleFinder finder, LiveArticleRead liveArticles, ObjectMapper json, PreviewTokens previews,
                    Translations translations, DatelineConfig config) {
        this.articles = articles;
        this.finder = finder;
        this.liveArticles = liveArticles;
        this.json = json;
        this.previews = previews;
        this.translations = translations;
        this.baseUrl = config.publicBaseUrl().replaceAll("/+$", "");
    }

    @GET
    @Operation(summary = "List published articles: filter, search, and page by cursor")
    @SuppressWarnings({"unchecked", "rawtypes"})
    public RestResponse<Page<ArticleView>> listArticles(@Valid @BeanParam ArticleListParams params,
            @Parameter(description = "Comma-separated fields to include in each item", example = "title,slug,publishedAt")
            @QueryParam("fields") String fields, @Context UriInfo uri) {
        Set<String> selected = fields(fields);
        Page<ArticleView> page = finder.views(params);
        if (selected == null) {
            return PageLinks.withNext(page, page, uri);
        }
        // Same contract, fewer members: the items keep the Article schema with only the asked-for fields.
        // Written here because the framework would serialise by the declared item type.
        Page<ObjectNode> sparse = page.map(view -> json.<ObjectNode>valueToTree(view).retain(selected));
        try {
            return (RestResponse) PageLinks.withNext(json.writeValueAsString(sparse), sparse, uri);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not write a sparse article page", e);
        }
    }

    @GET
    @Path("{slug}")
    @Operation(summary = GET_ARTICLE_SUMMARY)
    @APIResponse(responseCode = "200", description = "The article; a Link header names each published translation",
            headers = @Header(name = "Link", description = "One alternate per published translation, as HTML's hreflang",
                    schema = @Schema(type = SchemaType.STRING, examples = "<http://localhost:8080/api/v1/articles/rossiya-uvolila-zamgendirektora-tass>; rel=\"alternate\"; hreflang=\"ru\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    public RestResponse<ArticleView> getArticle(@PathParam("slug") String slug, @BeanParam PreviewParams preview) {
        Optional<PreviewGrant> grant = previews.grant(preview.token());
        // The common case in one statement; a preview, an old slug or an article not out go the entity's
        // way, which answers 301, 410 or 404.
        ArticleView view = (grant.isEmpty() ? liveArticles.view(slug) : Optional.<ArticleView>empty()).orElseGet(() -> {
            Article article = articles.shown(slug, grant);
            return ArticleView.from(article, translations.of(article));
        });
        return withAlternates(RestResponse.ResponseBuilder.ok(view), view.translations(), baseUrl).build();
    }

    /** A Link header naming each translation as an alternate in its language (RFC 8288, hreflang). */
    private static <T> RestResponse.ResponseBuilder<T> withAlternates(RestResponse.ResponseBuilder<T> response,
                                                                   List<Translation> translations, String baseUrl) {
        if (!translations.isEmpty()) {
            // One header, its links comma-separated (RFC 8288), as the response cache replays it.
            response.header(HttpHeaders.LINK, translations.stream().map(t -> "<" + baseUrl + "/api/v1/articles/" + t.slug()
                    + ">; rel=\"alternate\"; hreflang=\"" + t.locale() + "\"").collect(java.util.stream.Collectors.joining(", ")));
        }
        return response;
    }

    private static Set<String> fields(String fields) {
        if (fields == null || fields.isBlank()) {
            return null;
        }
        Set<String> selected = new LinkedHashSet<>(Arrays.asList(fields.split(",")));
        selected.removeIf(String::isBlank);
        for (String field : selected) {
            if (!FIELDS.contains(field.strip())) {
                throw new InvalidParameter("fields", "unknown field '" + field.strip() + "'; known: " + new java.util.TreeSet<>(FIELDS));
            }
        }
        return selected.stream().map(String::strip).collect(java.util.stream.Collectors.toSet());
    }
}
