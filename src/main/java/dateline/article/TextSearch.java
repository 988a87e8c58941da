package dateline.article;

import dateline.common.sql.NativeSql;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Full-text search on the database in use. PostgreSQL matches a generated tsvector column (GIN-indexed)
 * with websearch_to_tsquery and ranks with ts_rank. H2 has no equivalent, so Dateline keeps an inverted
 * word index (article_word) current on every write; phrases are confirmed on the normalised text of the
 * candidates the index leaves.
 */
@ApplicationScoped
public class TextSearch {
    private static final int INSERT_BATCH = 500;
    private final boolean postgres;

    TextSearch(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.postgres = dbKind.startsWith("postgres");
    }

    /** Appends {@code and <match>} for the query to a statement over {@code article a}. */
    void match(NativeSql sql, SearchQuery q) {
        if (postgres) {
            sql.append(" and a.search_vector @@ websearch_to_tsquery('simple', ?)", q.text());
            return;
        }
        sql.append(" and (");
        for (int g = 0; g < q.alternatives().size(); g++) {
            sql.append(g == 0 ? "(" : " or (");
            List<SearchQuery.Clause> clauses = q.alternatives().get(g);
            for (int c = 0; c < clauses.size(); c++) {
                SearchQuery.Clause clause = clauses.get(c);
                sql.append(c == 0 ? "" : " and ").append(clause.excluded() ? "not (" : "(");
                for (int w = 0; w < clause.words().size(); w++) {
                    sql.append(w == 0 ? "" : " and ")
                            .append("exists (select 1 from article_word w where w.word = ? and w.article_id = a.id)",
                                    clause.words().get(w));
                }
                if (clause.words().size() > 1) {
                    sql.append(" and exists (select 1 from article_text x where x.article_id = a.id and x.text like ?)",
                            "% " + String.join(" ", clause.words()) + " %");
                }
                sql.append(")");
            }
            sql.append(")");
        }
        sql.append(")");
    }

    /** Appends a relevance expression (higher is better) for the query. */
    void rank(NativeSql sql, SearchQuery q) {
        if (postgres) {
            sql.append("cast(ts_rank(a.search_vector, websearch_to_tsquery('simple', ?)) as double precision)", q.text());
            return;
        }
        // A word in the title counts three times one found only in the rest of the text.
        sql.append("cast((0");
        for (String word : q.positiveWords()) {
            sql.append(" + case when lower(a.title) like ? then 3 when exists (select 1 from article_word w"
                    + " where w.word = ? and w.article_id = a.id) then 1 else 0 end", "%" + word + "%", word);
        }
        sql.append(") as double precision)");
    }

    /** Brings the H2 word index up to date with the article as just written; PostgreSQL needs nothing. */
    void index(Article a) {
        if (postgres) {
            return;
        }
        EntityManager em = Panache.getEntityManager();
        List<String> words = new ArrayList<>();
        for (String field : new String[] {a.title, a.subtitle, a.excerpt, ArticleBody.text(a.body)}) {
            if (field != null) {
                words.addAll(SearchQuery.words(field));
                words.add("|"); // no phrase spans two fields
            }
        }
        em.createNativeQuery("delete from article_word where article_id = ?1").setParameter(1, a.id).executeUpdate();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(words));
        distinct.remove("|");
        for (int from = 0; from < distinct.size(); from += INSERT_BATCH) {
            insert(em, a.id, distinct.subList(from, Math.min(distinct.size(), from + INSERT_BATCH)));
        }
        em.createNativeQuery("delete from article_text where article_id = ?1").setParameter(1, a.id).executeUpdate();
        em.createNativeQuery("insert into article_text (article_id, text) values (?1, ?2)")
                .setParameter(1, a.id).setParameter(2, " " + String.join(" ", words) + " ").executeUpdate();
    }

    private static void insert(EntityManager em, UUID id, List<String> words) {
        NativeSql sql = new NativeSql().append("insert into article_word (word, article_id) values ");
        for (int i = 0; i < words.size(); i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)", words.get(i), id);
        }
        sql.query(em).executeUpdate();
    }
}
