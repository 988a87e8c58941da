package dateline.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Articles written before V21 get the same stored excerpt a write would give them. */
class TeaserBackfillTest {
    private static final String URL = "jdbc:h2:mem:teaser-upgrade;DB_CLOSE_DELAY=-1";

    @Test
    void existingArticlesGetTheEditorsExcerptOrTheBodysFirstSentences() throws SQLException {
        migrate("18");
        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement()) {
            insert(sql, 1, null, "'<p>Old <em>news</em> first.</p><p>Then more.</p>'");
            insert(sql, 2, "'By hand.'", "'<p>Body text.</p>'");
            insert(sql, 3, null, "null");
        }
        migrate(null);
        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement()) {
            assertEquals("Old news first. Then more.", teaser(sql, 1));
            assertEquals("By hand.", teaser(sql, 2));
            assertNull(teaser(sql, 3));
        }
    }

    private static void insert(Statement sql, int n, String excerpt, String body) throws SQLException {
        sql.execute("insert into article (id, slug, title, excerpt, body, locale, status, word_count, created_at, updated_at, version)"
                + " values ('00000000-0000-0000-0000-00000000000" + n + "', 'old-" + n + "', 'Old', " + excerpt + ", " + body
                + ", 'en', 'DRAFT', 2, now(), now(), 0)");
    }

    private static String teaser(Statement sql, int n) throws SQLException {
        try (ResultSet rows = sql.executeQuery("select teaser from article where id = '00000000-0000-0000-0000-00000000000" + n + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void migrate(String target) {
        var config = Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration", "classpath:db/h2");
        (target == null ? config : config.target(target)).load().migrate();
    }
}
