package dateline.article;

import dateline.common.sql.JdbcValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A published article as a headline row shows it: the few columns read straight from the database, never
 * the body, tags or authors that a whole {@link Article} would load.
 */
public record Headline(UUID id, String slug, String title, Instant publishedAt, String sectionSlug, String sectionName,
                       String excerpt, String imageUrl, String locale, UUID translationGroup, UUID leadImageId) {

    /**
     * The columns {@link #read} expects, after any the query puts first; {@code a} is article, {@code s} its
     * section, {@code sn} the section's name in the article's locale ({@link #SECTION_JOIN}). The excerpt is the
     * stored teaser (the editor's excerpt or the body's start), never the body.
     */
    public static final String COLUMNS = "a.id, a.slug, a.title, a.published_at, s.slug, coalesce(sn.name, s.name), a.teaser,"
            + " a.image_url, a.locale, a.translation_group, a.lead_media_id";
    /** The article's section, and its name in the article's locale when it has one. */
    public static final String SECTION_JOIN = " left join section s on s.id = a.section_id"
            + " left join section_name sn on sn.section_id = s.id and sn.locale = a.locale";
    public static final String FROM = " from article a" + SECTION_JOIN;

    public static Headline read(ResultSet row, int first) throws SQLException {
        return new Headline(JdbcValues.uuid(row, first), row.getString(first + 1), row.getString(first + 2),
                JdbcValues.instant(row, first + 3), row.getString(first + 4), row.getString(first + 5),
                row.getString(first + 6), row.getString(first + 7), row.getString(first + 8), JdbcValues.uuid(row, first + 9),
                JdbcValues.uuid(row, first + 10));
    }
}
