package dateline.sync;

import dateline.article.Article;
import dateline.article.ArticleEvent;
import dateline.article.ArticlesWritten;
import dateline.common.http.DeliveryCommitting;
import dateline.common.sql.JdbcValues;
import dateline.common.sql.NativeSql;
import dateline.common.term.TermEvent;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private final boolean postgres;

    SyncLog(TransactionSynchronizationRegistry transactions, Clock clock,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.transactions = transactions;
        this.clock = clock;
        this.postgres = dbKind.startsWith("postgres");
    }

    void written(@Observes ArticlesWritten written) {
        Touched touched = touched();
        written.articles().forEach(a -> {
            touched.articles.add(a.id);
            touched.written.put(a.id, new Written(a, written.created()));
        });
    }

    void articleEvent(@Observes ArticleEvent event) {
        Touched touched = touched();
        touched.articles.add(event.articleId());
        if (event.type() == ArticleEvent.Type.DELETED) {
            touched.purged.add(event.articleId()); // a purge leaves no row to write about but this event
        }
    }

    /** A renamed or deleted section, tag or author changes how every live article carrying it is shown. */
    void termChanged(@Observes TermEvent event) {
        if (event.type() != TermEvent.Type.CREATED) {
            touched().terms.add(event);
        }
    }

    /**
     * After every other observer of the commit (the change notification to other instances, CDN purges): from
     * the number's reservation to the commit every other writer waits, so nothing else runs in between.
     */
    void committing(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) DeliveryCommitting committing) {
        Touched touched = (Touched) transactions.getResource(RESOURCE);
        if (touched == null) {
            return;
        }
        EntityManager em = Panache.getEntityManager();
        em.flush();
        Set<UUID> ids = new LinkedHashSet<>(touched.articles);
        touched.terms.forEach(term -> ids.addAll(liveCarrying(term)));
        List<UUID> logged = logged(ids, touched);
        if (logged.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (List<UUID> chunk : NativeSql.chunks(logged, 500)) {
            if (postgres) {
                numberInOneStatement(em, chunk, now);
            } else {
                number(em, chunk, now);
            }
        }
    }

    /**
     * PostgreSQL: the numbers are taken and the rows moved to them in one statement, so the clock's row is
     * locked one round trip less before the commit, when every other writer waits for it.
     */
    private static void numberInOneStatement(EntityManager em, List<UUID> ids, Instant now) {
        NativeSql sql = new NativeSql().append("with c as (update sync_clock set seq = seq + ? where id = 1 returning seq)"
                + " insert into sync_change (seq, article_id, changed_at) select c.seq - ? + v.n, v.article_id, ? from c cross join (values ",
                ids.size(), ids.size(), now);
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "(?, cast(? as uuid))" : ", (?, cast(? as uuid))", i + 1, ids.get(i));
        }
        sql.append(") v (n, article_id) on conflict (article_id) do update set seq = excluded.seq, changed_at = excluded.changed_at")
                .execute(em);
    }

    /** H2, which has no writing subqueries: the numbers, then one standard MERGE moves each article's row to its own. */
    private static void number(EntityManager em, List<UUID> ids, Instant now) {
        long seq = new NativeSql().append("select seq from final table (update sync_clock set seq = seq + ? where id = 1)", ids.size())
                .list(em, row -> row.getLong(1)).get(0) - ids.size();
        NativeSql sql = new NativeSql().append("merge into sync_change c using (values ");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "(cast(? as bigint), cast(? as uuid))" : ", (cast(? as bigint), cast(? as uuid))", ++seq, ids.get(i));
        }
        sql.append(") v (seq, article_id) on c.article_id = v.article_id"
                        + " when matched then update set seq = v.seq, changed_at = cast(? as timestamp(6) with time zone)"
                        + " when not matched then insert (seq, article_id, changed_at) values (v.seq, v.article_id, cast(? as timestamp(6) with time zone))",
                now, now).execute(em);
    }

    /**
     * Of these articles, those the log speaks of: live now, or already in it (they left, or they are gone).
     * What this transaction wrote and flushed answers for itself, live or created unseen; the database is
     * asked only about the rest (purged, or touched without being loaded).
     */
    private static List<UUID> logged(Set<UUID> ids, Touched touched) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<UUID> logged = new LinkedHashSet<>();
        List<UUID> unknown = new ArrayList<>();
        for (UUID id : ids) {
            Written w = touched.written.get(id);
            if (w == null || touched.purged.contains(id)) {
                unknown.add(id);
            } else if (w.article.liveAt != null) {
                logged.add(id);
            } else if (!w.created) {
                unknown.add(id); // out of delivery now, but it may have been in it
            }
        }
        for (List<UUID> chunk : NativeSql.chunks(unknown, 500)) {
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
        private final Map<UUID, Written> written = new LinkedHashMap<>();
        private final Set<UUID> purged = new HashSet<>();
        private final List<TermEvent> terms = new ArrayList<>();
    }

    /** An article this transaction wrote, and whether it created it (then no earlier row can exist). */
    private record Written(Article article, boolean created) {
    }
}
