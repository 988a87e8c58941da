package dateline.sync;

import dateline.article.ArticleEvent;
import dateline.article.ArticlesWritten;
import dateline.common.http.DeliveryCommitting;
import dateline.common.sql.JdbcValues;
import dateline.common.sql.NativeSql;
import dateline.common.term.TermEvent;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the sync API's change log: the articles a transaction touched get the next numbers, in the order
 * transactions commit. The numbers are taken just before the commit ({@link DeliveryCommitting}) from the
 * one row of {@code sync_clock}, which stays locked until the commit: of two writers the second waits a few
 * milliseconds for the first to commit, so a reader never sees number n without every number below it.
 * Wall-clock time could not give that: two transactions may commit in the other order than they began.
 * An article gets a row once delivery has shown it (live now, or a row already, when it leaves delivery);
 * drafts that were never out are never mentioned.
 */
@ApplicationScoped
class SyncLog {
    private static final Object RESOURCE = SyncLog.class;

    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    SyncLog(TransactionSynchronizationRegistry transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    void written(@Observes ArticlesWritten written) {
        Touched touched = touched();
        written.articles().forEach(a -> touched.articles.add(a.id));
    }

    void articleEvent(@Observes ArticleEvent event) {
        touched().articles.add(event.articleId()); // a purge leaves no row to write about but this event
    }

    /** A renamed or deleted section, tag or author changes how every live article carrying it is shown. */
    void termChanged(@Observes TermEvent event) {
        if (event.type() != TermEvent.Type.CREATED) {
            touched().terms.add(event);
        }
    }

    void committing(@Observes DeliveryCommitting committing) {
        Touched touched = (Touched) transactions.getResource(RESOURCE);
        if (touched == null) {
            return;
        }
        EntityManager em = Panache.getEntityManager();
        em.flush();
        Set<UUID> ids = new LinkedHashSet<>(touched.articles);
        touched.terms.forEach(term -> ids.addAll(liveCarrying(term)));
        List<UUID> logged = logged(ids);
        if (logged.isEmpty()) {
            return;
        }
        long last = reserve(em, logged.size());
        long seq = last - logged.size();
        Instant now = clock.instant();
        for (List<UUID> chunk : chunks(logged)) {
            new NativeSql().append("delete from sync_change where article_id in (" + NativeSql.placeholders(chunk.size()) + ")", chunk.toArray())
                    .execute(em);
        }
        for (UUID id : logged) {
            new NativeSql().append("insert into sync_change (seq, article_id, changed_at) values (?, ?, ?)", ++seq, id, now)
                    .execute(em);
        }
    }

    /** Of these articles, those the log speaks of: live now, or already in it (they left, or they are gone). */
    private static List<UUID> logged(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<UUID> logged = new LinkedHashSet<>();
        for (List<UUID> chunk : chunks(List.copyOf(ids))) {
            String in = NativeSql.placeholders(chunk.size());
            Object[] twice = new Object[chunk.size() * 2];
            for (int i = 0; i < chunk.size(); i++) {
                twice[i] = chunk.get(i);
                twice[chunk.size() + i] = chunk.get(i);
            }
            logged.addAll(new NativeSql().append("select id from article where live_at is not null and id in (" + in + ")"
                    + " union select article_id from sync_change where article_id in (" + in + ")", twice)
                    .list(Panache.getEntityManager(), row -> JdbcValues.uuid(row, 1)));
        }
        return ids.stream().filter(logged::contains).toList(); // in the order they were touched
    }

    private static List<UUID> liveCarrying(TermEvent term) {
        String where = switch (term.kind()) {
            case "section" -> "section_id = ?";
            case "tag" -> "id in (select article_id from article_tag where tag_id = ?)";
            case "author" -> "id in (select article_id from article_author where author_id = ?)";
            default -> throw new IllegalArgumentException("Unknown term kind " + term.kind());
        };
        return new NativeSql().append("select id from article where live_at is not null and " + where, term.id())
                .list(Panache.getEntityManager(), row -> JdbcValues.uuid(row, 1));
    }

    /** Takes {@code count} numbers; returns the last. The row stays locked until this transaction ends. */
    private static long reserve(EntityManager em, int count) {
        new NativeSql().append("update sync_clock set seq = seq + ? where id = 1", count).execute(em);
        return new NativeSql().append("select seq from sync_clock where id = 1").list(em, row -> row.getLong(1)).get(0);
    }

    private static List<List<UUID>> chunks(List<UUID> ids) {
        List<List<UUID>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return chunks;
    }

    private Touched touched() {
        Touched touched = (Touched) transactions.getResource(RESOURCE);
        if (touched == null) {
            touched = new Touched();
            transactions.putResource(RESOURCE, touched);
        }
        return touched;
    }

    private static final class Touched {
        private final Set<UUID> articles = new LinkedHashSet<>();
        private final List<TermEvent> terms = new ArrayList<>();
    }
}
