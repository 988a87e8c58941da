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
    /** How many months a date-ordered search asks the index about, one at a time, when the walk fell short. */
    static final int MONTHS = 36;
    private final Locales locales;

    RecentMatches(Locales locales) {
        this.locales = locales;
    }

    /**
     * Appends a statement of a date-ordered search's matches on PostgreSQL ({@code id, live_at, rank}),
     * for a list whose order, not relevance, picks the page; {@code walk} appends the list's conditions
     * over {@code article_search s}, {@code newestFirst} says its order. Three steps, each taken only when
     * the one before found less than {@code wanted} matches (a gate PostgreSQL evaluates once), each exact:
     * <ol>
     * <li>The list's next {@value #WALK} rows, tested in order: a word in many articles has its page there,
     *     and testing a few hundred rows is far cheaper than gathering its thousands of matches.</li>
     * <li>Month by month from the list's next row, up to {@value #MONTHS} months: each month's matches
     *     come from one GIN lookup of the word and the month's lexeme (V26), so only that month's matches
     *     are read, sorted and tested in order. A word absent from the newest articles, say after a burst
     *     of publications without it, costs a fifth of a millisecond per month passed, not a read of the
     *     date of every one of its matches.</li>
     * <li>Every match the index names, read for its date and tested with its own parse in order: a word
     *     the last {@value #MONTHS} months do not hold a page of is most often rare, its matches few.</li>
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
        sql.append(" order by " + order + " fetch first " + WALK + " rows only)");
        ownParseInOrder(sql, config, q, order, wanted);
        sql.append("), ");
        String walkShort = "(select count(*) from w) < " + wanted;
        String monthsShort = "(select count(*) from b) < " + wanted;
        months(sql, config, q, walk, newestFirst, order, wanted, walkShort);
        sql.append(", ");
        everyMatch(sql, config, q, walk, order, wanted, walkShort + " and " + monthsShort);
        // Each branch's gate is a one-time filter above its scan: a step not taken is not started.
        sql.append(" select id, live_at, rank from w where not " + walkShort)
                .append(" union all select id, live_at, rank from b where " + walkShort + " and not " + monthsShort)
                .append(" union all select id, live_at, rank from y where " + walkShort + " and " + monthsShort);
    }

    /**
     * Appends CTE {@code b}: the first {@code wanted} matches in the list's order, found month by month from
     * the month of the list's next row, for up to {@value #MONTHS} months. Each month asks the GIN index for
     * the query and the month's lexeme together (the or-ed parse, which every row's own parse implies), and
     * tests its matches with their own parse in order, so only those up to the page's last match are
     * decompressed. The months come in order and each one's rows in order, and PostgreSQL stops at the
     * page's last row: a month after it is never asked. Runs only when {@code gate} holds.
     */
    private void months(NativeSql sql, String config, SearchQuery q, Consumer<NativeSql> walk, boolean newestFirst, String order,
                        int wanted, String gate) {
        // Months are counted in UTC wall time, as V26 labels them: a time zone's daylight saving would shift them.
        sql.append("b as materialized (select m.id, m.live_at, 0 as rank from generate_series(0, " + (MONTHS - 1) + ") i"
                + " cross join (select date_trunc('month', s.live_at at time zone 'UTC') as origin from article_search s where "
                + gate + " and s.live_at is not null");
        walk.accept(sql);
        sql.append(" order by " + order + " fetch first 1 rows only) e"
                + " cross join lateral (select e.origin " + (newestFirst ? "-" : "+") + " interval '1 month' * i as start) mo"
                + " cross join lateral (select s.id, s.live_at from (select s.id, s.live_at, s.search_vector, s.search_config"
                + " from article_search s where s.live_at is not null");
        walk.accept(sql);
        // The month's dates as well as its lexeme: whichever index PostgreSQL picks, it reads no other month's rows.
        sql.append(" and s.live_at >= mo.start at time zone 'UTC' and s.live_at < (mo.start + interval '1 month') at time zone 'UTC'"
                + " and s.search_vector @@ (");
        indexQuery(sql, config, q);
        sql.append(" && cast(quote_literal(dateline_search_month(mo.start)) as tsquery)) order by " + order
                + " offset 0)");
        ownParseInOrder(sql, config, q, order, wanted);
        sql.append(") m fetch first " + wanted + " rows only)");
    }

    /**
     * Appends CTE {@code y}: the first {@code wanted} matches in the list's order among every row the GIN
     * index names, each tested with its own parse in order, so only those up to the page's last match are
     * decompressed. Runs only when {@code gate} holds.
     */
    private void everyMatch(NativeSql sql, String config, SearchQuery q, Consumer<NativeSql> walk, String order, int wanted,
                            String gate) {
        sql.append("y as materialized (select s.id, s.live_at, 0 as rank from (select s.id, s.live_at, s.search_vector,"
                + " s.search_config from article_search s where " + gate + " and s.live_at is not null");
        walk.accept(sql);
        sql.append(" and s.search_vector @@ ");
        indexQuery(sql, config, q);
        sql.append(" order by " + order + " offset 0)");
        ownParseInOrder(sql, config, q, order, wanted);
        sql.append(")");
    }

    /**
     * Appends {@code s where <own parse> order by ... fetch first wanted}, over the ordered rows just
     * closed: each row is tested with its own parse only as it is read, so only those up to the page's
     * last match are decompressed.
     */
    private static void ownParseInOrder(NativeSql sql, String config, SearchQuery q, String order, int wanted) {
        sql.append(" s where s.search_vector @@ ");
        TextSearch.tsquery(sql, config, q);
        sql.append(" order by " + order + " fetch first " + wanted + " rows only");
    }

    /**
     * The query as the GIN index is asked it: in the configuration given, or else every configuration's
     * parse or-ed, each distinct parse once (30 configurations mostly agree, and the index reads a posting
     * list per term of the query, duplicates included: 9 ms against 1.5 ms for a word in 16,000 articles).
     * Parses that are empty (only stop words in that language) are left out; when all are, the query is
     * null and matches nothing, as no row's own parse would.
     */
    private void indexQuery(NativeSql sql, String config, SearchQuery q) {
        sql.append("(select cast(string_agg(distinct '(' || cast(p.q as text) || ')', ' | ') as tsquery) from (select"
                + " websearch_to_tsquery(cast(c.name as regconfig), ?) as q from (values ", q.text());
        List<String> configs = config == null ? locales.searchConfigurations() : List.of(config);
        for (int i = 0; i < configs.size(); i++) {
            sql.append(i == 0 ? "(?)" : ", (?)", configs.get(i));
        }
        sql.append(") c(name)) p where numnode(p.q) > 0)");
    }
}
