package dateline.article;

import java.time.Instant;
import java.util.UUID;

/**
 * A new article as a caller hands it to {@link ArticleService#createAll}: its content, and what another
 * system of record already knows of it. An editor's draft has only content; an import may keep the id an
 * export gave it (so curated related lists survive a round trip), tie it to its record elsewhere
 * ({@code externalId}), name the state it enters at once and the translation group it belongs to there.
 */
public record NewArticle(ArticleInput content, UUID id, String externalId, ArticleStatus status, Instant publishedAt,
                         UUID translationGroup) {

    public static NewArticle draft(ArticleInput content) {
        return new NewArticle(content, null, null, null, null, null);
    }
}
