package dateline.preview;

import dateline.common.http.HttpCaching;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * How a delivery read presents a preview token: a header, or a query parameter for front-ends that can
 * only pass URLs. Never Authorization, which delivery does not look at.
 */
public class PreviewParams {
    /** The header name; HttpCaching keeps requests carrying it out of the response cache. */
    public static final String HEADER = HttpCaching.PREVIEW_HEADER;
    /** The query parameter name. */
    public static final String QUERY = HttpCaching.PREVIEW_QUERY;

    @HeaderParam(HEADER)
    @Parameter(description = "A preview token (from previewArticle or createSitePreview): shows the article whatever its state."
            + " Invalid, expired, revoked or another article's: the answer anyone gets")
    public String header;

    @QueryParam(QUERY)
    @Parameter(description = "The preview token, for clients that can only pass URLs; the header wins when both are sent")
    public String query;

    /** The token presented, or null. */
    public String token() {
        return header != null && !header.isBlank() ? header : query;
    }
}
