package dateline.article;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters shared by the article and headline lists. */
public class ArticleListParams {
    @QueryParam("section")
    @Parameter(description = "Only articles in this section (slug)", example = "world")
    public String section;

    @QueryParam("tag")
    @Parameter(description = "Only articles with this tag (slug); repeat for several (?tag=russia&tag=azerbaijan)",
            examples = @ExampleObject(name = "two tags", value = "[\"russia\", \"azerbaijan\"]"))
    public List<String> tag;

    @QueryParam("tagMode")
    @DefaultValue("any")
    @Parameter(description = "With several tags: articles with any of them, or with all of them",
            schema = @Schema(enumeration = {"any", "all"}, defaultValue = "any"))
    public String tagMode;

    @QueryParam("author")
    @Parameter(description = "Only articles by this author (slug)")
    public String author;

    @QueryParam("locale")
    @Parameter(description = "Only articles in this language (BCP 47)", example = "en")
    public String locale;

    @QueryParam("since")
    @Parameter(description = "Published at or after this instant or date (ISO-8601)", example = "2025-10-14")
    public String since;

    @QueryParam("until")
    @Parameter(description = "Published at or before this instant, or on or before this date (ISO-8601)", example = "2025-10-17T23:59:59Z")
    public String until;

    @QueryParam("q")
    @Parameter(description = "Full-text search in title, subtitle, excerpt and body: words, \"phrases\", -exclusions, or",
            example = "Gusman \"Moscow-Baku\" -Ankara")
    public String q;

    @QueryParam("sort")
    @DefaultValue("-publishedAt")
    @Parameter(description = "Order: newest first, oldest first, or best match (only with q)",
            schema = @Schema(enumeration = {"-publishedAt", "publishedAt", "relevance"}, defaultValue = "-publishedAt"))
    public String sort;

    @QueryParam("limit")
    @DefaultValue("20")
    @Min(1)
    @Max(100)
    @Parameter(description = "Items per page (1-100)")
    public int limit;

    @QueryParam("cursor")
    @Parameter(description = "Opaque cursor from page.next of the previous page")
    public String cursor;
}
