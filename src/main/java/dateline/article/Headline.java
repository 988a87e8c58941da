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
                       String excerpt, String imageUrl, UUID leadImageId) {

    /**
     * The columns {@link #read} expects, after any the query puts first; {@code a} is article, {@code s} its
     * section. The excerpt is the stored teaser (the editor's excerpt or the body's start), never the body.
     */
    public static final String COLUMNS = "a.id, a.slug, a.title, a.published_at, s.slug, s.name, a.teaser, a.image_url, a.lead_media_id";
    public static final String FROM = " from article a left join section s on s.id = a.section_id";

    public static Headline read(ResultSet row, int first) throws SQLException {
        return new Headline(JdbcValues.uuid(row, first), row.getString(first + 1), row.getString(first + 2),
                JdbcValues.instant(row, first + 3), row.getString(first + 4), row.getString(first + 5),
                row.getString(first + 6), row.getString(first + 7), JdbcValues.uuid(row, first + 8));
    }
}
