package dateline.feed;

import dateline.article.Article;
import dateline.article.ArticleOutline;
import dateline.article.ArticleFinder;
import dateline.article.ArticleRepository;
import dateline.article.Headline;
import dateline.common.http.DependencyKeys;
import dateline.preview.PreviewGrant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

/**
 * The "more on this" column under an article: the editor's curated list first, then published articles
 * ranked by {@link RelatedScore}. Never the article itself, never a duplicate, never a draft. Candidates and
 * their scores come from the {@link RelatedIndex}; the database is asked only for the article and for the
 * headlines of the items chosen.
 */
@ApplicationScoped
public class RelatedHeadlines {
    /** Candidates are looked for within this distance of the article's date: related news is contemporary. */
    static final Duration WINDOW = Duration.ofDays(180);
    /** Where candidates are looked for first: at the edge, recency has fallen to under a fifth. */
    static final Duration NEAR = Duration.ofDays(35);
    static final double NOMINAL_ARCHIVE = 10_000;
    /** How many ranked candidates are read per headline wanted, to prefer those in the article's language. */
    static final int LANGUAGE_SPREAD = 3;

    private final ArticleRepository articles;
    private final ArticleFinder finder;
    private final RelatedIndex index;
    private final Clock clock;

    RelatedHeadlines(ArticleRepository articles, ArticleFinder finder, RelatedIndex index, Clock clock) {
        this.articles = articles;
        this.finder = finder;
        this.index = index;
        this.clock = clock;
    }

    /**
     * The related headlines of the article delivery shows under {@code slug}, to anyone or to this preview.
     * Ranked ones in the article's language (or in {@code locale}, when given, only those) come before the
     * others, and its own translations, the same story, are not listed.
     */
    public List<HeadlineView> of(String slug, String locale, int limit, boolean explain, Optional<PreviewGrant> preview) {
        ArticleOutline article = articles.outline(slug, preview);
        // The candidates share the article's section or a tag, and the tags' weights count their articles.
        List<String> keys = new ArrayList<>();
        if (article.section() != null) {
            keys.add(DependencyKeys.section(article.section().slug()));
        }
        article.tags().forEach(t -> keys.add(DependencyKeys.tag(t.slug())));
        DependencyKeys.read(keys);
        List<Headline> curated = finder.liveHeadlines(article.related()).stream().limit(limit).toList();
        List<HeadlineView> items = new ArrayList<>();
        curated.forEach(h -> items.add(HeadlineView.from(h, explain ? RelatedScore.curatedItem() : null)));
        if (items.size() < limit) {
            Set<UUID> excluded = new LinkedHashSet<>(article.related());
            excluded.add(article.id());
            Instant now = clock.instant();
            // A previewed draft has no date yet: ranked as if it went out now.
            Instant date = article.publishedAt() != null ? article.publishedAt() : now;
            int wanted = limit - items.size();
            // More candidates than needed, so those in the preferred language can come first.
            List<Scored> ranked = rank(article, date, excluded, Math.min(wanted * LANGUAGE_SPREAD, 150), now);
            Map<UUID, Headline> loaded = new HashMap<>();
            finder.liveHeadlines(ranked.stream().map(Scored::id).toList()).forEach(h -> loaded.put(h.id(), h));
            String preferred = locale != null ? locale : article.locale();
            List<HeadlineView> same = new ArrayList<>();
            List<HeadlineView> other = new ArrayList<>();
            for (Scored candidate : ranked) {
                Headline h = loaded.get(candidate.id());
                if (h != null && !h.translationGroup().equals(article.translationGroup())) {
                    (preferred.equals(h.locale()) ? same : other).add(HeadlineView.from(h, explain ? candidate.score() : null));
                }
            }
            same.stream().limit(wanted).forEach(items::add);
            if (locale == null) {
                other.stream().limit(limit - items.size()).forEach(items::add);
            }
        }
        return items;
    }

    /** The article's curated related articles that are published, in the editor's order. */
    public List<Headline> curated(Article article) {
        return finder.liveHeadlines(article.related);
    }

    /** A candidate, its score and its delivery instant (epoch seconds), which breaks ties. */
    record Scored(UUID id, RelatedScore score, long liveAt) {
    }

    /** Ties: the newer article first, then the lower id, so the order never depends on the database. */
    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble((Scored c) -> -c.score().total())
            .thenComparing(Scored::liveAt, Comparator.reverseOrder())
            .thenComparing(Scored::id);

