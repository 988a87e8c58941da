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
import java.util.function.Consumer;
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
 * on the normalised text of the articles whose words all match.
 */
@ApplicationScoped
public class TextSearch {
    private static final String CONTAINS = "exists (select 1 from search_posting p where p.posting = cast(a.search_doc as bigint) * 4294967296 + ?)";
    private static final String POST = "insert into search_posting (posting) values (?)";
    private static final int POST_ROWS = 500;
    /** How many rows a date-ordered search tests in order before it asks the index (see {@link #recentMatches}). */
    static final int WALK = 256;
    /** How many of the list's next rows a date-ordered search asks the index about when the walk fell short. */
    static final int WINDOW = 4096;
    /** How many of the window's index matches are tested in order, at most. */
    static final int CANDIDATES = 1024;
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
    private void match(NativeSql sql, String config, SearchQuery q) {
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
    private static void tsquery(NativeSql sql, String config, SearchQuery q) {
        if (config == null) {
            sql.append("websearch_to_tsquery(s.search_config, ?)", q.text());
        } else {
            sql.append("websearch_to_tsquery(cast(? as regconfig), ?)", config, q.text());
        }
    }

    /** Whether a search's matches follow the words' stems (PostgreSQL) rather than the words themselves (H2). */
    public boolean stems() {
        return postgres;
    }

    /**
     * Appends a statement of a date-ordered search's matches on PostgreSQL ({@code id, live_at, rank}),
     * for a list whose order, not relevance, picks the page; {@code walk} appends the list's conditions
     * over {@code article_search s}, {@code newestFirst} says its order. Four steps, each taken only when
     * the one before found less than {@code wanted} matches (a gate PostgreSQL evaluates once), each exact:
     * <ol>
     * <li>The list's next {@value #WALK} rows, tested in order: a word in many articles has its page there,
     *     and testing a few hundred rows is far cheaper than gathering its thousands of matches.</li>
     * <li>The list's next {@value #WINDOW} rows that the GIN index says match (the index's bitmap and the
     *     date index's, combined, so no row outside both is read), the first {@value #CANDIDATES} of them
     *     tested in order: a word absent from the newest articles, say after a burst of publications
     *     without it, costs a few milliseconds there instead of a gather of all its matches.</li>
     * <li>The same without the window: every row the index says matches is read for its date (not its
     *     vector), the first {@value #CANDIDATES} tested in order. A word absent from the newest thousands
     *     of articles costs a read of its matches' dates, not a decompression of every one of them.</li>
     * <li>All the matches, each tested with its own parse, sorted: only when fewer than a page of the
     *     index's candidates pass their own language's test.</li>
     * </ol>
     * Every match a step did not reach comes after those it found, so the page is the same whichever
     * step answers it.
     */
    public void recentMatches(NativeSql sql, SearchQuery q, String locale, Consumer<NativeSql> walk, boolean newestFirst, int wanted) {
        String config = locale == null ? null : Locales.searchConfiguration(locale);
        String order = newestFirst ? "s.live_at desc, s.id desc" : "s.live_at, s.id";
        // The walk stops at the page's last match: each row tested decompresses a tsvector of kilobytes.
        sql.append("with w as materialized (select s.id, s.live_at, 0 as rank from (select s.id, s.live_at, s.search_vector,"
                + " s.search_config from article_search s where s.live_at is not null");
        walk.accept(sql);
        // Row by row, only the row's own parse of the query: the test or-ing every configuration's parse serves the
        // index (below), and as a filter would parse the query once per configuration for every row walked.
        sql.append(" order by " + order + " fetch first " + WALK + " rows only) s where s.search_vector @@ ");
        tsquery(sql, config, q);
        sql.append(" order by " + order + " fetch first " + wanted + " rows only), ");
        candidates(sql, "v", config, q, walk, newestFirst, true, wanted, "(select count(*) from w) < " + wanted);
        candidates(sql, "x", config, q, walk, newestFirst, false, wanted,
                "(select count(*) from w) < " + wanted + " and (select count(*) from v) < " + wanted);
        sql.append(" select id, live_at, rank from w where (select count(*) from w) >= " + wanted)
                .append(" union all select id, live_at, rank from v where (select count(*) from w) < " + wanted
                        + " and (select count(*) from v) >= " + wanted)
                .append(" union all select id, live_at, rank from x where (select count(*) from w) < " + wanted
                        + " and (select count(*) from v) < " + wanted + " and (select count(*) from x) >= " + wanted)
                .append(" union all select s.id, s.live_at, 0 from article_search s where (select count(*) from w) < " + wanted
                        + " and (select count(*) from v) < " + wanted + " and (select count(*) from x) < " + wanted
                        + " and s.live_at is not null and ");
        match(sql, config, q);
    }

    /**
     * Appends CTE {@code name}: the first {@code wanted} matches, in the list's order, among the first
     * {@value #CANDIDATES} rows the GIN index names (the or-ed parse, which every row's own parse implies), each
     * tested with its own parse in order, so only those read up to the page's last match are decompressed.
     * {@code windowed} keeps to the list's next {@value #WINDOW} rows: the index's bitmap and the date index's
     * are then combined and only rows in both are read. Runs only when {@code gate} holds.
     */
    private void candidates(NativeSql sql, String name, String config, SearchQuery q, Consumer<NativeSql> walk, boolean newestFirst,
                            boolean windowed, int wanted, String gate) {
        String order = newestFirst ? "s.live_at desc, s.id desc" : "s.live_at, s.id";
        sql.append(name + " as materialized (select s.id, s.live_at, 0 as rank from (select s.id, s.live_at, s.search_vector,"
                + " s.search_config from article_search s where " + gate + " and s.live_at is not null");
        walk.accept(sql);
        if (windowed) {
            // The window's edge: the date of its last row, or no edge when the list is shorter than the window.
            sql.append(" and s.live_at " + (newestFirst ? ">=" : "<=") + " coalesce((select s.live_at from article_search s"
                    + " where s.live_at is not null");
            walk.accept(sql);
            sql.append(" order by " + order + " offset " + (WINDOW - 1) + " rows fetch first 1 rows only), cast('"
                    + (newestFirst ? "-infinity" : "infinity") + "' as timestamptz))");
        }
        sql.append(" and s.search_vector @@ ");
        indexQuery(sql, config, q);
        sql.append(" order by " + order + " fetch first " + CANDIDATES + " rows only) s where s.search_vector @@ ");
        tsquery(sql, config, q);
        sql.append(" order by " + order + " fetch first " + wanted + " rows only)" + (windowed ? ", " : ""));
    }

    /**
     * The query as the GIN index is asked it: in the configuration given, or else every configuration's
     * parse or-ed, each distinct parse once (30 configurations mostly agree, and the index reads a posting
     * list per term of the query, duplicates included: 9 ms against 1.5 ms for a word in 16,000 articles).
     * Parses that are empty (only stop words in that language) are left out.
     */
    private void indexQuery(NativeSql sql, String config, SearchQuery q) {
        if (config != null) {
            tsquery(sql, config, q);
            return;
        }
        List<String> configs = locales.searchConfigurations();
        sql.append("(select cast(string_agg(distinct '(' || cast(p.q as text) || ')', ' | ') as tsquery) from (select"
                + " websearch_to_tsquery(cast(c.name as regconfig), ?) as q from (values ", q.text());
        for (int i = 0; i < configs.size(); i++) {
            sql.append(i == 0 ? "(?)" : ", (?)", configs.get(i));
        }
        sql.append(") c(name)) p where numnode(p.q) > 0)");
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
