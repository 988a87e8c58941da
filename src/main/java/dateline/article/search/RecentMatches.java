package dateline.article.search;

import dateline.common.sql.NativeSql;
import dateline.i18n.Locales;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Consumer;

/**
 * The statement of a date-ordered search's page on PostgreSQL: the list's order, not relevance, picks the
 * page, so its matches are looked for in that order, cheapest step first (see {@link #append}).
 */
@ApplicationScoped
public class RecentMatches {
    /** How many rows a date-ordered search tests in order before it asks the index (see {@link #append}). */
    static final int WALK = 256;
    /** How many of the list's next rows a date-ordered search asks the index about when the walk fell short. */
    static final int WINDOW = 4096;
    /** How many of the window's index matches are tested in order, at most. */
    static final int CANDIDATES = 1024;
    private final TextSearch search;
    private final Locales locales;

    RecentMatches(TextSearch search, Locales locales) {
        this.search = search;
        this.locales = locales;
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
    public void append(NativeSql sql, SearchQuery q, String locale, Consumer<NativeSql> walk, boolean newestFirst, int wanted) {
        String config = locale == null ? null : Locales.searchConfiguration(locale);
        String order = newestFirst ? "s.live_at desc, s.id desc" : "s.live_at, s.id";
        // The walk stops at the page's last match: each row tested decompresses a tsvector of kilobytes.
        sql.append("with w as materialized (select s.id, s.live_at, 0 as rank from (select s.id, s.live_at, s.search_vector,"
                + " s.search_config from article_search s where s.live_at is not null");
        walk.accept(sql);
        // Row by row, only the row's own parse of the query: the test or-ing every configuration's parse serves the
        // index (below), and as a filter would parse the query once per configuration for every row walked.
        sql.append(" order by " + order + " fetch first " + WALK + " rows only) s where s.search_vector @@ ");
        TextSearch.tsquery(sql, config, q);
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
        search.match(sql, config, q);
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
        TextSearch.tsquery(sql, config, q);
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
            TextSearch.tsquery(sql, config, q);
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
}
