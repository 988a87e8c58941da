package dateline.article;

/** Where an article is in its life. Only PUBLISHED articles reach the delivery API. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED
}
