package dateline.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** An H2 database made before V14 keeps its search: the old word rows become the new keys. */
class SearchIndexUpgradeTest {
    private static final String URL = "jdbc:h2:mem:upgrade;DB_CLOSE_DELAY=-1";

    @Test
    void wordsIndexedBeforeTheUpgradeAreFoundAfterIt() throws SQLException {
        migrate("13");
        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement()) {
            sql.execute("insert into article (id, slug, title, locale, status, word_count, created_at, updated_at, version)"
                    + " values ('00000000-0000-0000-0000-000000000001', 'old', 'Old news', 'en', 'DRAFT', 2, now(), now(), 0)");
            sql.execute("insert into article_text (article_id, text) values ('00000000-0000-0000-0000-000000000001', ' old news | ')");
            sql.execute("insert into article_word (word, article_id) values ('old', '00000000-0000-0000-0000-000000000001'),"
                    + " ('news', '00000000-0000-0000-0000-000000000001')");
        }
        migrate(null);
        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement()) {
            assertEquals(1, count(sql, "select count(*) from article a where exists (select 1 from search_posting p join search_word w"
                    + " on p.posting = cast(a.search_doc as bigint) * 4294967296 + w.id where w.word = 'news')"));
            assertEquals(0, count(sql, "select count(*) from article a where exists (select 1 from search_posting p join search_word w"
                    + " on p.posting = cast(a.search_doc as bigint) * 4294967296 + w.id where w.word = 'views')"));
            assertEquals(2, count(sql, "select count(*) from search_posting"));
        }
    }

    private static void migrate(String target) {
        var config = Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration", "classpath:db/h2");
        (target == null ? config : config.target(target)).load().migrate();
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
