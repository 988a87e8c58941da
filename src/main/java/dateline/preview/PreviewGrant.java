package dateline.preview;

import java.util.UUID;

/**
 * What a valid preview token lets delivery show: one article whatever its state, or every article
 * ({@code article} null, a site-wide preview).
 */
public record PreviewGrant(UUID token, UUID article) {
    /** The scope of a site-wide preview, as stored and signed. */
    public static final String ALL = "all";

    public boolean covers(UUID articleId) {
        return article == null || article.equals(articleId);
    }

    static String scopeOf(UUID article) {
        return article == null ? ALL : article.toString();
    }
}
