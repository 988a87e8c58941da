package dateline.article;

import dateline.author.Author;
import dateline.common.problem.Conflict;
import dateline.common.problem.ProblemType;
import dateline.article.search.Searchable;
import dateline.media.MediaItem;
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
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A news article: its content, its place in the taxonomy, and its publication state. Longer than most
 * files here on purpose: the mapped columns and the guards of every state transition stay together, so
 * the entity itself refuses an illegal change (409) whichever use case ({@link ArticleWorkflow}, import,
 * the scheduler) asks for it. Which delivered responses a change touches is its {@link DeliveryFootprint}'s.
 */
@Entity
@Table(name = "article")
// A publish changes five columns; sending the unchanged text as well made PostgreSQL write the row's text and
// search vector again, which cost a publish more than half of its UPDATE's time.
@DynamicUpdate
public class Article extends PanacheEntityBase implements Searchable {
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
    /**
     * What delivery shows as the excerpt: the editor's, or else the body's first sentences
     * ({@link ArticleTeaser}); kept with every write so headline lists never read the body.
     */
    @Column(length = 1000)
    public String teaser;
    @Column(name = "image_url", length = 2048)
    public String imageUrl;
    /** The lead image from the media library; {@link #imageUrl} remains for images hosted elsewhere. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "lead_media_id")
    public MediaItem leadImage;
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
    /**
     * The articles that tell the same story in other languages share this id; alone, an article is the
     * only member of its own group. At most one article per locale in a group.
     */
    @Column(name = "translation_group", nullable = false)
    public UUID translationGroup;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ArticleStatus status;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** When delivery starts showing the article; derived from status, publication date and trash. */
    @Column(name = "live_at")
    public Instant liveAt;
    @Column(name = "trashed_at")
    public Instant trashedAt;
    /** The name of the token that created it; an AUTHOR may change only its own drafts. */
    @Column(name = "created_by", length = 100)
    public String createdBy;
    /** The id the article has in the system it was imported from; makes re-imports idempotent. */
    @Column(name = "external_id", length = 200)
    public String externalId;
    @Column(name = "word_count", nullable = false)
    public int wordCount;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
    /** The body's plain text, known once the body is written or first asked for. */
    @Transient
    String bodyText;

    String bodyText() {
        if (bodyText == null) {
            bodyText = ArticleBody.text(body);
        }
        return bodyText;
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public List<String> searchedFields() {
        return java.util.Arrays.asList(title, subtitle, excerpt, bodyText());
    }

    /** What delivery showed of it before the change being written: which responses the change touches. */
    @Transient
    private DeliveryFootprint footprint = new DeliveryFootprint(this);

    @PostLoad
    void loaded() {
        footprint.loaded();
    }

    DeliveryFootprint footprint() {
        return footprint;
    }

    static Article draft(Instant now) {
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.translationGroup = article.id;
        article.status = ArticleStatus.DRAFT;
        article.createdAt = now;
        article.updatedAt = now;
        return article;
    }

    /**
     * Publishes the article now, or schedules it when {@code at} lies in the future. Without {@code at},
     * the first publication date is kept across unpublish and republish; with it, the editor's date wins
     * (back-dating migrated content, or a publication time).
     */
    void publish(Instant at, Instant now) {
        notInTrash();
        if (status != ArticleStatus.DRAFT && status != ArticleStatus.SCHEDULED) {
            throw illegal("publish", "DRAFT or SCHEDULED");
        }
        if (at != null && at.isAfter(now)) {
            status = ArticleStatus.SCHEDULED;
            publishedAt = at;
        } else {
            // A date set only by an earlier schedule is not a first publication date.
            boolean firstPublication = publishedAt == null || status == ArticleStatus.SCHEDULED;
            status = ArticleStatus.PUBLISHED;
            publishedAt = at != null ? at : firstPublication ? now : publishedAt;
        }
        changed(now);
    }

    /** A scheduled article whose time has come becomes PUBLISHED; delivery has shown it since then already. */
    boolean goLive(Instant now) {
        if (status != ArticleStatus.SCHEDULED || trashedAt != null || publishedAt.isAfter(now)) {
            return false;
        }
        status = ArticleStatus.PUBLISHED;
        changed(now);
        return true;
    }

    void unpublish(Instant now) {
        notInTrash();
        if (status != ArticleStatus.PUBLISHED && status != ArticleStatus.SCHEDULED) {
            throw illegal("unpublish", "PUBLISHED or SCHEDULED");
        }
        if (status == ArticleStatus.SCHEDULED) {
            publishedAt = null; // it never went out
        }
        status = ArticleStatus.DRAFT;
        changed(now);
    }

    void archive(Instant now) {
        notInTrash();
        if (status != ArticleStatus.PUBLISHED && status != ArticleStatus.DRAFT) {
            throw illegal("archive", "PUBLISHED or DRAFT");
        }
        status = ArticleStatus.ARCHIVED;
        changed(now);
    }

    /** Takes the article out of the trash as it was; or brings an archived article back as a draft. */
    void restore(Instant now) {
        if (trashedAt != null) {
            trashedAt = null;
        } else if (status == ArticleStatus.ARCHIVED) {
            status = ArticleStatus.DRAFT;
        } else {
            throw illegal("restore", "ARCHIVED or in the trash");
        }
        changed(now);
    }

    void trash(Instant now) {
        notInTrash();
        trashedAt = now;
        changed(now);
    }

    /**
     * Puts an imported article straight into the state its source had, without the editorial path there:
     * an import reproduces content, it does not re-enact its history.
     */
    void enter(ArticleStatus target, Instant at, Instant now) {
        status = target;
        if (target == ArticleStatus.PUBLISHED || target == ArticleStatus.SCHEDULED) {
            publishedAt = at != null ? at : now;
            if (target == ArticleStatus.SCHEDULED && !publishedAt.isAfter(now)) {
                status = ArticleStatus.PUBLISHED; // its time has come already
            }
        } else {
            publishedAt = at;
        }
        changed(now);
    }

    /** Content edits are refused in the trash: restore first, so nothing changes unseen. */
    void notInTrash() {
        if (trashedAt != null) {
            throw new Conflict(ProblemType.ILLEGAL_TRANSITION, "The article is in the trash; restore it first.",
                    Map.of("currentStatus", status, "trashedAt", trashedAt));
        }
    }

    void changed(Instant now) {
        updatedAt = now;
        boolean deliverable = trashedAt == null && (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED);
        liveAt = deliverable ? publishedAt : null;
    }

    /** Whether delivery shows the article at {@code now}. */
    public boolean isLive(Instant now) {
        return liveAt != null && !liveAt.isAfter(now);
    }

    private Conflict illegal(String action, String allowed) {
        return new Conflict(ProblemType.ILLEGAL_TRANSITION,
                "Cannot " + action + " an article that is " + status + "; it must be " + allowed + ".",
                Map.of("currentStatus", status));
    }
}
