package dateline.article;

import dateline.common.problem.NotFound;
import dateline.common.problem.ProblemException;
import dateline.common.problem.ProblemType;
import dateline.edit.Edit;
import dateline.preview.CreatedPreview;
import dateline.preview.PreviewTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Preview tokens for one article: who may ask for one, and for which articles. */
@ApplicationScoped
public class ArticlePreviews {
    private final ArticleRepository articles;
    private final PreviewTokens tokens;

    ArticlePreviews(ArticleRepository articles, PreviewTokens tokens) {
        this.articles = articles;
        this.tokens = tokens;
    }

    /**
     * A token showing this article's saved content in delivery, whatever its state. An author may preview
     * the articles it created in any state (seeing is not changing), nobody an article in the trash, which
     * delivery answers as gone whatever the token.
     */
    @Transactional
    public CreatedPreview issue(UUID id, Edit edit) {
        Article article = articles.findByIdOptional(id).orElseThrow(() -> new NotFound("article", id));
        if (edit.ownDraftsOnly() && !edit.actor().equals(article.createdBy)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "An author may only preview articles it created.");
        }
        article.notInTrash();
        return tokens.issue(article.id, article.slug, edit.actor());
    }
}
