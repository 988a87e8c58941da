package dateline.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dateline.article.ArticleOutline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ranking reads only the nearest of the candidates that share just the section: it must choose exactly
 * what scoring every candidate in the window chooses, ties (same minute, same score) included.
 */
class RelatedRankingTest {
    private static final long START = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();

    @Test
    void theNearestSectionWalkChoosesWhatScoringEveryCandidateChooses() {
        Random random = new Random(42);
        List<UUID> sections = ids(3);
        List<UUID> tags = ids(25);
        List<IndexedArticle> nodes = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            // half on the hour, some seconds apart: many candidates the same minutes away score alike
            long at = random.nextBoolean() ? START + 3600 * random.nextLong(40L * 24) + random.nextInt(3) : START + random.nextLong(400L * 86400);
            UUID[] own = random.ints(random.nextInt(4), 0, tags.size()).distinct().mapToObj(tags::get).toArray(UUID[]::new);
            nodes.add(new IndexedArticle(UUID.randomUUID(), at, random.nextInt(8) == 0 ? null : sections.get(random.nextInt(3)), own));
        }
        RelatedIndex.View view = RelatedIndex.of(nodes);
        Instant now = Instant.ofEpochSecond(START + 380L * 86400);
        for (int round = 0; round < 200; round++) {
            IndexedArticle article = nodes.get(random.nextInt(nodes.size()));
            ArticleOutline outline = new ArticleOutline(article.id(), Instant.ofEpochSecond(article.liveAt()), "en", article.id(),
                    article.section() == null ? null : new ArticleOutline.Term(article.section(), "s"),
                    java.util.Arrays.stream(article.tags()).map(t -> new ArticleOutline.Term(t, "t")).toList(), List.of());
            Map<UUID, Double> weight = new HashMap<>();
            outline.tags().forEach(t -> weight.put(t.id(), 1.0 + random.nextInt(3)));
            int wanted = 1 + random.nextInt(40);
            Duration window = random.nextBoolean() ? Duration.ofDays(35) : RelatedHeadlines.WINDOW;
            Set<UUID> excluded = Set.of(article.id(), nodes.get(random.nextInt(nodes.size())).id());

            List<RelatedRanking.Scored> ranked = RelatedRanking.rankWithin(view, outline, outline.publishedAt(), excluded, wanted,
                    now, window, weight);
            assertEquals(everyCandidateScored(nodes, outline, excluded, wanted, now, window, weight), ranked.stream().map(RelatedRanking.Scored::id).toList(),
                    "round " + round + ", wanted " + wanted + ", window " + window);
        }
    }

    /** The ranking by definition: every article in the window sharing the section or a tag, scored and sorted. */
    private static List<UUID> everyCandidateScored(List<IndexedArticle> nodes, ArticleOutline article, Set<UUID> excluded, int wanted,
                                                   Instant now, Duration window, Map<UUID, Double> weight) {
        Instant date = article.publishedAt();
        long from = date.minus(window).getEpochSecond();
        long to = Math.min(now.getEpochSecond(), date.plus(window).getEpochSecond());
        record Candidate(UUID id, double total, long liveAt) {
        }
        List<Candidate> all = new ArrayList<>();
        for (IndexedArticle n : nodes) {
            if (n.liveAt() < from || n.liveAt() > to || excluded.contains(n.id())) {
                continue;
            }
            double tags = 0;
            for (UUID tag : n.tags()) {
                tags += weight.getOrDefault(tag, 0.0);
            }
            double section = article.section() != null && article.section().id().equals(n.section()) ? 1 : 0;
            if (tags > 0 || section > 0) {
                double daysApart = ((n.liveAt() - date.getEpochSecond()) / 60) / 1440.0;
                all.add(new Candidate(n.id(), RelatedScore.computed(tags, section, daysApart).total(), n.liveAt()));
            }
        }
        all.sort(Comparator.comparingDouble((Candidate c) -> -c.total()).thenComparing(Candidate::liveAt, Comparator.reverseOrder())
                .thenComparing(Candidate::id));
        return all.stream().limit(wanted).map(Candidate::id).toList();
    }

    private static List<UUID> ids(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }
}
