package dateline.article;

import dateline.common.http.DependencyKeys;
import dateline.common.sql.JdbcValues;
import dateline.common.sql.NativeSql;
import dateline.common.term.Term;
import dateline.common.term.TermRef;
import dateline.media.ImageView;
import dateline.media.MediaItem;
import dateline.media.MediaLinks;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.Session;

/**
 * Live articles read as delivery shows them, in one statement whatever their number: each one's row with
 * its section, then its tags, authors, published translations and its terms' names in every locale. No
 * entity is loaded and each body is read once, where joining the tags to the article repeated the body on
 * every row, and the tags, authors and translations each cost a round trip of their own. It serves an
 * article page under its current slug, the common case, and every page of {@code /articles}. Anything else
 * (an old slug, an article not out, a preview) is left to {@link ArticleRepository#shown}, whose answers
 * (301, 410, 404, the previewed draft) it keeps.
 */
@ApplicationScoped
class LiveArticleRead {
    private static final String BY_SLUG = read("a.slug = ?", article -> article + " in (select a.id from article a where a.slug = ?)");

    private final Clock clock;

    LiveArticleRead(Clock clock) {
        this.clock = clock;
    }

    /**
     * The statement for the articles {@code key} picks out of {@code article a}; {@code linked} says the same of
     * a link table's article column, so that tags, authors and tag names are read from their link tables
     * without probing the article in each part (a page of twenty read about a fifth faster on PostgreSQL).
     * Every part names the key once, with the same parameters. Parts, in this order: the articles (0), their
     * tags (1) and authors (2) in the editor's order, their published translations (3), and the names of
     * their sections (4) and tags (5) in every locale.
     * Every part has the same columns: owner (the article, null for names), id, slug, title (or name) and
     * locale are shared, the rest only the articles'.
     */
    private static String read(String key, UnaryOperator<String> linked) {
        return "select 0 as part, 0 as ord, a.id as owner, a.id, a.slug, a.title, a.locale, a.subtitle, a.teaser, a.body,"
                + " a.image_url, a.published_at, a.live_at, a.updated_at, a.word_count, a.translation_group, a.lead_media_id,"
                + " s.id as section_id, s.slug as section_slug, s.name as section_name"
                + " from article a left join section s on s.id = a.section_id where " + key
                + " union all select 1, x.sort_order, x.article_id, t.id, t.slug, t.name, null, null, null, null, null, null, null, null, null, null, null, null, null, null"
                + " from article_tag x join tag t on t.id = x.tag_id where " + linked.apply("x.article_id")
                + " union all select 2, y.sort_order, y.article_id, p.id, p.slug, p.name, null, null, null, null, null, null, null, null, null, null, null, null, null, null"
                + " from article_author y join author p on p.id = y.author_id where " + linked.apply("y.article_id")
                + " union all select 3, 0, a.id, o.id, o.slug, o.title, o.locale, null, null, null, null, null, null, null, null, null, null, null, null, null"
                + " from article a join article o on o.translation_group = a.translation_group and o.id <> a.id and o.live_at <= ?"
                + " where " + key
                + " union all select 4, 0, null, n.section_id, null, n.name, n.locale, null, null, null, null, null, null, null, null, null, null, null, null, null"
                + " from article a join section_name n on n.section_id = a.section_id where " + key
                + " union all select 5, 0, null, n.tag_id, null, n.name, n.locale, null, null, null, null, null, null, null, null, null, null, null, null, null"
                + " from article_tag x join tag_name n on n.tag_id = x.tag_id where " + linked.apply("x.article_id")
                + " order by 1, 2, 7";
    }

    /** The article live now under this slug, as delivery shows it; empty when it is not (moved, not out, gone). */
    Optional<ArticleView> view(String slug) {
        Instant now = clock.instant();
        List<ArticleView> views = views(new NativeSql().append(BY_SLUG, parameters(List.of(slug), now)), now);
        return views.stream().findFirst();
    }

