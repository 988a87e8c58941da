package dateline.article;

import dateline.article.search.TextSearch;
import dateline.common.sql.SqlValues;
import dateline.config.DatelineConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Work nobody asks for by request: scheduled articles become PUBLISHED, and the trash empties itself.
 * Several Dateline instances may share one database, so each run claims its rows with
 * {@code FOR UPDATE SKIP LOCKED}: an article due now is published (and announced) by exactly one of them.
 */
@ApplicationScoped
public class ArticleChores {
    static final int BATCH = 100;

    private final ArticleWorkflow workflow;
    private final ArticleRepository articles;
    private final TextSearch search;
    private final DatelineConfig config;
    private final Clock clock;

    ArticleChores(ArticleWorkflow workflow, ArticleRepository articles, TextSearch search, DatelineConfig config, Clock clock) {
        this.workflow = workflow;
        this.articles = articles;
        this.search = search;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "publish-due", every = "${dateline.scheduler.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDueArticles() {
        while (publishDue() == BATCH) {
            // a backlog (the service was down at publication time): keep going until it is cleared
        }
    }

    @Scheduled(identity = "empty-trash", every = "${dateline.scheduler.trash-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void emptyTrash() {
        while (purgeExpired() == BATCH) {
            // more expired articles than one batch
        }
    }

    /** Publishes the scheduled articles that are due; returns how many this call claimed. */
    @Transactional
    public int publishDue() {
        List<UUID> due = claim("status = 'SCHEDULED' and trashed_at is null and published_at <= ?1 order by published_at, id",
                clock.instant());
        for (UUID id : due) {
            articles.findByIdOptional(id).ifPresent(workflow::goLive);
        }
        return due.size();
    }

    /** Deletes, with their revisions, the articles that have been in the trash longer than the retention period. */
    @Transactional
    public int purgeExpired() {
        List<UUID> expired = claim("trashed_at < ?1 order by trashed_at, id", clock.instant().minus(config.trash().retention()));
        for (UUID id : expired) {
            search.forget(id);
            articles.deleteById(id);
        }
        return expired.size();
    }

    private static List<UUID> claim(String where, Instant at) {
        List<?> ids = Panache.getEntityManager()
                .createNativeQuery("select id from article where " + where + " fetch first " + BATCH + " rows only for update skip locked")
                .setParameter(1, at).getResultList();
        return ids.stream().map(SqlValues::uuid).toList();
    }
}
