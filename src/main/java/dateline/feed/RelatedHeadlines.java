package dateline.feed;

import static dateline.common.sql.SqlValues.instant;
import static dateline.common.sql.SqlValues.uuid;

import dateline.article.Article;
import dateline.article.ArticleRepository;
import dateline.common.http.ContentVersion;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The "more on this" column under an article: the editor's curated list first, then published articles
 * ranked by {@link RelatedScore}. Never the article itself, never a duplicate, never a draft.
 */
@ApplicationScoped
public class RelatedHeadlines {
    /** Candidates are looked for within this distance of the article's date: related news is contemporary. */
    static final Duration WINDOW = Duration.ofDays(180);
    static final int MAX_CANDIDATES = 2000;

    private final ArticleRepository articles;
    private final ContentVersion version;
    private final Clock clock;
    private volatile PublishedCount publishedCount;

    RelatedHeadlines(ArticleRepository articles, ContentVersion version, Clock clock) {
        this.articles = articles;
        this.version = version;
        this.clock = clock;
    }

    public List<HeadlineView> of(String slug, int limit, boolean explain) {
        Article article = articles.live(slug);
        EntityManager em = Panache.getEntityManager();
        Instant now = clock.instant();
        List<Article> curated = published(em, article.related, now).stream().limit(limit).toList();
        List<HeadlineView> items = new ArrayList<>();
        curated.forEach(a -> items.add(HeadlineView.from(a, explain ? RelatedScore.curatedItem() : null)));
        if (items.size() < limit) {
            Set<UUID> excluded = new LinkedHashSet<>(article.related);
            excluded.add(article.id);
            List<Map.Entry<UUID, RelatedScore>> ranked = rank(em, article, excluded, limit - items.size(), now);
            Map<UUID, Article> loaded = new HashMap<>();
            published(em, ranked.stream().map(Map.Entry::getKey).toList(), now).forEach(a -> loaded.put(a.id, a));
            for (Map.Entry<UUID, RelatedScore> e : ranked) {
                Article a = loaded.get(e.getKey());
                if (a != null) {
                    items.add(HeadlineView.from(a, explain ? e.getValue() : null));
                }
            }
        }
        return items;
    }

    /** The article's curated related articles that are published, in the editor's order. */
    public List<Article> curated(Article article) {
        return published(Panache.getEntityManager(), article.related, clock.instant());
    }

    private List<Map.Entry<UUID, RelatedScore>> rank(EntityManager em, Article article, Set<UUID> excluded, int wanted, Instant now) {
        Instant from = article.publishedAt.minus(WINDOW);
        Instant to = article.publishedAt.plus(WINDOW).isAfter(now) ? now : article.publishedAt.plus(WINDOW);
        Map<UUID, Double> tagScore = new HashMap<>();
        Map<UUID, Instant> published = new HashMap<>();
        Map<UUID, Boolean> sameSection = new HashMap<>();
        List<UUID> tagIds = article.tags.stream().map(t -> t.id).toList();
        if (!tagIds.isEmpty()) {
            Map<UUID, Double> weight = tagWeights(em, tagIds, now);
            for (Object[] row : rows(em.createNativeQuery("select t.article_id, t.tag_id, t.published_at from article_tag t"
                            + " where t.tag_id in (:tags) and t.published_at between :from and :to order by t.published_at desc")
                    .setParameter("tags", tagIds).setParameter("from", from).setParameter("to", to)
                    .setMaxResults(MAX_CANDIDATES).getResultList())) {
                UUID id = uuid(row[0]);
                tagScore.merge(id, weight.getOrDefault(uuid(row[1]), 0.0), Double::sum);
                published.put(id, instant(row[2]));
            }
        }
        if (article.section != null) {
            for (Object[] row : rows(em.createNativeQuery("select a.id, a.live_at from article a where a.section_id = :section"
                            + " and a.live_at between :from and :to order by a.live_at desc")
                    .setParameter("section", article.section.id).setParameter("from", from).setParameter("to", to)
                    .setMaxResults(MAX_CANDIDATES / 4).getResultList())) {
                sameSection.put(uuid(row[0]), true);
                published.put(uuid(row[0]), instant(row[1]));
            }
        }
        // Same-section members of the tag candidates count for their section too.
        Set<UUID> checkSection = new LinkedHashSet<>(tagScore.keySet());
        checkSection.removeAll(sameSection.keySet());
        if (article.section != null && !checkSection.isEmpty()) {
            em.createQuery("select a.id from Article a where a.section.id = :section and a.id in :ids", UUID.class)
                    .setParameter("section", article.section.id).setParameter("ids", checkSection)
                    .getResultList().forEach(id -> sameSection.put(id, true));
        }
        Map<UUID, RelatedScore> scores = new HashMap<>();
        for (Map.Entry<UUID, Instant> candidate : published.entrySet()) {
            UUID id = candidate.getKey();
            if (!excluded.contains(id)) {
                double days = Duration.between(article.publishedAt, candidate.getValue()).toMinutes() / 1440.0;
                scores.put(id, RelatedScore.computed(tagScore.getOrDefault(id, 0.0), sameSection.containsKey(id) ? 1.0 : 0.0, days));
            }
        }
        // Ties: the newer article first, then the lower id, so the order never depends on the database.
        Comparator<Map.Entry<UUID, RelatedScore>> order = Comparator
                .comparing((Map.Entry<UUID, RelatedScore> e) -> -e.getValue().total())
                .thenComparing(e -> published.get(e.getKey()), Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey);
        return scores.entrySet().stream().sorted(order).limit(wanted).toList();
    }

    /** ln(1 + N / df) per tag: the rarer the tag among published articles, the more sharing it means. */
    private Map<UUID, Double> tagWeights(EntityManager em, List<UUID> tagIds, Instant now) {
        long total = publishedCount(em, now);
        Map<UUID, Double> weights = new HashMap<>();
        for (Object[] row : rows(em.createNativeQuery("select t.tag_id, count(*) from article_tag t"
                        + " where t.published_at <= :now and t.tag_id in (:tags) group by t.tag_id")
                .setParameter("tags", tagIds).setParameter("now", now).getResultList())) {
            long df = ((Number) row[1]).longValue();
            weights.put(uuid(row[0]), Math.log(1.0 + (double) total / Math.max(1, df)));
        }
        return weights;
    }

    /** N of the tag weights, counted once per content generation rather than on every request. */
    private long publishedCount(EntityManager em, Instant now) {
        long generation = version.generation();
        PublishedCount known = publishedCount;
        if (known != null && known.generation() == generation) {
            return known.count();
        }
        long count = ((Number) em.createNativeQuery("select count(*) from article where live_at <= ?1")
                .setParameter(1, now).getSingleResult()).longValue();
        publishedCount = new PublishedCount(generation, count);
        return count;
    }

    private record PublishedCount(long generation, long count) {
    }

    /** The published articles among {@code ids}, in the order given. */
    private static List<Article> published(EntityManager em, List<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Article> byId = new HashMap<>();
        em.createQuery("select a from Article a left join fetch a.section where a.id in :ids and a.liveAt <= :now",
                Article.class).setParameter("ids", ids).setParameter("now", now).getResultList().forEach(a -> byId.put(a.id, a));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> rows) {
        return (List<Object[]>) rows;
    }
}