    /**
     * The best {@code wanted} candidates. Most of them are found close to the article's date, so candidates
     * are first looked for within {@link #NEAR}: when the list found there scores at least what any
     * article further away could reach (every tag shared and the same section, at the recency of the
     * window's edge), nothing outside can enter it; otherwise the whole {@link #WINDOW} is searched.
     */
    private List<Scored> rank(ArticleOutline article, Instant date, Set<UUID> excluded, int wanted, Instant now) {
        List<List<Scored>> ranked = new ArrayList<>(1);
        index.read(view -> {
            Map<UUID, Double> weight = new HashMap<>();
            article.tags().forEach(t -> weight.put(t.id(), weight(view.liveWithTag(t.id(), now))));
            double ceiling = weight.values().stream().mapToDouble(Double::doubleValue).sum() + (article.section() == null ? 0 : 1);
            List<Scored> near = rankWithin(view, article, date, excluded, wanted, now, NEAR, weight);
            double outside = RelatedScore.computed(ceiling, 0, NEAR.toDays()).total();
            boolean settled = near.size() == wanted && near.get(wanted - 1).score().total() >= outside;
            ranked.add(settled ? near : rankWithin(view, article, date, excluded, wanted, now, WINDOW, weight));
        });
        return ranked.get(0);
    }

    /**
     * The best {@code wanted} candidates dated within {@code window} of the article. Those sharing a tag are
     * gathered from the tags' lists and scored; those sharing only the section score by recency alone, so
     * the best of them are the nearest in date, read outward from the article's date only as far as
     * {@code wanted} of them go, where scoring the whole section's window read thousands.
     */
    static List<Scored> rankWithin(RelatedIndex.View view, ArticleOutline article, Instant date, Set<UUID> excluded, int wanted,
                                   Instant now, Duration window, Map<UUID, Double> weight) {
        Instant from = date.minus(window);
        Instant to = date.plus(window).isAfter(now) ? now : date.plus(window);
        UUID section = article.section() == null ? null : article.section().id();
        // Keyed by the index's own node: thousands of candidates, and no UUID hashing per visit.
        Map<RelatedIndex.Node, Shared> sharingTags = new IdentityHashMap<>();
        for (ArticleOutline.Term tag : article.tags()) {
            double w = weight.get(tag.id());
            view.withTag(tag.id(), from, to, n -> sharingTags.computeIfAbsent(n, k -> new Shared()).tags += w);
        }
        long published = date.getEpochSecond();
        Best best = new Best(wanted, published);
        sharingTags.forEach((n, shared) -> {
            if (!excluded.contains(n.id())) {
                best.offer(n, shared.tags, section != null && section.equals(n.section()) ? 1.0 : 0.0);
            }
        });
        if (section != null) {
            view.nearestInSection(section, published, from, to, n -> !sharingTags.containsKey(n) && !excluded.contains(n.id()), wanted,
                    n -> best.offer(n, 0.0, 1.0));
        }
        return best.ranked();
    }

    /** The best {@code wanted} offered, in a heap whose head is the worst of them: no sort of every candidate. */
    private static final class Best {
        private final int wanted;
        private final long published;
        private final PriorityQueue<Scored> heap;

        Best(int wanted, long published) {
            this.wanted = wanted;
            this.published = published;
            this.heap = new PriorityQueue<>(wanted + 1, BEST_FIRST.reversed());
        }

        void offer(RelatedIndex.Node n, double tags, double section) {
            double daysApart = ((n.liveAt() - published) / 60) / 1440.0; // whole minutes, as Duration.toMinutes counts them
            if (heap.size() == wanted && RelatedScore.total(tags, section, daysApart) < heap.peek().score().total()) {
                return; // worse than the worst kept: no score made
            }
            heap.add(new Scored(n.id(), RelatedScore.computed(tags, section, daysApart), n.liveAt()));
            if (heap.size() > wanted) {
                heap.poll();
            }
        }

        List<Scored> ranked() {
            List<Scored> ranked = new ArrayList<>(heap);
            ranked.sort(BEST_FIRST);
            return ranked;
        }
    }

    /** What a candidate shares with the article, summed while the index is walked. */
    private static final class Shared {
        double tags;
        double section;
    }

    /**
     * ln(1 + 10,000 / df) per tag, df being how many published articles carry it: the rarer the tag, the
     * more sharing it means. The nominal archive size (not the live count) keeps an article's ranking
     * independent of publications that share nothing with it, so related lists stay cached across them.
     */
    private static double weight(long documentFrequency) {
        return Math.log(1.0 + NOMINAL_ARCHIVE / Math.max(1, documentFrequency));
    }
}
