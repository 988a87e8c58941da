package dateline.feed;

import dateline.article.Article;
import dateline.article.ArticleRepository;
import dateline.article.ArticleResource;
import dateline.common.http.DependencyKeys;
import dateline.config.DatelineConfig;
import dateline.media.ImageView;
import dateline.media.MediaLinks;
import dateline.preview.PreviewParams;
import dateline.preview.PreviewTokens;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The article in IPTC ninjs, for news-agency integrators: chosen by {@code Accept: application/ninjs+json}
 * on the same URL as the JSON article.
 */
@Path("/api/v1/articles")
@Tag(name = "Articles")
public class NinjsResource {
    static final String NINJS = "application/ninjs+json";

    private final ArticleRepository articles;
    private final RelatedHeadlines related;
    private final PreviewTokens previews;
    private final String base;

    NinjsResource(ArticleRepository articles, RelatedHeadlines related, PreviewTokens previews, DatelineConfig config) {
        this.articles = articles;
        this.related = related;
        this.previews = previews;
        this.base = config.publicBaseUrl().replaceAll("/+$", "");
    }

    /** The lead image as a ninjs picture, its renditions named by format and width ("jpeg-320"). */
    private static Ninjs.Association picture(ImageView image) {
        List<Ninjs.Text> descriptions = new ArrayList<>();
        if (image.caption() != null) {
            descriptions.add(new Ninjs.Text("caption", "text/plain", image.caption()));
        }
        if (image.alt() != null) {
            descriptions.add(new Ninjs.Text("alt", "text/plain", image.alt()));
        }
        List<Ninjs.Rendition> renditions = image.renditions().stream()
                .map(r -> new Ninjs.Rendition(r.type().substring("image/".length()) + "-" + r.width(), r.url(), r.type(), r.width(), r.height()))
                .toList();
        String name = image.caption() != null ? image.caption() : image.alt() != null ? image.alt() : "Lead image";
        return new Ninjs.Association(name, "leadimage", "urn:uuid:" + image.id(), Ninjs.PICTURE, null, null, null,
                descriptions, image.credit(), image.copyrightHolder(), renditions);
    }

    @GET
    @Path("{slug}")
    @Produces(NINJS)
    // Same path and method as ArticleResource.getArticle: OpenAPI shows one operation with both media types.
    @Operation(operationId = "getArticle", summary = ArticleResource.GET_ARTICLE_SUMMARY)
    public Ninjs getArticleAsNinjs(@PathParam("slug") String slug, @BeanParam PreviewParams preview) {
        Article a = articles.shown(slug, previews.grant(preview.token()));
        List<Ninjs.Concept> subjects = new ArrayList<>();
        if (a.section != null) {
            subjects.add(new Ninjs.Concept(a.section.nameIn(a.locale), "section", base + "/api/v1/sections/" + a.section.slug, a.section.slug));
        }
        a.tags.forEach(t -> subjects.add(new Ninjs.Concept(t.nameIn(a.locale), "about", base + "/api/v1/tags/" + t.slug, t.slug)));
        List<Ninjs.Concept> people = a.authors.stream()
                .map(p -> new Ninjs.Concept(p.name, "author", base + "/api/v1/authors/" + p.slug, p.slug)).toList();
        List<Ninjs.Association> associations = related.curated(a).stream()
                .map(r -> Ninjs.Association.text(r.title(), "related", "urn:uuid:" + r.id(), r.publishedAt().toString(),
                        List.of(new Ninjs.Text("main", "text/plain", r.title())), r.slug()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        if (a.leadImage != null) {
            DependencyKeys.read(DependencyKeys.media(a.leadImage.id)); // its caption and credit are shown
            associations.add(0, picture(MediaLinks.current().image(a.leadImage)));
        }
        String byline = people.isEmpty() ? null : String.join(", ", people.stream().map(Ninjs.Concept::name).toList());
        return new Ninjs("urn:uuid:" + a.id, "text", Long.toString(a.version), a.createdAt.toString(),
                a.updatedAt.toString(), "usable", a.locale, a.slug, byline,
                List.of(new Ninjs.Text("main", "text/plain", a.title)),
                a.teaser == null ? List.of() : List.of(new Ninjs.Text("summary", "text/plain", a.teaser)),
                a.body == null ? List.of() : List.of(new Ninjs.Body("main", "text/html", a.wordCount, a.body)),
                subjects, people, associations);
    }
}
