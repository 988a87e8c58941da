package dateline.feed;

import dateline.article.ArticleOutline;
import dateline.article.Headline;
import dateline.common.sql.JdbcValues;
import dateline.common.sql.NativeSql;
import io.quarkus.hibernate.orm.panache.Panache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads what the {@link RelatedIndex} holds of each article from the database: its ranking entry, its
 * outline and its headline.
 */
final class IndexRows {
    private IndexRows() {
    }

    /** An article as {@link #load} reads it: for ranking, and its outline and headline. */
    record Loaded(IndexedArticle node, IndexedOutline outline) {
    }

    /**
     * The delivered or scheduled articles among {@code ids} (all of them when null), with their tags,
     * outlines and headlines; {@code terms} gives each section and tag one shared {@link ArticleOutline.Term}.
     */
    static Map<UUID, Loaded> load(List<UUID> ids, Map<UUID, ArticleOutline.Term> terms) {
        var em = Panache.getEntityManager();
        Object[] values = ids == null ? new Object[0] : ids.toArray();
        String in = ids == null ? "" : " in (" + NativeSql.placeholders(ids.size()) + ")";
        Map<UUID, List<Ordered<ArticleOutline.Term>>> tags = new HashMap<>();
        // A tag row carries its article's delivery instant, null while the article is not delivered.
        new NativeSql().append("select t.article_id, t.sort_order, t.tag_id, g.slug from article_tag t join tag g on g.id = t.tag_id"
                        + " where t.published_at is not null" + (ids == null ? "" : " and t.article_id" + in), values)
                .list(em, row -> tags.computeIfAbsent(JdbcValues.uuid(row, 1), k -> new ArrayList<>())
                        .add(new Ordered<>(row.getInt(2), term(terms, JdbcValues.uuid(row, 3), row.getString(4)))));
        Map<UUID, List<Ordered<UUID>>> related = new HashMap<>();
        new NativeSql().append("select r.article_id, r.sort_order, r.related_id from article_related r join article a on a.id = r.article_id"
                        + " where a.live_at is not null" + (ids == null ? "" : " and r.article_id" + in), values)
                .list(em, row -> related.computeIfAbsent(JdbcValues.uuid(row, 1), k -> new ArrayList<>())
                        .add(new Ordered<>(row.getInt(2), JdbcValues.uuid(row, 3))));
        Map<UUID, Loaded> loaded = new HashMap<>();
        // The row as a headline shows it, after its delivery instant and section id: a related list's items
        // are then read from the index too, as current as the ranking that chose them.
        new NativeSql().append("select a.live_at, a.section_id, " + Headline.COLUMNS + Headline.FROM + " where a.live_at is not null"
                        + (ids == null ? "" : " and a.id" + in), values)
                .list(em, row -> {
                    Instant liveAt = JdbcValues.instant(row, 1);
                    UUID section = JdbcValues.uuid(row, 2);
                    Headline headline = shared(Headline.read(row, 3));
                    UUID id = headline.id();
                    List<ArticleOutline.Term> itsTags = inOrder(tags.get(id));
                    IndexedArticle node = new IndexedArticle(id, liveAt.getEpochSecond(), section,
                            itsTags.stream().map(ArticleOutline.Term::id).toArray(UUID[]::new));
                    ArticleOutline outline = new ArticleOutline(id, headline.publishedAt(), headline.locale(), headline.translationGroup(),
                            section == null ? null : term(terms, section, headline.sectionSlug()), itsTags, inOrder(related.get(id)));
                    return loaded.put(id, new Loaded(node, new IndexedOutline(liveAt, outline, headline)));
                });
        return loaded;
    }

    /**
     * The headline with one copy of the values that only a few distinct strings take (its section's slug and
     * name, its language): read per row, they were a tenth of the index's heap.
     */
    private static Headline shared(Headline h) {
        return new Headline(h.id(), h.slug(), h.title(), h.publishedAt(), intern(h.sectionSlug()), intern(h.sectionName()), h.excerpt(),
                h.imageUrl(), intern(h.locale()), h.translationGroup(), h.leadImageId());
    }

    private static String intern(String value) {
        return value == null ? null : value.intern();
    }

    /** A section's or tag's one shared term. */
    private static ArticleOutline.Term term(Map<UUID, ArticleOutline.Term> terms, UUID id, String slug) {
        return terms.computeIfAbsent(id, k -> new ArticleOutline.Term(id, slug));
    }

    /** A value and its place in the editor's order. */
    private record Ordered<T>(int order, T value) {
    }

    private static <T> List<T> inOrder(List<Ordered<T>> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().sorted(Comparator.comparingInt(Ordered::order)).map(Ordered::value).toList();
    }
}
