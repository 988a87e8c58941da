package dateline.sync;

import dateline.article.Article;
import dateline.article.ArticleRepository;
import dateline.article.ArticleView;
import dateline.article.Headline;
import dateline.common.problem.ProblemException;
import dateline.common.problem.ProblemType;
import dateline.common.sql.JdbcValues;
import dateline.common.sql.NativeSql;
import dateline.feed.HeadlineView;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads one page of the change log after a token: each article once, with its state now. An article live
 * now (and matching the filters) is an item; any other is a deletion, with the reason its row gives. The
 * page is one statement, so what it shows is one moment of the database.
 */
@ApplicationScoped
class SyncReader {
    private static final String ROW = "select c.seq, c.article_id, a.id is null, a.status, a.trashed_at, a.live_at, a.locale, ";

    private final ArticleRepository articles;
    private final Clock clock;
    private final dateline.article.Translations translations;

    SyncReader(ArticleRepository articles, Clock clock, dateline.article.Translations translations) {
        this.articles = articles;
        this.clock = clock;
        this.translations = translations;
    }

    @Transactional
    SyncPage read(SyncToken token, int limit, Function<SyncToken, String> encode) {
        long floor = ((Number) Panache.getEntityManager().createNativeQuery("select floor_seq from sync_clock where id = 1")
                .getSingleResult()).longValue();
        if (!token.initial() && token.after() < floor) {
            throw new ProblemException(ProblemType.SYNC_TOKEN_EXPIRED, "Changes after this token are no longer kept;"
                    + " start a new sync without a token and replace what you stored.");
        }
        Instant now = clock.instant();
        List<Change> rows = rows(token, limit + 1, now);
        boolean more = rows.size() > limit;
        List<Change> page = more ? rows.subList(0, limit) : rows;
        long last = page.isEmpty() ? token.after() : page.get(page.size() - 1).seq;

        List<HeadlineView> items = new ArrayList<>();
        List<ArticleView> whole = new ArrayList<>();
        List<DeletedArticle> deleted = new ArrayList<>();
        Map<UUID, Article> full = token.full() ? fullArticles(page, now, token) : Map.of();
        Map<UUID, dateline.article.ArticleLocalisation> localised = token.full() ? translations.of(full.values()) : Map.of();
        for (Change change : page) {
            String reason = change.deletionReason(token, now);
            if (reason != null && token.initial()) {
                continue; // a first sync lists what to store; the client has nothing to delete yet
            }
            if (reason != null) {
                deleted.add(new DeletedArticle(change.id(), reason));
            } else {
                if (token.full()) {
                    whole.add(ArticleView.from(full.get(change.id()), localised.get(change.id())));
                } else {
                    items.add(HeadlineView.from(change.headline));
                }
            }
        }
        if (more) {
            return new SyncPage(items, whole, deleted, encode.apply(token.at(last, token.top())), null);
        }
        // The first sync ends at the newest change it began with; what came after follows as changes.
        long synced = token.initial() ? token.top() : last;
        return new SyncPage(items, whole, deleted, null, encode.apply(token.at(synced, 0)));
    }

    /** The newest change number: where a first sync stops listing and ordinary changes begin. */
    @Transactional
    long newest() {
        return ((Number) Panache.getEntityManager().createNativeQuery("select seq from sync_clock where id = 1")
                .getSingleResult()).longValue();
    }

    private List<Change> rows(SyncToken token, int limit, Instant now) {
        NativeSql sql = new NativeSql().append(ROW);
        if (token.tag() == null) {
            sql.append("1, ");
        } else {
            sql.append("case when exists (select 1 from article_tag t join tag g on g.id = t.tag_id"
                    + " where t.article_id = a.id and g.slug = ?) then 1 else 0 end, ", token.tag());
        }
        sql.append(Headline.COLUMNS + " from sync_change c left join article a on a.id = c.article_id"
                + Headline.SECTION_JOIN + " where c.seq > ?", token.after());
        if (token.initial()) {
            // The first sync lists what is live, up to where it began; the client has nothing to delete yet.
            sql.append(" and c.seq <= ? and a.live_at <= ?", token.top(), now);
            if (token.section() != null) {
                sql.append(" and s.slug = ?", token.section());
            }
            if (token.locale() != null) {
                sql.append(" and a.locale = ?", token.locale());
            }
        }
        sql.append(" order by c.seq fetch first " + limit + " rows only");
        return sql.list(Panache.getEntityManager(), SyncReader::change);
    }

    private static Change change(ResultSet row) throws SQLException {
        boolean gone = row.getBoolean(3);
        return new Change(row.getLong(1), JdbcValues.uuid(row, 2), gone, row.getString(4), JdbcValues.instant(row, 5),
                JdbcValues.instant(row, 6), row.getString(7), row.getInt(8) == 1, gone ? null : Headline.read(row, 9));
    }

    private Map<UUID, Article> fullArticles(List<Change> page, Instant now, SyncToken token) {
        List<UUID> ids = page.stream().filter(c -> c.deletionReason(token, now) == null).map(Change::id).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return articles.list("id in ?1", ids).stream().collect(Collectors.toMap(a -> a.id, a -> a));
    }

    /** One row of the log as the article stands now. */
    private record Change(long seq, UUID id, boolean gone, String status, Instant trashedAt, Instant liveAt, String locale,
                          boolean inTag, Headline headline) {

        /** Why the client must drop it, or null when it is to be stored. */
        String deletionReason(SyncToken token, Instant now) {
            if (gone) {
                return "purged";
            }
            if (trashedAt != null) {
                return "trashed";
            }
            if ("ARCHIVED".equals(status)) {
                return "archived";
            }
            if ("DRAFT".equals(status)) {
                return "unpublished";
            }
            if (liveAt == null || liveAt.isAfter(now)) {
                return "scheduled";
            }
            boolean matches = (token.section() == null || headline.sectionSlug() != null && token.section().equals(headline.sectionSlug()))
                    && inTag && (token.locale() == null || token.locale().equals(locale));
            return matches ? null : "filtered";
        }
    }
}
