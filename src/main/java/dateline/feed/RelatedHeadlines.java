package dateline.feed;

import static dateline.common.sql.SqlValues.instant;
import static dateline.common.sql.SqlValues.uuid;

import dateline.article.Article;
import dateline.article.ArticleFinder;
import dateline.article.ArticleRepository;
import dateline.article.Headline;
import dateline.common.http.ContentVersion;
import dateline.common.http.DependencyKeys;
import dateline.tag.Tag;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The "more on this" column under an article: the editor's curated list first, then published articles
 * ranked by {@link RelatedScore}. Never the article itself, never a duplicate, never a draft.
 */
@ApplicationScoped
public class RelatedHeadlines {
    /** Candidates are looked for within this distance of the article's date: related news is contemporary. */
    static final Duration WINDOW = Duration.ofDays(180);
    /** Where candidates are looked for first: at the edge, recency has fallen to under a fifth. */
    static final Duration NEAR = Duration.ofDays(35);
    static final int MAX_CANDIDATES = 2000;
    static final int SECTION_CHECK_CHUNK = 100;

    private final ArticleRepository articles;
    private final ArticleFinder finder;
    private final ContentVersion version;
    private final Clock clock;
    static final double NOMINAL_ARCHIVE = 10_000;

    private final Map<UUID, Frequency> frequencies = new ConcurrentHashMap<>();

    RelatedHeadlines(ArticleRepository articles, ArticleFinder finder, ContentVersion version, Clock clock) {
        this.articles = articles;
        this.finder = finder;
        this.version = version;
        this.clock = clock;
    }

    public List<HeadlineView> of(String slug, int limit, boolean explain) {
        Article article = articles.live(slug);
        // The candidates share the article's section or a tag, and the tags' weights count their articles.
        List<String> keys = new ArrayList<>();
        if (article.section != null) {
            keys.add(DependencyKeys.section(article.section.slug));
        }
        article.tags.forEach(t -> keys.add(DependencyKeys.tag(t.slug)));
        DependencyKeys.read(keys);
        EntityManager em = Panache.getEntityManager();
        Instant now = clock.instant();
        List<Headline> curated = finder.liveHeadlines(article.related).stream().limit(limit).toList();
        List<HeadlineView> items = new ArrayList<>();
        curated.forEach(a -> items.add(HeadlineView.from(a, explain ? RelatedScore.curatedItem() : null)));
        if (items.size() < limit) {
            Set<UUID> excluded = new LinkedHashSet<>(article.related);
            excluded.add(article.id);
            List<Map.Entry<UUID, RelatedScore>> ranked = rank(em, article, excluded, limit - items.size(), now);
            Map<UUID, Headline> loaded = new HashMap<>();
            finder.liveHeadlines(ranked.stream().map(Map.Entry::getKey).toList()).forEach(h -> loaded.put(h.id(), h));
            for (Map.Entry<UUID, RelatedScore> e : ranked) {
                Headline h = loaded.get(e.getKey());
                if (h != null) {
                    items.add(HeadlineView.from(h, explain ? e.getValue() : null));
                }
            }
        }
        return items;
    }

    /** The article's curated related articles that are published, in the editor's order. */
    public List<Headline> curated(Article article) {
        return finder.liveHeadlines(article.related);
    }

    /**
     * The best {@code wanted} candidates. Most of them are found close to the article's date, so candidates
     * are first looked for within {@link #NEAR}: when the list found there scores at least what any
     * article further away could reach (every tag shared and the same section, at the recency of the
     * window's edge), nothing outside can enter it; otherwise the whole {@link #WINDOW} is searched.
     */
    private List<Map.Entry<UUID, RelatedScore>> rank(EntityManager em, Article article, Set<UUID> excluded, int wanted, Instant now) {
        Map<UUID, Double> weight = article.tags.isEmpty() ? Map.of() : tagWeights(em, article.tags, now);
        double ceiling = weight.values().stream().mapToDouble(Double::doubleValue).sum() + (article.section == null ? 0 : 1);
        List<Map.Entry<UUID, RelatedScore>> near = rankWithin(em, article, excluded, wanted, now, NEAR, weight);
        double outside = RelatedScore.computed(ceiling, 0, NEAR.toDays()).total();
        if (near.size() == wanted && near.get(wanted - 1).getValue().total() >= outside) {
            return near;
        }
        return rankWithin(em, article, excluded, wanted, now, WINDOW, weight);
    }

