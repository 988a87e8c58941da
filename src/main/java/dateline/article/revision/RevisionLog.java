package dateline.article.revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.common.page.Cursors;
import dateline.common.page.Page;
import dateline.common.problem.NotFound;
import dateline.common.sql.BatchStatement;
import dateline.common.sql.NativeSql;
import dateline.common.sql.SqlValues;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import dateline.article.Article;
import dateline.article.ArticleStatus;
import dateline.article.ArticlesWritten;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * The history of every article, append-only: each management write adds the content it left behind.
 * Restoring an old revision adds a new one; nothing here is ever rewritten.
 */
@ApplicationScoped
public class RevisionLog {
    private static final String LIST = "revisions";

    private final ObjectMapper json;
    private final Cursors cursors;

    RevisionLog(ObjectMapper json, Cursors cursors) {
        this.json = json;
        this.cursors = cursors;
    }

    /** Writes the revisions a write left behind, in its transaction. */
    void record(@Observes ArticlesWritten written) {
        if (written.created()) {
            recordFirst(written.articles(), written.actor(), written.summary());
        } else {
            written.articles().forEach(a -> record(a, written.at(), written.actor(), written.summary().apply(a)));
        }
    }

    /**
     * Adds a revision numbered after the article's last, in one statement; the writer holds the article's
     * row lock (or just created it), so numbers never clash.
     */
    private void record(Article a, Instant at, String actor, String summary) {
        new NativeSql().append("insert into article_revision (article_id, number, created_at, actor, summary, status, content)"
                        + " select ?, coalesce(max(number), 0) + 1, ?, ?, ?, ?, ? from article_revision where article_id = ?",
                a.id, at, actor, summary, a.status.name(), content(a), a.id).execute(Panache.getEntityManager());
    }

    /** The first revisions of articles just created, written in one batch: number 1, nothing to look up. */
    private void recordFirst(List<Article> created, String actor, Function<Article, String> summary) {
        insertFirst(created.stream().map(a -> new Entry(a, a.createdAt, actor, summary.apply(a))).toList());
    }

    private void insertFirst(List<Entry> entries) {
        List<String> contents = entries.stream().map(e -> content(e.article)).toList();
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (BatchStatement insert = new BatchStatement(connection, "insert into article_revision"
                    + " (article_id, number, created_at, actor, summary, status, content) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < entries.size(); i++) {
                    Entry e = entries.get(i);
                    insert.row(e.article.id, 1, e.at, e.actor, e.summary, e.article.status.name(), contents.get(i));
                }
                insert.run();
            }
        });
    }

    private String content(Article a) {
        try {
            return json.writeValueAsString(RevisionContent.of(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write revision content", e);
        }
    }

    private record Entry(Article article, Instant at, String actor, String summary) {
    }

    /** Newest first, without content. */
    public Page<Revision> page(UUID article, String cursor, int limit) {
        EntityManager em = Panache.getEntityManager();
        int before = cursor == null ? Integer.MAX_VALUE : (int) cursors.number(cursors.decode(LIST + ":" + article, cursor, 1).get(0));
        List<?> rows = em.createNativeQuery("select number, created_at, actor, summary, status from article_revision"
                        + " where article_id = ?1 and number < ?2 order by number desc")
                .setParameter(1, article).setParameter(2, before).setMaxResults(limit + 1).getResultList();
        List<Revision> revisions = rows.stream().map(r -> (Object[]) r).map(r -> new Revision(((Number) r[0]).intValue(),
                SqlValues.instant(r[1]), (String) r[2], (String) r[3], ArticleStatus.valueOf((String) r[4]), null)).toList();
        return Page.of(revisions, limit, last -> cursors.encode(LIST + ":" + article, List.of(Integer.toString(last.number()))));
    }

    public Revision get(UUID article, int number) {
        List<?> rows = Panache.getEntityManager().createNativeQuery("select number, created_at, actor, summary, status, content"
                        + " from article_revision where article_id = ?1 and number = ?2")
                .setParameter(1, article).setParameter(2, number).getResultList();
        if (rows.isEmpty()) {
            throw new NotFound("revision", number);
        }
        Object[] r = (Object[]) rows.get(0);
        try {
            return new Revision(number, SqlValues.instant(r[1]), (String) r[2], (String) r[3], ArticleStatus.valueOf((String) r[4]),
                    json.readValue(SqlValues.text(r[5]), RevisionContent.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Revision " + number + " of " + article + " is unreadable", e);
        }
    }
}
