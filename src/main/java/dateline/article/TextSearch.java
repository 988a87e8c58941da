package dateline.article;

import dateline.common.sql.NativeSql;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Full-text search on the database in use. PostgreSQL matches a generated tsvector column (GIN-indexed)
 * with websearch_to_tsquery and ranks with ts_rank. H2 has no equivalent, so Dateline keeps a word index
 * current on every write: one BIGINT key per word of an article, {@code search_doc * 2^32 + word number}
 * (V14 in db/h2 says why), so "does this article contain the word" is one key lookup; phrases are confirmed
 * on the normalised text of the articles whose words all match.
 */
@ApplicationScoped
public class TextSearch {
    private static final int INSERT_BATCH = 500;
    private static final String CONTAINS = "exists (select 1 from search_posting p where p.posting = cast(a.search_doc as bigint) * 4294967296 + ?)";
    private final boolean postgres;
    private final WordNumbers numbers;

    TextSearch(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind, WordNumbers numbers) {
        this.postgres = dbKind.startsWith("postgres");
        this.numbers = numbers;
    }

    /** Appends {@code and <match>} for the query to a statement over {@code article a}. */
    void match(NativeSql sql, SearchQuery q) {
        if (postgres) {
            sql.append(" and a.search_vector @@ websearch_to_tsquery('simple', ?)", q.text());
            return;
        }
        Map<String, Integer> known = numbers.known(q.alternatives().stream().flatMap(List::stream).flatMap(c -> c.words().stream()).toList());
        sql.append(" and (");
        for (int g = 0; g < q.alternatives().size(); g++) {
            sql.append(g == 0 ? "(" : " or (");
            List<SearchQuery.Clause> clauses = q.alternatives().get(g);
            for (int c = 0; c < clauses.size(); c++) {
                SearchQuery.Clause clause = clauses.get(c);
                sql.append(c == 0 ? "" : " and ").append(clause.excluded() ? "not (" : "(");
                for (int w = 0; w < clause.words().size(); w++) {
                    sql.append(w == 0 ? "" : " and ").append(CONTAINS, number(known, clause.words().get(w)));
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
        Map<String, Integer> known = numbers.known(q.positiveWords());
        // A word in the title counts three times one found only in the rest of the text.
        sql.append("cast((0");
        for (String word : q.positiveWords()) {
            sql.append(" + case when lower(a.title) like ? then 3 when " + CONTAINS + " then 1 else 0 end", "%" + word + "%", number(known, word));
        }
        sql.append(") as double precision)");
    }

    private static int number(Map<String, Integer> known, String word) {
        return known.getOrDefault(word, WordNumbers.NONE);
    }

    /** Brings the H2 word index up to date with the article as just written; PostgreSQL needs nothing. */
    void index(Article a) {
        if (postgres) {
            return;
        }
        EntityManager em = Panache.getEntityManager();
        List<String> words = new ArrayList<>();
        for (String field : new String[] {a.title, a.subtitle, a.excerpt, a.bodyText()}) {
            if (field != null) {
                words.addAll(SearchQuery.words(field));
                words.add("|"); // no phrase spans two fields
            }
        }
        Set<String> distinct = new LinkedHashSet<>(words);
        distinct.remove("|");
        Map<String, Integer> known = numbers.assign(distinct);
        Object doc = em.createNativeQuery("select search_doc from article where id = ?1").setParameter(1, a.id).getSingleResult();
        long base;
        if (doc == null) {
            long next = ((Number) em.createNativeQuery("select next value for search_doc_seq").getSingleResult()).longValue();
            em.createNativeQuery("update article set search_doc = ?1 where id = ?2").setParameter(1, next).setParameter(2, a.id).executeUpdate();
            base = next << 32;
        } else {
            base = ((Number) doc).longValue() << 32;
            em.createNativeQuery("delete from search_posting where posting between ?1 and ?2")
                    .setParameter(1, base).setParameter(2, base + 0xFFFF_FFFFL).executeUpdate();
        }
        List<Long> postings = distinct.stream().map(w -> base + known.get(w)).sorted().toList();
        for (int from = 0; from < postings.size(); from += INSERT_BATCH) {
            insert(em, postings.subList(from, Math.min(postings.size(), from + INSERT_BATCH)));
        }
        em.createNativeQuery("delete from article_text where article_id = ?1").setParameter(1, a.id).executeUpdate();
        em.createNativeQuery("insert into article_text (article_id, text) values (?1, ?2)")
                .setParameter(1, a.id).setParameter(2, " " + String.join(" ", words) + " ").executeUpdate();
    }

    /** Drops an article's words from the H2 index before the article is deleted for good. */
    void forget(UUID article) {
        if (postgres) {
            return;
        }
        Panache.getEntityManager().createNativeQuery("delete from search_posting where posting between"
                        + " (select cast(search_doc as bigint) * 4294967296 from article where id = ?1)"
                        + " and (select cast(search_doc as bigint) * 4294967296 + 4294967295 from article where id = ?1)")
                .setParameter(1, article).executeUpdate();
    }

    private static void insert(EntityManager em, List<Long> postings) {
        NativeSql sql = new NativeSql().append("insert into search_posting (posting) values ");
        for (int i = 0; i < postings.size(); i++) {
            sql.append(i == 0 ? "(?)" : ", (?)", postings.get(i));
        }
        sql.query(em).executeUpdate();
    }
}
