package dateline.article;

import dateline.edit.Edit;
import dateline.common.http.DeliveryChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * An article's way through its states: DRAFT, SCHEDULED, PUBLISHED, ARCHIVED, and the trash. Each
 * transition is a use case; the entity refuses the illegal ones (409), and every accepted one leaves a
 * revision and an event behind ({@link ArticleWrites}).
 */
@ApplicationScoped
public class ArticleWorkflow {
    private final ArticleWrites writes;
    private final DeliveryChanges delivery;
    private final Clock clock;

    ArticleWorkflow(ArticleWrites writes, DeliveryChanges delivery, Clock clock) {
        this.writes = writes;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Transactional
    public ArticleManageView publish(UUID id, PublishInput in, Edit edit) {
        Article article = writes.lock(id, edit, false);
        Instant now = clock.instant();
        article.publish(in == null ? null : in.publishAt(), now);
        if (article.status == ArticleStatus.SCHEDULED) {
            delivery.goesLiveAt(article.publishedAt);
            return writes.transitioned(article, now, edit, "Scheduled for " + article.publishedAt, ArticleEvent.Type.SCHEDULED);
        }
        return writes.transitioned(article, now, edit, "Published", ArticleEvent.Type.PUBLISHED);
    }

    @Transactional
    public ArticleManageView unpublish(UUID id, Edit edit) {
        Article article = writes.lock(id, edit, false);
        Instant now = clock.instant();
        article.unpublish(now);
        return writes.transitioned(article, now, edit, "Unpublished", ArticleEvent.Type.UNPUBLISHED);
    }

    @Transactional
    public ArticleManageView archive(UUID id, Edit edit) {
        Article article = writes.lock(id, edit, false);
        Instant now = clock.instant();
        article.archive(now);
        return writes.transitioned(article, now, edit, "Archived", ArticleEvent.Type.ARCHIVED);
    }

    @Transactional
    public ArticleManageView restore(UUID id, Edit edit) {
        Article article = writes.lock(id, edit, false);
        Instant now = clock.instant();
        boolean fromTrash = article.trashedAt != null;
        article.restore(now);
        if (article.status == ArticleStatus.SCHEDULED && article.liveAt != null) {
            delivery.goesLiveAt(article.liveAt);
        }
        return writes.transitioned(article, now, edit, fromTrash ? "Restored from the trash" : "Restored from the archive",
                ArticleEvent.Type.RESTORED);
    }

    /** Moves the article to the trash (restorable), or with {@code purge} deletes it and its history for good. */
    @Transactional
    public void delete(UUID id, boolean purge, Edit edit) {
        Article article = writes.lock(id, edit, true);
        Instant now = clock.instant();
        if (purge) {
            writes.purge(article, now);
            return;
        }
        article.trash(now);
        writes.transitioned(article, now, edit, "Moved to the trash", ArticleEvent.Type.TRASHED);
    }

    /** A scheduled article whose time has come: PUBLISHED now (delivery has shown it since its instant). */
    boolean goLive(Article article) {
        Instant now = clock.instant();
        if (!article.goLive(now)) {
            return false;
        }
        writes.transitioned(article, now, Edit.by("scheduler"), "Published on schedule", ArticleEvent.Type.PUBLISHED);
        return true;
    }
}
