package dateline.article;

import dateline.common.sql.BatchStatement;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.Session;

/**
 * Stores new articles, every table's rows for all of them in one JDBC batch: an import writes a hundred
 * at a time, an editor's create is a batch of one. Hibernate would send an article's rows one statement at
 * a time and then update its tag rows with the delivery instant; here each row is written once, complete.
 * Later changes go through Hibernate as usual: the articles are not in the persistence context.
 */
@ApplicationScoped
class ArticleRows {
    private static final String ARTICLE = "insert into article (id, slug, title, subtitle, excerpt, body, teaser, image_url,"
            + " lead_media_id, section_id, locale, translation_group, status, published_at, live_at, trashed_at, created_by, external_id, word_count,"
            + " created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String TAG = "insert into article_tag (article_id, sort_order, tag_id, published_at) values (?, ?, ?, ?)";
    private static final String AUTHOR = "insert into article_author (article_id, sort_order, author_id) values (?, ?, ?)";
    private static final String RELATED = "insert into article_related (article_id, sort_order, related_id) values (?, ?, ?)";
    private static final String SLUG = "insert into article_slug (slug, article_id, created_at) values (?, ?, ?)";

    /** Inserts the articles, their tag, author, related and slug rows; each slug already checked to be free. */
    void insert(List<Article> fresh) {
        Session session = Panache.getEntityManager().unwrap(Session.class);
        session.flush(); // sections, tags and authors this transaction created come first
        session.doWork(connection -> {
            try (BatchStatement articles = new BatchStatement(connection, ARTICLE);
                 BatchStatement tags = new BatchStatement(connection, TAG);
                 BatchStatement authors = new BatchStatement(connection, AUTHOR);
                 BatchStatement related = new BatchStatement(connection, RELATED);
                 BatchStatement slugs = new BatchStatement(connection, SLUG)) {
                for (Article a : fresh) {
                    articles.row(a.id, a.slug, a.title, a.subtitle, a.excerpt, a.body, a.teaser, a.imageUrl,
                            a.leadImage == null ? null : a.leadImage.id,
                            a.section == null ? null : a.section.id, a.locale, a.translationGroup, a.status.name(), a.publishedAt, a.liveAt,
                            a.trashedAt, a.createdBy, a.externalId, a.wordCount, a.createdAt, a.updatedAt, a.version);
                    for (int i = 0; i < a.tags.size(); i++) {
                        tags.row(a.id, i, a.tags.get(i).id, a.liveAt); // the tag timeline's instant, as syncTagTimeline keeps it
                    }
                    for (int i = 0; i < a.authors.size(); i++) {
                        authors.row(a.id, i, a.authors.get(i).id);
                    }
                    for (int i = 0; i < a.related.size(); i++) {
                        related.row(a.id, i, a.related.get(i));
                    }
                    slugs.row(a.slug, a.id, a.createdAt);
                }
                articles.run();
                tags.run();
                authors.run();
                related.run();
                slugs.run();
            }
        });
    }
}
