package dateline.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What related headlines need of the article they sit under: its date, language, translations' group,
 * section, tags and the editor's curated list. No body, no authors: read in one narrow statement ({@link ArticleRepository#outline}).
 */
public record ArticleOutline(UUID id, Instant publishedAt, String locale, UUID translationGroup, Term section, List<Term> tags,
                             List<UUID> related) {
    /** A section or tag: its id for the related index, its slug for dependency keys. */
    public record Term(UUID id, String slug) {
    }

    static ArticleOutline of(Article a) {
        return new ArticleOutline(a.id, a.publishedAt, a.locale, a.translationGroup, a.section == null ? null : new Term(a.section.id, a.section.slug),
                a.tags.stream().map(t -> new Term(t.id, t.slug)).toList(), List.copyOf(a.related));
    }
}
