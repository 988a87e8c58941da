package dateline.article;

import dateline.article.search.RecentMatches;
import dateline.article.search.SearchKeys;
import dateline.article.search.TextSearch;
import dateline.common.http.DependencyKeys;
import dateline.common.page.Cursors;
import dateline.common.sql.JdbcValues;
import dateline.common.sql.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes the native statement that selects one page of a public list: its filters, its full-text search
 * (a walk in date order or the match table on PostgreSQL, a word test on H2), a tag's timeline, and the
 * keyset condition of its cursor. Every branch is index-friendly, so a page costs the same at any depth.
 */
@ApplicationScoped
class ArticlePageQuery {
    private final Cursors cursors;
    private final TextSearch search;
    private final SearchKeys searchKeys;
    private final RecentMatches recent;
    private final Clock clock;

    ArticlePageQuery(Cursors cursors, TextSearch search, SearchKeys searchKeys, RecentMatches recent, Clock clock) {
        this.cursors = cursors;
        this.search = search;
        this.searchKeys = searchKeys;
        this.recent = recent;
        this.clock = clock;
    }

    /**
     * The statement selecting the page {@code f} asks for, or empty when a filter names a section, tag or
     * author that does not exist (the page is empty then).
     */
    Optional<PageSelection> select(EntityManager em, ArticleFilter f) {
        DependencyKeys.read(f.dependencyKeys(f.search() == null ? List.of() : searchKeys.ofSearch(f.search(), f.locale())));
        String list = "articles:" + f.sort() + (f.search() == null ? "" : ":" + f.search().text().hashCode());
        List<String> after = f.cursor() == null ? null : cursors.decode(list, f.cursor(), f.sort() == ArticleFilter.Sort.RELEVANCE ? 3 : 2);
        return select(em, f, after).map(sql -> new PageSelection(sql.append(" fetch first " + (f.limit() + 1) + " rows only"), f, list, cursors));
    }

    private Optional<NativeSql> select(EntityManager em, ArticleFilter f, List<String> after) {
        NativeSql sql = new NativeSql();
        // Where the database keeps a table of matches (PostgreSQL), a search starts from its matches, named
        // by its index; a search narrowed by nothing else reads only that table (see TextSearch.matches).
        boolean matchTable = f.search() != null && search.hasMatchTable();
        boolean matchesAlone = matchTable && f.section() == null && f.tags().isEmpty() && f.author() == null && f.locale() == null;
        Consumer<NativeSql> rank = matchTable ? s -> s.append(matchesAlone ? "a.rank" : "m.rank") : s -> search.rank(s, f.search());
        if (matchTable) {
            sql.append("with m as materialized (");
            if (matchesAlone && f.sort() != ArticleFilter.Sort.RELEVANCE) {
                recent.append(sql, f.search(), f.locale(), walk -> walk(walk, f, after), f.sort() == ArticleFilter.Sort.NEWEST,
                        f.limit() + 1);
            } else {
                search.matches(sql, f.search(), f.locale(), f.sort() == ArticleFilter.Sort.RELEVANCE);
            }
            sql.append(") ");
        }
        sql.append("select a.id as id, ");
        if (f.sort() == ArticleFilter.Sort.RELEVANCE) {
            rank.accept(sql);
        } else {
            sql.append("0");
        }
        // live_at is the publication date of what delivery shows (scheduled articles from their instant on).
        sql.append(matchesAlone ? " as rank from m a" : matchTable ? " as rank from article a join m on m.id = a.id" : " as rank from article a")
                .append(" where a.live_at <= ?", newestShown(f, after));
        if (f.section() != null) {
            Optional<UUID> section = idOf(em, "section", f.section());
            if (section.isEmpty()) {
                return Optional.empty();
            }
            sql.append(" and a.section_id = ?", section.get());
        }
        if (!f.tags().isEmpty()) {
            List<UUID> tags = new ArrayList<>();
            for (String slug : f.tags()) {
                idOf(em, "tag", slug).ifPresent(tags::add);
            }
            if (tags.isEmpty() || (f.allTags() && tags.size() < f.tags().size())) {
                return Optional.empty();
            }
            if (onlyTagsAndDates(f)) {
                return Optional.of(byTagTimeline(f, tags, after));
            }
            String in = NativeSql.placeholders(tags.size());
            if (f.allTags()) {
                sql.append(" and (select count(*) from article_tag t where t.article_id = a.id and t.published_at is not null and t.tag_id in (" + in + ")) = "
                        + tags.size(), tags.toArray());
            } else {
                sql.append(" and exists (select 1 from article_tag t where t.article_id = a.id and t.published_at is not null and t.tag_id in (" + in + "))",
                        tags.toArray());
            }
        }
        if (f.author() != null) {
            Optional<UUID> author = idOf(em, "author", f.author());
            if (author.isEmpty()) {
                return Optional.empty();
            }
            sql.append(" and exists (select 1 from article_author x where x.article_id = a.id and x.author_id = ?)", author.get());
        }
        if (f.locale() != null) {
            sql.append(" and a.locale = ?", f.locale());
        }
        if (f.since() != null) {
            sql.append(" and a.live_at >= ?", f.since());
        }
        if (f.untilExclusive() != null) {
            sql.append(" and a.live_at < ?", f.untilExclusive());
        }
        if (f.search() != null && !matchTable) {
            search.match(sql, f.search());
        }
        keyset(sql, f, after, rank);
        return Optional.of(sql);
    }

