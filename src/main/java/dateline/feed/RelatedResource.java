package dateline.feed;

import dateline.preview.PreviewParams;
import dateline.preview.PreviewTokens;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import dateline.common.problem.InvalidParameter;
import dateline.i18n.Locales;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The related headlines under an article. */
@Path("/api/v1/articles/{slug}/related")
@Tag(name = "Headlines")
@Produces(MediaType.APPLICATION_JSON)
public class RelatedResource {
    private final RelatedHeadlines related;
    private final PreviewTokens previews;

    RelatedResource(RelatedHeadlines related, PreviewTokens previews) {
        this.related = related;
        this.previews = previews;
    }

    @GET
    @Operation(summary = "Related headlines: the editor's curated list first, then the best-scoring published articles")
    public List<HeadlineView> listRelatedHeadlines(@PathParam("slug") String slug,
            @Parameter(description = "How many headlines (1-50)") @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
            @Parameter(description = "Add each item's score and its parts") @QueryParam("explain") @DefaultValue("false") boolean explain,
            @Parameter(description = "Only ranked headlines in this language (BCP 47); without it, those in the article's language"
                    + " come first. The curated list is kept whatever its languages", example = "ru") @QueryParam("locale") String locale,
            @BeanParam PreviewParams preview) {
        String in = locale == null || locale.isBlank() ? null
                : Locales.canonical(locale).orElseThrow(() -> new InvalidParameter("locale", Locales.MALFORMED));
        return related.of(slug, in, limit, explain, previews.grant(preview.token()));
    }
}
