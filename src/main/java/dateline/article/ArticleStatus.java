package dateline.article;

/**
 * Where an article is in its life. Delivery shows PUBLISHED articles, and SCHEDULED ones from their
 * publication instant on; DRAFT and ARCHIVED never. The trash is not a status: an article keeps its
 * status there, so restoring it puts it back where it was.
 */
public enum ArticleStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    ARCHIVED
}