    /** The rows a date-ordered search walks ({@code article_search s}): the list's own bounds and cursor. */
    private void walk(NativeSql sql, ArticleFilter f, List<String> after) {
        sql.append(" and s.live_at <= ?", newestShown(f, after));
        if (f.since() != null) {
            sql.append(" and s.live_at >= ?", f.since());
        }
        if (f.untilExclusive() != null) {
            sql.append(" and s.live_at < ?", f.untilExclusive());
        }
        after(sql, f, after, "s.live_at", "s.id");
    }

    /** A list narrowed by tags (any of them) and perhaps by dates, and nothing else, in date order. */
    private static boolean onlyTagsAndDates(ArticleFilter f) {
        return !f.allTags() && f.section() == null && f.author() == null && f.locale() == null && f.search() == null
                && f.sort() != ArticleFilter.Sort.RELEVANCE;
    }

    /**
     * A tag's page read off its timeline: article_tag keeps a copy of each article's live_at, indexed
     * per tag, so each tag gives its next rows as one short index range (merged when there are several),
     * where walking every live article newest first and checking each for the tag reads thousands of rows
     * for a rare tag. Same order, same cursor as the general query.
     */
    private NativeSql byTagTimeline(ArticleFilter f, List<UUID> tags, List<String> after) {
        boolean newest = f.sort() == ArticleFilter.Sort.NEWEST;
        String direction = newest ? " desc" : "";
        NativeSql sql = new NativeSql().append("select x.article_id as id, 0 as rank from (");
        for (int i = 0; i < tags.size(); i++) {
            sql.append(i == 0 ? "(" : " union all (")
                    .append("select t.article_id, t.published_at from article_tag t where t.tag_id = ? and t.published_at <= ?",
                            tags.get(i), newestShown(f, after));
            if (f.since() != null) {
                sql.append(" and t.published_at >= ?", f.since());
            }
            if (f.untilExclusive() != null) {
                sql.append(" and t.published_at < ?", f.untilExclusive());
            }
            after(sql, f, after, "t.published_at", "t.article_id");
            sql.append(" order by t.published_at" + direction + ", t.article_id" + direction
                    + " fetch first " + (f.limit() + 1) + " rows only)");
        }
        // An article carrying two of the tags comes once.
        return sql.append(") x group by x.article_id, x.published_at order by x.published_at" + direction
                + ", x.article_id" + direction);
    }

    /**
     * The latest date a newest-first list shows: now, or the cursor's date when paging on. One bound, not
     * two: given "date <= now and date <= cursor", H2 seeks its index to the first and filters the rest,
     * reading every newer row again on each page.
     */
    private Instant newestShown(ArticleFilter f, List<String> after) {
        Instant now = clock.instant();
        if (after == null || f.sort() != ArticleFilter.Sort.NEWEST) {
            return now;
        }
        Instant at = cursors.instant(after.get(0));
        return at.isBefore(now) ? at : now;
    }

    /** The keyset condition of a date-ordered list: rows after the cursor's (date, id). */
    private void after(NativeSql sql, ArticleFilter f, List<String> after, String date, String id) {
        if (after == null) {
            return;
        }
        Instant at = cursors.instant(after.get(0));
        UUID last = cursors.uuid(after.get(1));
        // Repeating the bound alone lets the database seek the index to it; the OR alone is only a filter.
        // Newest first, the bound is already the list's upper one (newestShown).
        if (f.sort() == ArticleFilter.Sort.NEWEST) {
            sql.append(" and (" + date + " < ? or (" + date + " = ? and " + id + " < ?))", at, at, last);
        } else {
            sql.append(" and " + date + " >= ? and (" + date + " > ? or (" + date + " = ? and " + id + " > ?))", at, at, at, last);
        }
    }

    private void keyset(NativeSql sql, ArticleFilter f, List<String> after, Consumer<NativeSql> rank) {
        switch (f.sort()) {
            case NEWEST -> {
                after(sql, f, after, "a.live_at", "a.id");
                sql.append(" order by a.live_at desc, a.id desc");
            }
            case OLDEST -> {
                after(sql, f, after, "a.live_at", "a.id");
                sql.append(" order by a.live_at, a.id");
            }
            case RELEVANCE -> {
                if (after != null) {
                    double score = cursors.number(after.get(0));
                    Instant at = cursors.instant(after.get(1));
                    UUID id = cursors.uuid(after.get(2));
                    sql.append(" and (");
                    rank.accept(sql);
                    sql.append(" < ? or (", score);
                    rank.accept(sql);
                    sql.append(" = ? and (a.live_at < ? or (a.live_at = ? and a.id < ?))))", score, at, at, id);
                }
                sql.append(" order by rank desc, a.live_at desc, a.id desc");
            }
        }
    }


    private static Optional<UUID> idOf(EntityManager em, String table, String slug) {
        // table is one of three constants above, never request input
        return new NativeSql().append("select id from " + table + " where slug = ?", slug)
                .list(em, row -> JdbcValues.uuid(row, 1)).stream().findFirst();
    }
}
