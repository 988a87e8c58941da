package dateline.article;

import dateline.common.http.DependencyKeys;
import dateline.common.page.Cursors;
import dateline.common.page.Page;
import dateline.common.problem.Gone;
import dateline.common.problem.Moved;
import dateline.common.problem.NotFound;
import dateline.common.sql.SqlValues;
import dateline.preview.PreviewGrant;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.jpa.HibernateHints;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Article queries, keyset-paged on (date, id) so a deep page costs what the first one does. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {
    private static final String MANAGE = "manage-articles:-createdAt";

    private final Cursors cursors;
    private final Clock clock;
    private final boolean postgres;

    ArticleRepository(Cursors cursors, Clock clock, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.cursors = cursors;
        this.clock = clock;
        this.postgres = dbKind.startsWith("postgres");
    }

    /**
     * The article delivery shows under {@code slug} now. An old slug of a live article moves (301) to the
     * current one; an article that was out and has been archived or trashed is gone (410); drafts and
     * articles not yet due are not found, so delivery never reveals that they exist.
     */
    public Article live(String slug) {
        Instant now = clock.instant();
        Article article = withTerms(slug).or(() -> formerOwner(slug)).orElseThrow(() -> new NotFound("article", slug));
        if (article.isLive(now)) {
            DependencyKeys.read(DependencyKeys.article(article.id));
            if (!article.slug.equals(slug)) {
                throw new Moved(slug, article.slug);
            }
            return article;
        }
        boolean wasOut = article.publishedAt != null && !article.publishedAt.isAfter(now)
                && (article.status == ArticleStatus.ARCHIVED || article.status == ArticleStatus.PUBLISHED
                        || article.status == ArticleStatus.SCHEDULED);
        if (wasOut && (article.status == ArticleStatus.ARCHIVED || article.trashedAt != null)) {
            throw new Gone("article", slug, Map.of());
        }
        throw new NotFound("article", slug);
    }

    /**
     * What delivery shows under {@code slug} for a request carrying this preview grant: the article's saved
     * content whatever its state when the grant covers it (never from the trash), else exactly what
     * {@link #live} shows anyone, so a token for another article reveals nothing. No grant, no extra query.
     */
    public Article shown(String slug, Optional<PreviewGrant> grant) {
        if (grant.isEmpty()) {
            return live(slug);
        }
        return withTerms(slug).filter(a -> a.trashedAt == null && grant.get().covers(a.id)).orElseGet(() -> live(slug));
    }

    /**
     * The article with its section, tags and authors in one statement, as delivery shows them (a few rows:
     * tags times authors), where loading each lazily cost three more round trips per article page.
     */
    private Optional<Article> withTerms(String slug) {
        return getEntityManager().createQuery("select a from Article a left join fetch a.section left join fetch a.leadImage left join fetch a.tags"
                + " left join fetch a.authors where a.slug = :slug", Article.class).setParameter("slug", slug)
                .setHint(HibernateHints.HINT_READ_ONLY, true) // delivery never changes it: no snapshot for dirty checking
                .getResultStream().findFirst();
    }

    public Optional<Article> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The article that has, or once had, this slug. */
    public Optional<UUID> slugOwner(String slug) {
        return getEntityManager().createNativeQuery("select article_id from article_slug where slug = ?1")
                .setParameter(1, slug).getResultStream().findFirst().map(SqlValues::uuid);
    }

    /** The articles that have, or once had, any of these slugs, by slug. */
    Map<String, UUID> slugOwners(java.util.Collection<String> slugs) {
        Map<String, UUID> owners = new java.util.HashMap<>();
        if (!slugs.isEmpty()) {
            getEntityManager().createNativeQuery("select slug, article_id from article_slug where slug in (?1)")
                    .setParameter(1, slugs).getResultList()
                    .forEach(row -> owners.put((String) ((Object[]) row)[0], SqlValues.uuid(((Object[]) row)[1])));
        }
        return owners;
    }

    private Optional<Article> formerOwner(String slug) {
        return slugOwner(slug).flatMap(this::findByIdOptional);
    }

    /** Remembers that the article uses this slug, so no other article can take it later. */
    void recordSlug(Article a, Instant now) {
        if (slugOwner(a.slug).isEmpty()) {
            addSlug(a, now);
        }
    }

    /** Records the slug of a new article, already checked to be free. */
    void addSlug(Article a, Instant now) {
        getEntityManager().createNativeQuery("insert into article_slug (slug, article_id, created_at) values (?1, ?2, ?3)")
                .setParameter(1, a.slug).setParameter(2, a.id).setParameter(3, now).executeUpdate();
    }

    /** Every slug the article has had, oldest first; the last is the current one. */
    List<String> slugs(UUID id) {
        return getEntityManager().createNativeQuery("select slug from article_slug where article_id = ?1 order by created_at, slug", String.class)
                .setParameter(1, id).getResultList();
    }

    int releaseSlug(UUID id, String slug) {
        return getEntityManager().createNativeQuery("delete from article_slug where article_id = ?1 and slug = ?2")
                .setParameter(1, id).setParameter(2, slug).executeUpdate();
    }

    /**
     * Loads the article and locks its row until the transaction ends, so concurrent writes to one article
     * take turns: the second sees the first's version and gets 412 instead of overwriting it.
     */
    Optional<Article> lockForWrite(UUID id) {
        Optional<Article> article = findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        article.ifPresent(Article::rememberDependencyKeys);
        return article;
    }

    public Optional<Article> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    /** The ids of the articles among these external ids that exist, by external id. */
    public java.util.Map<String, UUID> idsByExternalId(java.util.Collection<String> externalIds) {
        java.util.Map<String, UUID> ids = new java.util.HashMap<>();
        if (!externalIds.isEmpty()) {
            getEntityManager().createQuery("select a.externalId, a.id from Article a where a.externalId in :ids", Object[].class)
                    .setParameter("ids", externalIds).getResultList().forEach(row -> ids.put((String) row[0], (UUID) row[1]));
        }
        return ids;
    }

    /** Every article, or those in one status; the trash separately. Newest created first. */
    public Page<Article> managePage(ArticleStatus status, boolean trashed, String cursor, int limit) {
        Parameters params = new Parameters();
        String where = trashed ? "trashedAt is not null" : "trashedAt is null";
        if (status != null) {
            where += " and status = :status";
            params.and("status", status);
        }
        if (cursor != null) {
            List<String> after = cursors.decode(MANAGE, cursor, 2);
            where += " and createdAt <= :at and (createdAt < :at or (createdAt = :at and id < :id))"; // the first bound is seekable
            params.and("at", cursors.instant(after.get(0))).and("id", cursors.uuid(after.get(1)));
        }
        List<Article> rows = find(where + " order by createdAt desc, id desc", params).range(0, limit).list();
        return Page.of(rows, limit, a -> cursors.encode(MANAGE, List.of(a.createdAt.toString(), a.id.toString())));
    }

    /**
     * Copies the article's delivery instant onto its tag rows (null while delivery does not show it), which
     * keeps the tag timeline index current for tag lists and related headlines. Call after the article is flushed.
     */
    public void syncTagTimeline(Article a) {
        getEntityManager().createNativeQuery("update article_tag set published_at = ?1 where article_id = ?2")
                .setParameter(1, a.liveAt)
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

    /**
     * After a few runs PostgreSQL plans a prepared statement once for every parameter value, from the
     * statistics it has then. An import that grows an empty table to a hundred thousand articles would keep
     * the plans made for an empty one (a sequential scan to look up a chunk's external ids, seen to make an
     * import slow down as it went) unless autovacuum analyzes meanwhile, which a server may be set not to do.
     * Fresh statistics make every connection plan again. Only the looked-up columns: sampling the search
     * vector would cost seconds.
     */
    public void refreshPlannerStatistics() {
        if (postgres) {
            getEntityManager().createNativeQuery("analyze article (id, external_id, slug), article_slug").executeUpdate();
        }
    }
}
