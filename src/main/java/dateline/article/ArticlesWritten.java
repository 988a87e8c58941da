package dateline.article;

import dateline.edit.Edit;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Articles a write has just left behind, with who wrote them and why. Fired synchronously inside the
 * writing transaction, so what observers store with it (the revision history) commits or rolls back
 * with the write itself.
 */
public record ArticlesWritten(List<Article> articles, boolean created, Instant at, String actor, Function<Article, String> summary) {

    /** Articles just created (each at its own createdAt). */
    static ArticlesWritten created(List<Article> articles, Edit edit, Function<Article, String> summary) {
        return new ArticlesWritten(articles, true, null, edit.actor(), a -> edit.summaryOr(summary.apply(a)));
    }

    /** One article changed at {@code at}. */
    static ArticlesWritten changed(Article article, Instant at, Edit edit, String summary) {
        String why = edit.summaryOr(summary);
        return new ArticlesWritten(List.of(article), false, at, edit.actor(), a -> why);
    }
}
