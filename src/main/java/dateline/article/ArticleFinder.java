package dateline.article;

import dateline.common.http.DependencyKeys;
import dateline.common.page.Page;
import dateline.common.sql.NativeSql;
import dateline.common.sql.JdbcValues;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the public list queries over published articles. {@link ArticlePageQuery} writes the statement that
 * selects one page of ids (filters, search, keyset); this class then reads those articles, so a page costs
 * the same few statements at any depth: as delivery shows them, in one more statement
 * ({@link LiveArticleRead}); as entities for the feeds (tags and authors in batches). Headlines need
 * neither: their page is one statement that selects the rows and reads the headline columns together.
 */
@ApplicationScoped
public class ArticleFinder {
    private final ArticlePageQuery pages;
    private final LiveArticleRead liveArticles;
    private final Clock clock;

    ArticleFinder(ArticlePageQuery pages, LiveArticleRead liveArticles, Clock clock) {
        this.pages = pages;
        this.liveArticles = liveArticles;
        this.clock = clock;
    }

    public Page<Article> find(ArticleListParams params) {
        return find(ArticleFilter.of(params));
    }

    Page<Article> find(ArticleFilter f) {
        EntityManager em = Panache.getEntityManager();
        Optional<PageSelection> selection = pages.select(em, f);
        if (selection.isEmpty()) {
            return Page.of(List.of(), f.limit(), a -> null); // a filter names a section, tag or author that does not exist
        }
        Map<UUID, Double> ranks = ranks(em, selection.get());
        return Page.of(load(em, List.copyOf(ranks.keySet())), f.limit(),
                last -> selection.get().cursorAfter(last.publishedAt, last.id, ranks.get(last.id)));
    }

    /**
     * The same page as {@link #find}, as delivery shows each article: the page's ids, then the articles with
     * everything they show in one statement ({@link LiveArticleRead}), no entity loaded.
     */
    public Page<ArticleView> views(ArticleListParams params) {
        ArticleFilter f = ArticleFilter.of(params);
        EntityManager em = Panache.getEntityManager();
        Optional<PageSelection> selection = pages.select(em, f);
        if (selection.isEmpty()) {
            return Page.of(List.of(), f.limit(), a -> null);
        }
        Map<UUID, Double> ranks = ranks(em, selection.get());
        return Page.of(liveArticles.views(List.copyOf(ranks.keySet())), f.limit(),
                last -> selection.get().cursorAfter(last.publishedAt(), last.id(), ranks.get(last.id())));
    }

    /** The page's ids in its order, with their ranks; each is read as a dependency, shown or not. */
    private static Map<UUID, Double> ranks(EntityManager em, PageSelection selection) {
        Map<UUID, Double> ranks = new LinkedHashMap<>();
        selection.sql().list(em, row -> ranks.put(JdbcValues.uuid(row, 1), row.getDouble(2)));
        DependencyKeys.read(ranks.keySet().stream().map(DependencyKeys::article).toList());
        return ranks;
    }

    /**
     * The same page as {@link #find}, as headlines: the page's rows are selected and read with the headline
     * columns in one statement, no entity loaded.
     */
    public Page<Headline> headlines(ArticleListParams params) {
        ArticleFilter f = ArticleFilter.of(params);
        EntityManager em = Panache.getEntityManager();
        Optional<PageSelection> selection = pages.select(em, f);
        if (selection.isEmpty()) {
            return Page.of(List.of(), f.limit(), h -> null);
        }
        Map<UUID, Double> ranks = new HashMap<>();
        NativeSql sql = new NativeSql().append("select p.rank, " + Headline.COLUMNS + " from (").append(selection.get().sql())
                .append(") p join article a on a.id = p.id" + Headline.SECTION_JOIN + " order by "
                        + (f.sort() == ArticleFilter.Sort.RELEVANCE ? "p.rank desc, " : "")
                        + (f.sort() == ArticleFilter.Sort.OLDEST ? "a.live_at, a.id" : "a.live_at desc, a.id desc"));
        List<Headline> rows = sql.list(em, row -> {
            Headline h = Headline.read(row, 2);
            ranks.put(h.id(), row.getDouble(1));
            return h;
        });
        DependencyKeys.read(rows.stream().map(h -> DependencyKeys.article(h.id())).toList());
        return Page.of(rows, f.limit(), last -> selection.get().cursorAfter(last.publishedAt(), last.id(), ranks.get(last.id())));
    }

    /**
     * The live articles among {@code ids} as headlines, in the order given; the others are left out. Each
     * id is read as a dependency whether shown or not: publishing a draft among them changes the list.
     */
    public List<Headline> liveHeadlines(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        DependencyKeys.read(ids.stream().map(DependencyKeys::article).toList());
        Map<UUID, Headline> byId = new HashMap<>();
        List<Object> values = new ArrayList<>(ids.size() + 1);
        values.add(clock.instant());
        values.addAll(ids);
        new NativeSql().append("select " + Headline.COLUMNS + Headline.FROM + " where a.live_at <= ? and a.id in ("
                        + NativeSql.placeholders(ids.size()) + ")", values.toArray())
                .list(Panache.getEntityManager(), row -> byId.put(JdbcValues.uuid(row, 1), Headline.read(row, 1)));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static List<Article> load(EntityManager em, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Article> byId = new HashMap<>();
        em.createQuery("select a from Article a left join fetch a.section left join fetch a.leadImage where a.id in :ids", Article.class)
                .setParameter("ids", ids).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList().forEach(a -> byId.put(a.id, a));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
}
