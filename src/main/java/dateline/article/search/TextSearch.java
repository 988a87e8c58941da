package dateline.article.search;

import dateline.common.sql.BatchStatement;
import dateline.common.sql.NativeSql;
import dateline.i18n.Locales;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Full-text search on the database in use. PostgreSQL matches a generated tsvector, stemmed in the article's
 * language, kept with each
 * delivered article's date in the narrow, GIN-indexed article_search table, with websearch_to_tsquery and
 * ranks with ts_rank. H2 has no equivalent, so Dateline keeps a word index
 * current on every write: one BIGINT key per word of an article, {@code search_doc * 2^32 + word number}
 * (V14 in db/h2 says why), so "does this article contain the word" is one key lookup; phrases are confirmed
 * on the normalised text of the articles whose words all match. A date-ordered search's statement on
 * PostgreSQL is {@link RecentMatches}'s.
 */
@ApplicationScoped
public class TextSearch {
    private static final String CONTAINS = "exists (select 1 from search_posting p where p.posting = cast(a.search_doc as bigint) * 4294967296 + ?)";
    private static final String POST = "insert into search_posting (posting) values (?)";
    private static final int POST_ROWS = 500;
    private final boolean postgres;
    private final WordNumbers numbers;
    private final Locales locales;

    TextSearch(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind, WordNumbers numbers, Locales locales) {
        this.postgres = dbKind.startsWith("postgres");
        this.numbers = numbers;
        this.locales = locales;
    }

    /** Appends {@code and <match>} for the query to a statement over {@code article a}, where there is no {@link #matches} table (H2). */
    public void match(NativeSql sql, SearchQuery q) {
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

    /** Whether the database keeps search matches in a table of their own ({@link #matches}). */
    public boolean hasMatchTable() {
        return postgres;
    }

    /**
     * Appends a statement of the query's matches on PostgreSQL: {@code id, live_at, rank} from
     * article_search, found through its GIN index (V16 says why), ranked only when the order needs it.
     * Each row is stemmed in its own language (V23): a search in a locale parses the query with that
     * locale's configuration; a search in none parses it with each row's own, behind a test the index can
     * answer (the query as every configuration in use parses it, or-ed), so it stays an index scan.
     */
    public void matches(NativeSql sql, SearchQuery q, String locale, boolean ranked) {
        String config = locale == null ? null : Locales.searchConfiguration(locale);
        sql.append("select s.id, s.live_at, ");
        if (ranked) {
            sql.append("cast(ts_rank(s.search_vector, ");
            tsquery(sql, config, q);
            sql.append(") as double precision)");
        } else {
            sql.append("0");
        }
        sql.append(" as rank from article_search s where s.live_at is not null and ");
        match(sql, config, q);
    }

    /** Whether row {@code s} of article_search matches the query, in the configuration given or else in the row's own. */
    void match(NativeSql sql, String config, SearchQuery q) {
        sql.append("s.search_vector @@ ");
        if (config == null) {
            sql.append("(");
            List<String> configs = locales.searchConfigurations();
            for (int i = 0; i < configs.size(); i++) {
                sql.append((i == 0 ? "" : " || ") + "websearch_to_tsquery(cast(? as regconfig), ?)", configs.get(i), q.text());
            }
            sql.append(") and s.search_vector @@ ");
        }
        tsquery(sql, config, q);
    }

    /** The query in the configuration given, or else in the row's own. */
    static void tsquery(NativeSql sql, String config, SearchQuery q) {
        if (config == null) {
            sql.append("websearch_to_tsquery(s.search_config, ?)", q.text());
        } else {
            sql.append("websearch_to_tsquery(cast(? as regconfig), ?)", config, q.text());
        }
    }

    /** Appends a relevance expression (higher is better) for the query, where there is no {@link #matches} table (H2). */
    public void rank(NativeSql sql, SearchQuery q) {
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
    public void index(Searchable a) {
        index(List.of(a));
    }

    /**
     * The same for several articles: their new words are numbered together, in one transaction (an
     * import's chunk brings a new word in nearly every article, and H2 writes out its pages on every commit).
     */
    public void index(List<? extends Searchable> written) {
        if (postgres) {
            return;
        }
        List<List<String>> wordsOf = new ArrayList<>(written.size());
        Set<String> all = new LinkedHashSet<>();
        for (Searchable a : written) {
            List<String> words = new ArrayList<>();
            for (String field : a.searchedFields()) {
                if (field != null) {
                    words.addAll(SearchQuery.words(field));
                    words.add("|"); // no phrase spans two fields
                }
            }
            wordsOf.add(words);
            all.addAll(words);
        }
        all.remove("|");
        Map<String, Integer> known = numbers.assign(all);
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement docOf = connection.prepareStatement("select search_doc from article where id = ?");
                 PreparedStatement nextDoc = connection.prepareStatement("select next value for search_doc_seq");
                 BatchStatement numberDoc = new BatchStatement(connection, "update article set search_doc = ? where id = ?");
                 BatchStatement clear = new BatchStatement(connection, "delete from search_posting where posting between ? and ?");
                 BatchStatement clearText = new BatchStatement(connection, "delete from article_text where article_id = ?");
                 BatchStatement text = new BatchStatement(connection, "insert into article_text (article_id, text) values (?, ?)")) {
                LongStream.Builder postings = LongStream.builder();
                for (int i = 0; i < written.size(); i++) {
                    Searchable a = written.get(i);
                    Long doc = single(docOf, a.id());
                    if (doc == null) {
                        doc = single(nextDoc);
                        numberDoc.row(doc, a.id());
                    } else {
                        clear.row(doc << 32, (doc << 32) + 0xFFFF_FFFFL);
                    }
                    long base = doc << 32;
                    Set<String> distinct = new LinkedHashSet<>(wordsOf.get(i));
                    distinct.remove("|");
                    distinct.stream().mapToLong(w -> base + known.get(w)).sorted().forEach(postings::add);
                    clearText.row(a.id());
                    text.row(a.id(), " " + String.join(" ", wordsOf.get(i)) + " ");
                }
                numberDoc.run();
                clear.run(); // before the new postings: an article written again keeps its number
                post(connection, postings.build().toArray());
                clearText.run();
                text.run();
            }
        });
    }

    /** Drops an article's words from the H2 index before the article is deleted for good. */
    public void forget(UUID article) {
        if (postgres) {
            return;
        }
        Panache.getEntityManager().createNativeQuery("delete from search_posting where posting between"
                        + " (select cast(search_doc as bigint) * 4294967296 from article where id = ?1)"
                        + " and (select cast(search_doc as bigint) * 4294967296 + 4294967295 from article where id = ?1)")
                .setParameter(1, article).executeUpdate();
    }

    /** Inserts postings up to {@value #POST_ROWS} to a statement: for H2 far cheaper than a batch of one-row inserts. */
    private static void post(Connection connection, long[] postings) throws SQLException {
        for (int from = 0; from < postings.length; from += POST_ROWS) {
            int rows = Math.min(POST_ROWS, postings.length - from);
            try (PreparedStatement insert = connection.prepareStatement(POST + ", (?)".repeat(rows - 1))) {
                for (int i = 0; i < rows; i++) {
                    insert.setLong(i + 1, postings[from + i]);
                }
                insert.executeUpdate();
            }
        }
    }

    /** The first column of the query's single row (null when it is SQL NULL). */
    private static Long single(PreparedStatement query, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            query.setObject(i + 1, params[i]);
        }
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? null : value;
        }
    }
}
