package dateline.article;

import dateline.common.http.DependencyKeys;
import dateline.common.page.Cursors;
import dateline.common.page.Page;
import dateline.common.problem.Gone;
import dateline.common.problem.Moved;
import dateline.common.problem.NotFound;
import dateline.common.sql.JdbcValues;
import dateline.common.sql.NativeSql;
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
     * The outline of what delivery shows under {@code slug}, for related headlines. A live article under
     * its current slug, the common case, is one statement over the article's narrow columns and its tag and
     * curated rows, with no entity and no body read; anything else (an old slug, an article not out, a
     * preview) goes through {@link #shown}, whose answers (301, 410, 404, the previewed draft) it keeps.
     */
    public ArticleOutline outline(String slug, Optional<PreviewGrant> grant) {
        if (grant.isPresent()) {
            return ArticleOutline.of(shown(slug, grant));
        }
        List<OutlineRow> rows = new NativeSql().append(OUTLINE, slug, slug, slug).list(getEntityManager(), row -> new OutlineRow(
                row.getInt(1), JdbcValues.uuid(row, 3), JdbcValues.instant(row, 4), JdbcValues.instant(row, 5),
                JdbcValues.uuid(row, 6), row.getString(7), row.getString(8), JdbcValues.uuid(row, 9)));
        OutlineRow article = rows.isEmpty() || rows.get(0).part() != 0 ? null : rows.get(0);
        if (article == null || article.liveAt() == null || article.liveAt().isAfter(clock.instant())) {
            return ArticleOutline.of(live(slug)); // moved, gone or not found, each with its own answer
        }
        DependencyKeys.read(DependencyKeys.article(article.id()));
        return new ArticleOutline(article.id(), article.publishedAt(), article.locale(), article.translationGroup(),
                article.sectionId() == null ? null : new ArticleOutline.Term(article.sectionId(), article.slug()),
                rows.stream().filter(r -> r.part() == 1).map(r -> new ArticleOutline.Term(r.id(), r.slug())).toList(),
                rows.stream().filter(r -> r.part() == 2).map(OutlineRow::id).toList());
    }

    /** One row of {@link #OUTLINE}: the article (part 0), a tag (1) or a curated article (2). */
    private record OutlineRow(int part, UUID id, Instant publishedAt, Instant liveAt, UUID sectionId, String slug, String locale,
                              UUID translationGroup) {
    }

    /** The article's row, then its tags, then its curated related articles, each in the editor's order. */
    private static final String OUTLINE = "select 0 as part, 0 as ord, a.id, a.published_at, a.live_at, a.section_id, s.slug, a.locale,"
            + " a.translation_group from article a left join section s on s.id = a.section_id where a.slug = ?"
            + " union all select 1, x.sort_order, t.id, null, null, null, t.slug, null, null"
            + " from article a join article_tag x on x.article_id = a.id join tag t on t.id = x.tag_id where a.slug = ?"
            + " union all select 2, r.sort_order, r.related_id, null, null, null, null, null, null"
            + " from article a join article_related r on r.article_id = a.id where a.slug = ?"
            + " order by 1, 2";

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

    /** The translation group of an article, if it exists. */
    Optional<UUID> translationGroupOf(UUID id) {
        return getEntityManager().createNativeQuery("select translation_group from article where id = ?1")
                .setParameter(1, id).getResultStream().findFirst().map(SqlValues::uuid);
    }

    /** The article of the group in this locale, in any state. */
    Optional<UUID> inTranslationGroup(UUID group, String locale) {
        return getEntityManager().createNativeQuery("select id from article where translation_group = ?1 and locale = ?2")
                .setParameter(1, group).setParameter(2, locale).getResultStream().findFirst().map(SqlValues::uuid);
    }

    long translationGroupSize(UUID group) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from article where translation_group = ?1")
                .setParameter(1, group).getSingleResult()).longValue();
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
            new NativeSql().append("select slug, article_id from article_slug where slug in (" + NativeSql.placeholders(slugs.size()) + ")",
                    slugs.toArray()).list(getEntityManager(), row -> owners.put(row.getString(1), JdbcValues.uuid(row, 2)));
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
        new NativeSql().append("insert into article_slug (slug, article_id, created_at) values (?, ?, ?)", a.slug, a.id, now)
                .execute(getEntityManager());
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
        article.ifPresent(a -> {
            loadReferences(a);
            a.footprint().locked();
        });
        return article;
    }

    /**
     * Reads the locked article's section, tags, authors and curated related ids in one statement: every
     * write needs them (its delivery keys, its revision), and loaded lazily they were four round trips.
     * Not in the locking statement itself: on PostgreSQL a lock over outer joins makes Hibernate lock by
     * reading the row a second time.
     */
    private void loadReferences(Article article) {
        getEntityManager().createQuery("select a from Article a left join fetch a.section left join fetch a.tags"
                        + " left join fetch a.authors left join fetch a.related where a.id = :id", Article.class)
                .setParameter("id", article.id).getResultList();
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
        new NativeSql().append("update article_tag set published_at = ? where article_id = ?", a.liveAt, a.id).execute(getEntityManager());
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