    /**
     * The live articles among {@code ids} as delivery shows them, in the order given; the others (gone or
     * withdrawn since the ids were chosen) are left out.
     */
    List<ArticleView> views(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<UUID, ArticleView> byId = new HashMap<>();
        String in = " in (" + NativeSql.placeholders(ids.size()) + ")";
        views(new NativeSql().append(read("a.id" + in, article -> article + in), parameters(ids, now)), now)
                .forEach(v -> byId.put(v.id(), v));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The parameters of a statement {@link #read} wrote: the key's in each part, and the translations' part dates them first. */
    private static Object[] parameters(List<?> key, Instant now) {
        List<Object> values = new ArrayList<>(key.size() * 6 + 1);
        for (int part = 0; part < 6; part++) {
            if (part == 3) {
                values.add(now);
            }
            values.addAll(key);
        }
        return values.toArray();
    }

    /** Runs a statement {@link #read} wrote and assembles the live articles it read, each with what it shows. */
    private static List<ArticleView> views(NativeSql statement, Instant now) {
        Map<UUID, Row> articles = new LinkedHashMap<>();
        Map<UUID, List<Row>> tags = new HashMap<>();
        Map<UUID, List<TermRef>> authors = new HashMap<>();
        Map<UUID, List<Translation>> translations = new HashMap<>();
        Map<UUID, Map<String, String>> names = new HashMap<>();
        for (Row row : statement.list(Panache.getEntityManager(), Row::read)) {
            switch (row.part) {
                case 0 -> {
                    if (row.liveAt != null && !row.liveAt.isAfter(now)) {
                        articles.put(row.id, row);
                    }
                }
                case 1 -> tags.computeIfAbsent(row.owner, id -> new ArrayList<>()).add(row);
                case 2 -> authors.computeIfAbsent(row.owner, id -> new ArrayList<>()).add(new TermRef(row.id, row.slug, row.title));
                case 3 -> translations.computeIfAbsent(row.owner, id -> new ArrayList<>()).add(new Translation(row.locale, row.slug, row.title));
                default -> names.computeIfAbsent(row.id, id -> new HashMap<>()).put(row.locale, row.title);
            }
        }
        Map<UUID, ImageView> images = leadImages(articles.values());
        List<ArticleView> views = new ArrayList<>(articles.size());
        for (Row article : articles.values()) {
            DependencyKeys.read(DependencyKeys.article(article.id));
            DependencyKeys.read(DependencyKeys.translations(article.translationGroup));
            String locale = article.locale;
            TermRef section = article.sectionId == null ? null : new TermRef(article.sectionId, article.sectionSlug,
                    Term.nameIn(names.getOrDefault(article.sectionId, Map.of()), locale, article.sectionName));
            views.add(new ArticleView(article.id, article.slug, article.title, article.subtitle, article.teaser, article.body,
                    article.imageUrl, images.get(article.leadMediaId), section, tags.getOrDefault(article.id, List.of()).stream()
                            .map(t -> new TermRef(t.id, t.slug, Term.nameIn(names.getOrDefault(t.id, Map.of()), locale, t.title))).toList(),
                    List.copyOf(authors.getOrDefault(article.id, List.of())), locale, article.translationGroup,
                    List.copyOf(translations.getOrDefault(article.id, List.of())), article.publishedAt, article.updatedAt,
                    article.wordCount, ArticleBody.readingTimeMinutes(article.wordCount)));
        }
        return views;
    }

    /**
     * The articles' lead images, read together. Their captions, credits and alts are shown: a new
     * description of an image changes the responses that show it.
     */
    private static Map<UUID, ImageView> leadImages(Iterable<Row> articles) {
        Set<UUID> ids = new LinkedHashSet<>();
        articles.forEach(a -> {
            if (a.leadMediaId != null) {
                ids.add(a.leadMediaId);
            }
        });
        Map<UUID, ImageView> images = new HashMap<>();
        if (ids.isEmpty()) {
            return images;
        }
        MediaLinks links = MediaLinks.current();
        for (MediaItem item : Panache.getEntityManager().unwrap(Session.class).byMultipleIds(MediaItem.class).multiLoad(List.copyOf(ids))) {
            if (item != null) {
                DependencyKeys.read(DependencyKeys.media(item.id));
                images.put(item.id, links.image(item));
            }
        }
        return images;
    }

    /** One row of {@link #read}; the columns after locale are the article's (part 0) and null in the others. */
    private record Row(int part, UUID owner, UUID id, String slug, String title, String locale, String subtitle, String teaser,
                       String body, String imageUrl, Instant publishedAt, Instant liveAt, Instant updatedAt, int wordCount,
                       UUID translationGroup, UUID leadMediaId, UUID sectionId, String sectionSlug, String sectionName) {

        static Row read(ResultSet row) throws SQLException {
            return new Row(row.getInt(1), JdbcValues.uuid(row, 3), JdbcValues.uuid(row, 4), row.getString(5), row.getString(6),
                    row.getString(7), row.getString(8), row.getString(9), row.getString(10), row.getString(11),
                    JdbcValues.instant(row, 12), JdbcValues.instant(row, 13), JdbcValues.instant(row, 14), row.getInt(15),
                    JdbcValues.uuid(row, 16), JdbcValues.uuid(row, 17), JdbcValues.uuid(row, 18), row.getString(19), row.getString(20));
        }
    }
}