    private List<Map.Entry<UUID, RelatedScore>> rankWithin(EntityManager em, Article article, Set<UUID> excluded, int wanted,
                                                          Instant now, Duration window, Map<UUID, Double> weight) {
        Instant from = article.publishedAt.minus(window);
        Instant to = article.publishedAt.plus(window).isAfter(now) ? now : article.publishedAt.plus(window);
        Map<UUID, Double> tagScore = new HashMap<>();
        Map<UUID, Instant> published = new HashMap<>();
        Map<UUID, Boolean> sameSection = new HashMap<>();
        List<UUID> tagIds = article.tags.stream().map(t -> t.id).toList();
        if (!tagIds.isEmpty()) {
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
        // The section part of a score is known for the section's newest candidates; for the other tag
        // candidates it adds at most 1 x recency. Ask the database only about those that could still
        // reach the list, best possible score first, and stop once none of the rest can.
        List<Candidate> candidates = new ArrayList<>(published.size());
        published.keySet().stream().filter(id -> !excluded.contains(id))
                .forEach(id -> candidates.add(new Candidate(id, best(article, tagScore, published, id))));
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.best()).thenComparing(Candidate::id));
        List<UUID> byBest = candidates.stream().map(Candidate::id).toList();
        Map<UUID, RelatedScore> scores = new HashMap<>();
        List<Double> totals = new ArrayList<>();
        for (int start = 0; start < byBest.size(); start += SECTION_CHECK_CHUNK) {
            if (totals.size() >= wanted && candidates.get(start).best() < kthLargest(totals, wanted)) {
                break;
            }
            List<UUID> chunk = byBest.subList(start, Math.min(byBest.size(), start + SECTION_CHECK_CHUNK));
            if (article.section != null) {
                List<UUID> unknown = chunk.stream().filter(id -> !sameSection.containsKey(id)).toList();
                if (!unknown.isEmpty()) {
                    em.createNativeQuery("select id from article where section_id = :section and id in (:ids)")
                            .setParameter("section", article.section.id).setParameter("ids", unknown)
                            .getResultList().forEach(id -> sameSection.put(uuid(id), true));
                }
            }
            for (UUID id : chunk) {
                RelatedScore score = RelatedScore.computed(tagScore.getOrDefault(id, 0.0), sameSection.containsKey(id) ? 1.0 : 0.0,
                        daysApart(article, published.get(id)));
                scores.put(id, score);
                totals.add(score.total());
            }
        }
        // Ties: the newer article first, then the lower id, so the order never depends on the database.
        Comparator<Map.Entry<UUID, RelatedScore>> order = Comparator
                .comparing((Map.Entry<UUID, RelatedScore> e) -> -e.getValue().total())
                .thenComparing(e -> published.get(e.getKey()), Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey);
        return scores.entrySet().stream().sorted(order).limit(wanted).toList();
    }

    /** A candidate with the highest score it could reach, compared without map lookups: there are thousands. */
    private record Candidate(UUID id, double best) {
    }

    private static double daysApart(Article article, Instant other) {
        return Duration.between(article.publishedAt, other).toMinutes() / 1440.0;
    }

    /** The highest score a candidate can have: its tags, plus the section if it turns out to share it. */
    private static double best(Article article, Map<UUID, Double> tagScore, Map<UUID, Instant> published, UUID id) {
        return RelatedScore.computed(tagScore.getOrDefault(id, 0.0), 1.0, daysApart(article, published.get(id))).total();
    }

    private static double kthLargest(List<Double> totals, int k) {
        return totals.stream().sorted(Comparator.reverseOrder()).skip(k - 1).findFirst().orElse(Double.NEGATIVE_INFINITY);
    }

    /**
     * ln(1 + 10,000 / df) per tag, df being how many published articles carry it: the rarer the tag, the
     * more sharing it means. The nominal archive size (not the live count) keeps an article's ranking
     * independent of publications that share nothing with it, so related lists stay cached across them.
     */
    private Map<UUID, Double> tagWeights(EntityManager em, List<Tag> tags, Instant now) {
        Map<UUID, Double> weights = new HashMap<>();
        List<Tag> missing = new ArrayList<>();
        for (Tag tag : tags) {
            Frequency known = frequencies.get(tag.id);
            if (known != null && version.unchangedSince(known.readAt(), List.of(DependencyKeys.tag(tag.slug)))) {
                weights.put(tag.id, weight(known.count()));
            } else {
                missing.add(tag);
            }
        }
        if (!missing.isEmpty()) {
            long readAt = version.now();
            Map<UUID, Long> counts = new HashMap<>();
            for (Object[] row : rows(em.createNativeQuery("select t.tag_id, count(*) from article_tag t"
                            + " where t.published_at <= :now and t.tag_id in (:tags) group by t.tag_id")
                    .setParameter("tags", missing.stream().map(t -> t.id).toList()).setParameter("now", now).getResultList())) {
                counts.put(uuid(row[0]), ((Number) row[1]).longValue());
            }
            for (Tag tag : missing) {
                long count = counts.getOrDefault(tag.id, 0L);
                frequencies.put(tag.id, new Frequency(readAt, count));
                weights.put(tag.id, weight(count));
            }
        }
        return weights;
    }

    private static double weight(long documentFrequency) {
        return Math.log(1.0 + NOMINAL_ARCHIVE / Math.max(1, documentFrequency));
    }

    /** How many published articles carried a tag, as counted at a {@link ContentVersion} number. */
    private record Frequency(long readAt, long count) {
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> rows) {
        return (List<Object[]>) rows;
    }
}
