package dateline.article;

import dateline.article.search.SearchKeys;
import dateline.article.search.TextSearch;
import dateline.edit.Edit;
import dateline.common.http.DeliveryChanges;
import dateline.common.problem.NotFound;
import dateline.common.problem.Preconditions;
import dateline.common.problem.ProblemException;
import dateline.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The steps every write of an article shares, whichever use case makes it: take the row lock and check
 * the caller may write (If-Match, the AUTHOR rule), then leave derived data and a revision behind and tell
 * webhooks and delivery. Editing ({@link ArticleService}) and workflow ({@link ArticleWorkflow}) both end here,
 * so no write path can forget one of them.
 */
@ApplicationScoped
class ArticleWrites {
    private final ArticleRepository articles;
    private final TextSearch search;
    private final SearchKeys searchKeys;
    private final Event<ArticlesWritten> written;
    private final Event<ArticleEvent> events;
    private final DeliveryChanges delivery;

    ArticleWrites(ArticleRepository articles, TextSearch search, SearchKeys searchKeys, Event<ArticlesWritten> written,
                  Event<ArticleEvent> events, DeliveryChanges delivery) {
        this.articles = articles;
        this.search = search;
        this.searchKeys = searchKeys;
        this.written = written;
        this.events = events;
        this.delivery = delivery;
    }

    Article lock(UUID id) {
        return articles.lockForWrite(id).orElseThrow(() -> new NotFound("article", id));
    }

    /** The article, row-locked until the transaction ends, once the caller's If-Match names its version. */
    Article lock(UUID id, Edit edit, boolean ifMatchRequired) {
        Article article = lock(id);
        if (ifMatchRequired) {
            Preconditions.required(edit.ifMatch(), article.version);
        } else {
            Preconditions.optional(edit.ifMatch(), article.version);
        }
        return article;
    }

    /**
     * An AUTHOR may change only drafts it created; stronger roles and Dateline's own writers may change
     * any article.
     */
    static void checkMayChange(Article article, Edit edit) {
        if (!edit.ownDraftsOnly()) {
            return;
        }
        if (!edit.actor().equals(article.createdBy)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "An author may only change articles it created.");
        }
        if (article.status != ArticleStatus.DRAFT || article.trashedAt != null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "An author may only change drafts; this article is "
                    + (article.trashedAt != null ? "in the trash" : article.status) + ".");
        }
    }

    /** New articles were stored: index them, record their first revisions, announce them. */
    void created(List<Article> fresh, Edit edit, Function<Article, String> summary) {
        search.index(fresh);
        written.fire(ArticlesWritten.created(fresh, edit, summary));
        fresh.forEach(a -> announce(a, ArticleEvent.Type.CREATED, a.createdAt));
    }

    /** The content of an article changed: derived data (tag timeline, H2's word index), a revision, the event. */
    void rewritten(Article article, Instant now, Edit edit, String summary) {
        articles.flush();
        articles.recordSlug(article, now);
        articles.syncTagTimeline(article);
        search.index(article);
        written.fire(ArticlesWritten.changed(article, now, edit, summary));
        announce(article, ArticleEvent.Type.UPDATED, now);
    }

    /** Finishes a change of state: derived data, a revision, and the event. */
    ArticleManageView transitioned(Article article, Instant now, Edit edit, String summary, ArticleEvent.Type type) {
        recorded(article, now, edit, summary);
        events.fire(new ArticleEvent(type, article.id, article.slug, article.locale, article.translationGroup, now));
        return ArticleManageView.from(article);
    }

    /** Derived data and a revision for a change, and the delivery change if readers can see it; no event. */
    void recorded(Article article, Instant now, Edit edit, String summary) {
        articles.flush();
        articles.syncTagTimeline(article);
        written.fire(ArticlesWritten.changed(article, now, edit, summary));
        deliveryChanged(article);
    }

    /** An article is gone for good: its words leave H2's index, and observers hear of it. */
    void purge(Article article, Instant now) {
        search.forget(article.id);
        articles.delete(article);
        announce(article, ArticleEvent.Type.DELETED, now);
    }

    /** Tells observers what happened, and the response cache whether delivery can see it. */
    private void announce(Article article, ArticleEvent.Type type, Instant now) {
        events.fire(new ArticleEvent(type, article.id, article.slug, article.locale, article.translationGroup, now));
        deliveryChanged(article);
    }

    private void deliveryChanged(Article article) {
        DeliveryFootprint footprint = article.footprint();
        if (footprint.touchesDelivery()) {
            delivery.changed(() -> {
                java.util.Set<String> keys = footprint.changedKeys();
                keys.addAll(searchKeys.ofChange(article.id, footprint.textBefore(), footprint::textNow));
                return keys;
            });
        }
    }
}
