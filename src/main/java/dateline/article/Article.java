package dateline.article;

import dateline.author.Author;
import dateline.common.problem.Conflict;
import dateline.common.problem.ProblemType;
import dateline.section.Section;
import dateline.tag.Tag;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A news article: its content, its place in the taxonomy, and its publication state. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false, length = 120)
    public String slug;
    @Column(nullable = false, length = 300)
    public String title;
    @Column(length = 300)
    public String subtitle;
    @Column(length = 1000)
    public String excerpt;
    @Column(length = 1048576)
    public String body;
    @Column(name = "image_url", length = 2048)
    public String imageUrl;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "section_id")
    public Section section;
    @ManyToMany
    @JoinTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderColumn(name = "sort_order")
    public List<Tag> tags = new ArrayList<>();
    @ManyToMany
    @JoinTable(name = "article_author", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "sort_order")
    public List<Author> authors = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "article_related", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "related_id", nullable = false)
    @OrderColumn(name = "sort_order")
    public List<UUID> related = new ArrayList<>();
    @Column(nullable = false, length = 35)
    public String locale;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ArticleStatus status;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "word_count", nullable = false)
    public int wordCount;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    static Article draft(Instant now) {
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.status = ArticleStatus.DRAFT;
        article.createdAt = now;
        article.updatedAt = now;
        return article;
    }

    /**
     * Publishes the article. The first publication date is kept across unpublish and republish unless
     * the editor sets one explicitly (back-dating migrated content).
     */
    void publish(Instant at, Instant now) {
        if (status == ArticleStatus.PUBLISHED) {
            throw new Conflict(ProblemType.ILLEGAL_TRANSITION, "The article is already PUBLISHED.", Map.of("currentStatus", status));
        }
        status = ArticleStatus.PUBLISHED;
        if (at != null) {
            publishedAt = at;
        } else if (publishedAt == null) {
            publishedAt = now;
        }
        updatedAt = now;
    }

    void unpublish(Instant now) {
        if (status != ArticleStatus.PUBLISHED) {
            throw new Conflict(ProblemType.ILLEGAL_TRANSITION, "The article is " + status + ", not PUBLISHED.", Map.of("currentStatus", status));
        }
        status = ArticleStatus.DRAFT;
        updatedAt = now;
    }
}
