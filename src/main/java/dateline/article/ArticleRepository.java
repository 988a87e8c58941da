package dateline.article;

import dateline.common.page.Cursors;
import dateline.common.page.Page;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Article queries, keyset-paged on (date, id) so a deep page costs what the first one does. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {
    private static final String MANAGE = "manage-articles:-createdAt";

    private final Cursors cursors;

    ArticleRepository(Cursors cursors) {
        this.cursors = cursors;
    }

    public Optional<Article> findPublishedBySlug(String slug) {
        return find("slug = ?1 and status = ?2", slug, ArticleStatus.PUBLISHED).firstResultOptional();
    }

    public Optional<Article> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Every article, or those in one status, newest created first. */
    public Page<Article> managePage(ArticleStatus status, String cursor, int limit) {
        Parameters params = new Parameters();
        String where = "1 = 1";
        if (status != null) {
            where += " and status = :status";
            params.and("status", status);
        }
        if (cursor != null) {
            List<String> after = cursors.decode(MANAGE, cursor, 2);
            where += " and (createdAt < :at or (createdAt = :at and id < :id))";
            params.and("at", cursors.instant(after.get(0))).and("id", cursors.uuid(after.get(1)));
        }
        List<Article> rows = find(where + " order by createdAt desc, id desc", params).range(0, limit).list();
        return Page.of(rows, limit, a -> cursors.encode(MANAGE, List.of(a.createdAt.toString(), a.id.toString())));
    }

    /**
     * Copies the article's publication date onto its tag rows (null unless published), which keeps the
     * tag timeline index current for tag lists and related headlines. Call after the article is flushed.
     */
    public void syncTagTimeline(Article a) {
        getEntityManager().createNativeQuery("update article_tag set published_at = ?1 where article_id = ?2")
                .setParameter(1, a.status == ArticleStatus.PUBLISHED ? a.publishedAt : null)
                .setParameter(2, a.id).executeUpdate();
    }

    /** Ids among {@code ids} that name an existing article. */
    public List<UUID> existing(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select a.id from Article a where a.id in :ids", UUID.class)
                .setParameter("ids", ids).getResultList();
    }
}
