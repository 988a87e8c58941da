package db.migration;

import dateline.article.ArticleTeaser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Adds the stored teaser (what delivery shows as an article's excerpt) and fills it for existing rows. In
 * Java because the body's plain text needs an HTML parser; the same {@link ArticleTeaser} writes use.
 */
public class V21__article_teaser extends BaseJavaMigration {
    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table article add column teaser varchar(1000)");
        }
        try (Statement read = connection.createStatement();
             PreparedStatement write = connection.prepareStatement("update article set teaser = ? where id = ?")) {
            read.setFetchSize(BATCH); // PostgreSQL streams (Flyway's transaction keeps auto-commit off) instead of holding every body
            int pending = 0;
            try (ResultSet rows = read.executeQuery("select id, excerpt, body from article")) {
                while (rows.next()) {
                    write.setString(1, ArticleTeaser.ofHtml(rows.getString(2), rows.getString(3)));
                    write.setObject(2, rows.getObject(1));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }
}
