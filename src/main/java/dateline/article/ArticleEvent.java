package dateline.article;

import java.time.Instant;
import java.util.UUID;

/**
 * Something happened to an article. Fired inside the writing transaction; observers that act outside the
 * database (webhooks, alerts) observe it {@code during = TransactionPhase.AFTER_SUCCESS}, so a rolled-back
 * write never announces anything.
 */
public record ArticleEvent(Type type, UUID articleId, String slug, String locale, UUID translationGroup, Instant at) {
    public enum Type {
        CREATED, UPDATED, SCHEDULED, PUBLISHED, UNPUBLISHED, ARCHIVED, RESTORED, TRASHED, DELETED;

        /** The name integrators see, e.g. {@code article.published}. */
        public String eventName() {
            return "article." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
