package dateline.sync;

import dateline.article.ArticleView;
import dateline.feed.HeadlineView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One answer of the sync API: articles to store and articles to drop, each at most once, in commit order.
 * Articles come as headlines in {@code items}, or whole in {@code articles} for a sync started with
 * {@code full=true} (the other list is then empty), so each list has one type a client can rely on.
 * Exactly one token is set: {@code nextPageToken} while more changes wait (ask again at once),
 * {@code nextSyncToken} when the client is up to date (keep it and ask later).
 */
@Schema(name = "SyncPage")
public record SyncPage(
        @Schema(description = "Articles published or changed, as headlines (empty with full=true)") List<HeadlineView> items,
        @Schema(description = "Articles published or changed, whole (only with full=true)") List<ArticleView> articles,
        @Schema(description = "Articles to drop, with the reason they left") List<DeletedArticle> deleted,
        @Schema(nullable = true, description = "More changes are waiting: pass it back as token now") String nextPageToken,
        @Schema(nullable = true, description = "Up to date: pass it back as token on the next sync") String nextSyncToken) {
}
