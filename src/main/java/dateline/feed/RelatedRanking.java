package dateline.feed;

import dateline.article.ArticleOutline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

/**
 * Chooses an article's best related candidates from the {@link RelatedIndex}, reading the index outward
 * from the article's date so that only what can still enter the list is read. The choice is the one
 * scoring every candidate would make ({@code RelatedRankingTest} holds it to that).
 */
final class RelatedRanking {
    /** The first band of dates read around the article's, in minutes; each next band is twice as wide. */
    static final long FIRST_BAND = 1440;

    private RelatedRanking() {
    }

    /** A candidate, its score and its delivery instant (epoch seconds), which breaks ties. */
    record Scored(UUID id, RelatedScore score, long liveAt) {
    }

    /** Ties: the newer article first, then the lower id, so the order never depends on the database. */
    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble((Scored c) -> -c.score().total())
            .thenComparing(Scored::liveAt, Comparator.reverseOrder())
            .thenComparing(Scored::id);

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
            OutwardWalk nearest = view.outwardInSection(section, published, from, to);
            int taken = 0;
            long lastApart = -1;
            // Ties with the last taken (same minutes away, same score) all go: the order decides among them.
            for (long apart = nearest.nextApart(); apart != OutwardWalk.NONE_LEFT && (taken < wanted || apart <= lastApart);
                    apart = nearest.nextApart()) {
                nearest.advance();
                IndexedArticle n = nearest.article();
                if (!sharing.anyBefore(nearest.tagMask(), n, sharing.size()) && !excluded.contains(n.id())) {
                    best.offer(n, 0.0, 1.0);
                    taken++;
                    lastApart = apart;
                }
            }
        }
        List<OutwardWalk> lists = article.tags().stream().map(t -> view.outwardWithTag(t.id(), published, from, to)).toList();
        double ceiling = sharing.total() + (section == null ? 0 : 1);
        for (long band = FIRST_BAND; ; band *= 2) {
            boolean left = false;
            for (int i = 0; i < lists.size(); i++) {
                OutwardWalk list = lists.get(i);
                while (list.nextApart() <= band) {
                    list.advance();
                    // Read once per tag it shares: counted from the first of them only. Being in tag i's list,
                    // it carries tag i; whether it is excluded or shares the section is asked only of those
                    // that could enter the list.
                    long mask = list.tagMask();
                    IndexedArticle n = list.article();
                    if (!sharing.anyBefore(mask, n, i)) {
                        best.offerSharing(n, list.liveAt(), sharing.weightFrom(mask, n, i), section, excluded);
                    }
                }
                left |= list.nextApart() != OutwardWalk.NONE_LEFT;
            }
            if (!left || (best.full() && RelatedScore.total(ceiling, 0, (band + 1) / 1440.0) < best.worst())) {
                return best.ranked();
            }
        }
    }

    /** The article's tags and their weights, as a candidate's own tags are matched against them. */
    private static final class Sharing {
        private final long[] msb;
        private final long[] lsb;
        private final long[] bit;
        private final double[] weights;

        Sharing(List<ArticleOutline.Term> terms, Map<UUID, Double> weight) {
            msb = terms.stream().mapToLong(t -> t.id().getMostSignificantBits()).toArray();
            lsb = terms.stream().mapToLong(t -> t.id().getLeastSignificantBits()).toArray();
            bit = terms.stream().mapToLong(t -> IndexedArticle.maskBit(t.id().getMostSignificantBits(), t.id().getLeastSignificantBits())).toArray();
            weights = terms.stream().mapToDouble(t -> weight.get(t.id())).toArray();
        }

        int size() {
            return msb.length;
        }

        /** Whether the candidate, whose tag mask is {@code mask}, carries any of the article's first {@code i} tags. */
        boolean anyBefore(long mask, IndexedArticle n, int i) {
            for (int j = 0; j < i; j++) {
                if ((mask & bit[j]) != 0 && n.carries(msb[j], lsb[j])) {
                    return true;
                }
            }
            return false;
        }

        /** The summed weights of the article's tags the candidate carries, given it carries tag {@code i} and none before it. */
        double weightFrom(long mask, IndexedArticle n, int i) {
            double sum = weights[i];
            for (int j = i + 1; j < msb.length; j++) {
                if ((mask & bit[j]) != 0 && n.carries(msb[j], lsb[j])) {
                    sum += weights[j];
                }
            }
            return sum;
        }

        double total() {
            return java.util.Arrays.stream(weights).sum();
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

        void offer(IndexedArticle n, double tags, double section) {
            double daysApart = daysApart(n.liveAt());
            if (heap.size() == wanted && RelatedScore.total(tags, section, daysApart) < heap.peek().score().total()) {
                return; // worse than the worst kept: no score made
            }
            heap.add(new Scored(n.id(), RelatedScore.computed(tags, section, daysApart), n.liveAt()));
            if (heap.size() > wanted) {
                heap.poll();
            }
        }

        /**
         * Offers a candidate sharing tags worth {@code tags}, unless {@code excluded}; it scores 1 more for
         * the same {@code section}. Most are turned away on the score they would have even sharing the
         * section, before their section or id is read.
         */
        void offerSharing(IndexedArticle n, long liveAt, double tags, UUID section, Set<UUID> excluded) {
            if (heap.size() == wanted && RelatedScore.total(tags, section == null ? 0.0 : 1.0, daysApart(liveAt)) < heap.peek().score().total()) {
                return;
            }
            if (!excluded.contains(n.id())) {
                offer(n, tags, section != null && section.equals(n.section()) ? 1.0 : 0.0);
            }
        }

        private double daysApart(long liveAt) {
            return ((liveAt - published) / 60) / 1440.0; // whole minutes, as Duration.toMinutes counts them
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
}
