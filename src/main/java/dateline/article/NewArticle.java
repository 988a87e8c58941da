package dateline.article;

import java.time.Instant;
import java.util.UUID;

/**
 * A new article as a caller hands it to {@link ArticleService#createAll}: its content, and what another
 * system of record already knows of it. An editor's draft has only content; an import may keep the id an
 * export gave it (so curated related lists survive a round trip), tie it to its record elsewhere
 * ({@code externalId}) and name the state it enters at once.
 */
public record NewArticle(ArticleInput content, UUID id, String externalId, ArticleStatus status, Instant publishedAt) {

    public static NewArticle draft(ArticleInput content) {
        return new NewArticle(content, null, null, null, null);
    }
}
