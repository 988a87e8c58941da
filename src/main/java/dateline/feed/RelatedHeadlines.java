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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The "more on this" column under an article: the editor's curated list first, then published articles
 * ranked by {@link RelatedScore}. Never the article itself, never a duplicate, never a draft. Candidates and
 * their scores, the headlines listed, and the article itself unless previewed, all come from the
 * {@link RelatedIndex}: a live article's list costs no statement.
 */
@ApplicationScoped
public class RelatedHeadlines {
    /** Candidates are looked for within this distance of the article's date: related news is contemporary. */
    static final Duration WINDOW = Duration.ofDays(180);
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
        ArticleOutline article = outline(slug, preview);
        // The candidates share the article's section or a tag, and the tags' weights count their articles.
        List<String> keys = new ArrayList<>();
        if (article.section() != null) {
            keys.add(DependencyKeys.section(article.section().slug()));
        }
        article.tags().forEach(t -> keys.add(DependencyKeys.tag(t.slug())));
        DependencyKeys.read(keys);
        // Every curated id is read as a dependency, shown or not: publishing a draft among them changes the list.
        DependencyKeys.read(article.related().stream().map(DependencyKeys::article).toList());
        Instant now = clock.instant();
        List<HeadlineView> items = new ArrayList<>();
        index.read(view -> {
            for (UUID id : article.related()) {
                Headline curated = view.liveHeadline(id, now);
                if (curated != null && items.size() < limit) {
                    items.add(HeadlineView.from(curated, explain ? RelatedScore.curatedItem() : null));
                }
            }
            if (items.size() == limit) {
                return;
            }
            Set<UUID> excluded = new LinkedHashSet<>(article.related());
            excluded.add(article.id());
            // A previewed draft has no date yet: ranked as if it went out now.
            Instant date = article.publishedAt() != null ? article.publishedAt() : now;
            int wanted = limit - items.size();
            // More candidates than needed, so those in the preferred language can come first.
            String preferred = locale != null ? locale : article.locale();
            for (RelatedRanking.Scored candidate : rank(view, article, date, excluded, Math.min(wanted * LANGUAGE_SPREAD, 150), now,
                    preferred, locale == null)) {
                Headline ranked = view.liveHeadline(candidate.id(), now);
                if (ranked != null && items.size() < limit) {
                    DependencyKeys.read(DependencyKeys.article(ranked.id()));
                    items.add(HeadlineView.from(ranked, explain ? candidate.score() : null));
                }
            }
        });
        return items;
    }

    /**
     * The article the list belongs to: a live article under its current slug from the index, as current as
     * the ranking; a preview, an old slug (301), an article gone (410) or unknown (404) from the database.
     */
    private ArticleOutline outline(String slug, Optional<PreviewGrant> preview) {
        if (preview.isEmpty()) {
            Optional<ArticleOutline> indexed = index.outline(slug, clock.instant());
            if (indexed.isPresent()) {
                DependencyKeys.read(DependencyKeys.article(indexed.get().id()));
                return indexed.get();
            }
        }
        return articles.outline(slug, preview);
    }

    /** The article's curated related articles that are published, in the editor's order. */
    public List<Headline> curated(Article article) {
        return finder.liveHeadlines(article.related);
    }

    /**
     * Of the best {@code pool} candidates within {@link #WINDOW} of the article's date, those in the
     * {@code preferred} language first, then ({@code others}) the rest, in rank order; never the article's
     * own translations, the same story. Languages and translation groups are the index's.
     */
    private static List<RelatedRanking.Scored> rank(RelatedIndex.View view, ArticleOutline article, Instant date, Set<UUID> excluded,
                                                    int pool, Instant now, String preferred, boolean others) {
        List<RelatedRanking.Scored> same = new ArrayList<>();
        List<RelatedRanking.Scored> other = new ArrayList<>();
        Map<UUID, Double> weight = new HashMap<>();
        article.tags().forEach(t -> weight.put(t.id(), weight(view.liveWithTag(t.id(), now))));
        for (RelatedRanking.Scored candidate : RelatedRanking.rankWithin(view, article, date, excluded, pool, now, WINDOW, weight)) {
            ArticleOutline outline = view.outlineOf(candidate.id());
            if (outline != null && !outline.translationGroup().equals(article.translationGroup())) {
                (preferred.equals(outline.locale()) ? same : other).add(candidate);
            }
        }
        if (others) {
            same.addAll(other);
        }
        return same;
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
