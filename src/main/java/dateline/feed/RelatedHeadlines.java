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
    /** The first band of dates read around the article's, in minutes; each next band is twice as wide. */
    static final long FIRST_BAND = 1440;
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

    /** The best {@code wanted} candidates within {@link #WINDOW} of the article's date. */
    private List<Scored> rank(ArticleOutline article, Instant date, Set<UUID> excluded, int wanted, Instant now) {
        List<List<Scored>> ranked = new ArrayList<>(1);
        index.read(view -> {
            Map<UUID, Double> weight = new HashMap<>();
            article.tags().forEach(t -> weight.put(t.id(), weight(view.liveWithTag(t.id(), now))));
            ranked.add(rankWithin(view, article, date, excluded, wanted, now, WINDOW, weight));
        });
        return ranked.get(0);
    }

    /**
     * The best {@code wanted} candidates dated within {@code window} of the article, read outward from its
     * date so that only what can still enter the list is read. Those sharing only the section score by
     * recency alone: the nearest of them are the best, and no more are read. Those sharing a tag are read
     * in bands of dates twice as wide each time, until no article further away could score above the
     * worst kept even sharing every tag and the section. Each candidate is scored from its own tags, once.
     */
    static List<Scored> rankWithin(RelatedIndex.View view, ArticleOutline article, Instant date, Set<UUID> excluded, int wanted,
                                   Instant now, Duration window, Map<UUID, Double> weight) {
        Instant from = date.minus(window);
        Instant to = date.plus(window).isAfter(now) ? now : date.plus(window);
        long published = date.getEpochSecond();
        UUID section = article.section() == null ? null : article.section().id();
        Sharing sharing = new Sharing(article.tags(), weight);
        Best best = new Best(wanted, published);
        if (section != null) {
            RelatedIndex.Outward nearest = view.outwardInSection(section, published, from, to);
            int taken = 0;
            long lastApart = -1;
            // Ties with the last taken (same minutes away, same score) all go: the order decides among them.
            for (long apart = nearest.nextApart(); apart != RelatedIndex.Outward.NONE_LEFT && (taken < wanted || apart <= lastApart);
                    apart = nearest.nextApart()) {
                RelatedIndex.Node n = nearest.next();
                if (sharing.firstShared(n) < 0 && !excluded.contains(n.id())) {
                    best.offer(n, 0.0, 1.0);
                    taken++;
                    lastApart = apart;
                }
            }
        }
        List<RelatedIndex.Outward> lists = article.tags().stream().map(t -> view.outwardWithTag(t.id(), published, from, to)).toList();
        double ceiling = sharing.total() + (section == null ? 0 : 1);
        for (long band = FIRST_BAND; ; band *= 2) {
            boolean left = false;
            for (int i = 0; i < lists.size(); i++) {
                RelatedIndex.Outward list = lists.get(i);
                while (list.nextApart() <= band) {
                    RelatedIndex.Node n = list.next();
                    // Read once per tag it shares: counted from the first of them only.
                    if (sharing.firstShared(n) == i && !excluded.contains(n.id())) {
                        best.offer(n, sharing.weightOf(n), section != null && section.equals(n.section()) ? 1.0 : 0.0);
                    }
                }
                left |= list.nextApart() != RelatedIndex.Outward.NONE_LEFT;
            }
            if (!left || (best.full() && RelatedScore.total(ceiling, 0, (band + 1) / 1440.0) < best.worst())) {
                return best.ranked();
            }
        }
    }

    /** The article's tags and their weights, as a candidate's own tags are matched against them. */
    private static final class Sharing {
        private final UUID[] tags;
        private final double[] weights;

        Sharing(List<ArticleOutline.Term> terms, Map<UUID, Double> weight) {
            tags = terms.stream().map(ArticleOutline.Term::id).toArray(UUID[]::new);
            weights = terms.stream().mapToDouble(t -> weight.get(t.id())).toArray();
        }

        /** The position among the article's tags of the first one the candidate carries; -1 for none. */
        int firstShared(RelatedIndex.Node n) {
            for (int i = 0; i < tags.length; i++) {
                if (carries(n, tags[i])) {
                    return i;
                }
            }
            return -1;
        }

        /** The summed weights of the article's tags the candidate carries. */
        double weightOf(RelatedIndex.Node n) {
            double sum = 0;
            for (int i = 0; i < tags.length; i++) {
                if (carries(n, tags[i])) {
                    sum += weights[i];
                }
            }
            return sum;
        }

        double total() {
            return java.util.Arrays.stream(weights).sum();
        }

        private static boolean carries(RelatedIndex.Node n, UUID tag) {
            for (UUID own : n.tags()) {
                if (own.equals(tag)) {
                    return true;
                }
            }
            return false;
        }
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

        boolean full() {
            return heap.size() == wanted;
        }

        double worst() {
            return heap.peek().score().total();
        }

        List<Scored> ranked() {
            List<Scored> ranked = new ArrayList<>(heap);
            ranked.sort(BEST_FIRST);
            return ranked;
        }
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
