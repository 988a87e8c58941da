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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A live article under its current slug, the common case of an article page, read as delivery shows it in
 * one statement: its row with its section, then its tags, authors, published translations and its terms'
 * names in every locale. No entity is loaded and the body is read once, where joining the tags to the
 * article repeated the body on every row and the translations cost a second round trip. Anything else (an
 * old slug, an article not out, a preview) is left to {@link ArticleRepository#shown}, whose answers
 * (301, 410, 404, the previewed draft) it keeps.
 */
@ApplicationScoped
class LiveArticleRead {
    /**
     * Parts, in this order: the article (0), its tags (1) and authors (2) in the editor's order, its
     * published translations (3), and the names of its section (4) and tags (5) in every locale. Every part
     * has the same columns: id, slug, title (or name) and locale are shared, the rest only the article's.
     */
    private static final String READ = "select 0 as part, 0 as ord, a.id, a.slug, a.title, a.locale, a.subtitle, a.teaser, a.body,"
            + " a.image_url, a.published_at, a.live_at, a.updated_at, a.word_count, a.translation_group, a.lead_media_id,"
            + " s.id as section_id, s.slug as section_slug, s.name as section_name"
            + " from article a left join section s on s.id = a.section_id where a.slug = ?"
            + " union all select 1, x.sort_order, t.id, t.slug, t.name, null, null, null, null, null, null, null, null, null, null, null, null, null, null"
            + " from article a join article_tag x on x.article_id = a.id join tag t on t.id = x.tag_id where a.slug = ?"
            + " union all select 2, y.sort_order, p.id, p.slug, p.name, null, null, null, null, null, null, null, null, null, null, null, null, null, null"
            + " from article a join article_author y on y.article_id = a.id join author p on p.id = y.author_id where a.slug = ?"
            + " union all select 3, 0, o.id, o.slug, o.title, o.locale, null, null, null, null, null, null, null, null, null, null, null, null, null"
            + " from article a join article o on o.translation_group = a.translation_group and o.id <> a.id and o.live_at <= ?"
            + " where a.slug = ?"
            + " union all select 4, 0, n.section_id, null, n.name, n.locale, null, null, null, null, null, null, null, null, null, null, null, null, null"
            + " from article a join section_name n on n.section_id = a.section_id where a.slug = ?"
            + " union all select 5, 0, n.tag_id, null, n.name, n.locale, null, null, null, null, null, null, null, null, null, null, null, null, null"
            + " from article a join article_tag x on x.article_id = a.id join tag_name n on n.tag_id = x.tag_id where a.slug = ?"
            + " order by 1, 2, 6";

    private final Clock clock;

    LiveArticleRead(Clock clock) {
        this.clock = clock;
    }

    /** The article live now under this slug, as delivery shows it; empty when it is not (moved, not out, gone). */
    Optional<ArticleView> view(String slug) {
        Instant now = clock.instant();
        List<Row> rows = new NativeSql().append(READ, slug, slug, slug, now, slug, slug, slug)
                .list(Panache.getEntityManager(), Row::read);
        Row article = rows.isEmpty() || rows.get(0).part != 0 ? null : rows.get(0);
        if (article == null || article.liveAt == null || article.liveAt.isAfter(now)) {
            return Optional.empty();
        }
        DependencyKeys.read(DependencyKeys.article(article.id));
        DependencyKeys.read(DependencyKeys.translations(article.translationGroup));
        Map<UUID, Map<String, String>> names = new HashMap<>();
        List<Row> tags = new ArrayList<>();
        List<TermRef> authors = new ArrayList<>();
        List<Translation> translations = new ArrayList<>();
        for (Row row : rows) {
            switch (row.part) {
                case 1 -> tags.add(row);
                case 2 -> authors.add(new TermRef(row.id, row.slug, row.title));
                case 3 -> translations.add(new Translation(row.locale, row.slug, row.title));
                case 4, 5 -> names.computeIfAbsent(row.id, id -> new HashMap<>()).put(row.locale, row.title);
                default -> { }
            }
        }
        String locale = article.locale;
        TermRef section = article.sectionId == null ? null : new TermRef(article.sectionId, article.sectionSlug,
                Term.nameIn(names.getOrDefault(article.sectionId, Map.of()), locale, article.sectionName));
        return Optional.of(new ArticleView(article.id, article.slug, article.title, article.subtitle, article.teaser, article.body,
                article.imageUrl, leadImage(article.leadMediaId), section,
                tags.stream().map(t -> new TermRef(t.id, t.slug, Term.nameIn(names.getOrDefault(t.id, Map.of()), locale, t.title))).toList(),
                List.copyOf(authors), locale, article.translationGroup, List.copyOf(translations), article.publishedAt, article.updatedAt,
                article.wordCount, ArticleBody.readingTimeMinutes(article.wordCount)));
    }

    /** Its caption, credit and alt are shown: a new description of the image changes this response. */
    private static ImageView leadImage(UUID mediaId) {
        if (mediaId == null) {
            return null;
        }
        MediaItem item = Panache.getEntityManager().find(MediaItem.class, mediaId);
        DependencyKeys.read(DependencyKeys.media(mediaId));
        return MediaLinks.current().image(item);
    }

    /** One row of {@link #READ}; the columns after locale are the article's (part 0) and null in the others. */
    private record Row(int part, UUID id, String slug, String title, String locale, String subtitle, String teaser, String body,
                       String imageUrl, Instant publishedAt, Instant liveAt, Instant updatedAt, int wordCount, UUID translationGroup,
                       UUID leadMediaId, UUID sectionId, String sectionSlug, String sectionName) {

        static Row read(ResultSet row) throws SQLException {
            return new Row(row.getInt(1), JdbcValues.uuid(row, 3), row.getString(4), row.getString(5), row.getString(6),
                    row.getString(7), row.getString(8), row.getString(9), row.getString(10), JdbcValues.instant(row, 11),
                    JdbcValues.instant(row, 12), JdbcValues.instant(row, 13), row.getInt(14), JdbcValues.uuid(row, 15),
                    JdbcValues.uuid(row, 16), JdbcValues.uuid(row, 17), row.getString(18), row.getString(19));
        }
    }
}
