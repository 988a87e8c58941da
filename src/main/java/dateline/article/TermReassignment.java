package dateline.article;

import dateline.common.edit.Edit;
import dateline.author.Author;
import dateline.author.AuthorCatalog;
import dateline.common.problem.InvalidParameter;
import dateline.common.term.Term;
import dateline.common.term.TermCatalog;
import dateline.section.Section;
import dateline.section.SectionCatalog;
import dateline.tag.Tag;
import dateline.tag.TagCatalog;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Deleting a section, tag or author that articles still use: refused (409 with the usage count) unless
 * the editor names another term to move those articles to. Each moved article gets a new version and a
 * revision, like any other edit, so open editors see the change through If-Match.
 */
@ApplicationScoped
public class TermReassignment {
    private final SectionCatalog sections;
    private final TagCatalog tags;
    private final AuthorCatalog authors;
    private final ArticleRepository articles;
    private final Event<ArticlesWritten> written;
    private final Clock clock;

    TermReassignment(SectionCatalog sections, TagCatalog tags, AuthorCatalog authors, ArticleRepository articles,
                     Event<ArticlesWritten> written, Clock clock) {
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.articles = articles;
        this.written = written;
        this.clock = clock;
    }

    @Transactional
    public void deleteSection(UUID id, String reassignTo, Edit edit) {
        if (reassignTo != null) {
            Section from = sections.byId(id);
            Section to = target(sections, from, reassignTo);
            for (Article a : using("join a.section t", id)) {
                a.section = to;
                moved(a, "section", from, to, edit);
            }
        }
        sections.delete(id);
    }

    @Transactional
    public void deleteTag(UUID id, String reassignTo, Edit edit) {
        if (reassignTo != null) {
            Tag from = tags.byId(id);
            Tag to = target(tags, from, reassignTo);
            for (Article a : using("join a.tags t", id)) {
                replace(a.tags, from, to);
                moved(a, "tag", from, to, edit);
            }
        }
        tags.delete(id);
    }

    @Transactional
    public void deleteAuthor(UUID id, String reassignTo, Edit edit) {
        if (reassignTo != null) {
            Author from = authors.byId(id);
            Author to = target(authors, from, reassignTo);
            for (Article a : using("join a.authors t", id)) {
                replace(a.authors, from, to);
                moved(a, "author", from, to, edit);
            }
        }
        authors.delete(id);
    }

    private static <E extends Term> E target(TermCatalog<E> catalog, E from, String reference) {
        E to = catalog.resolve(reference).orElseThrow(() -> new InvalidParameter("reassignTo", "no such slug or id: '" + reference + "'"));
        if (to.id.equals(from.id)) {
            throw new InvalidParameter("reassignTo", "names the term being deleted");
        }
        return to;
    }

    /** Puts {@code to} where {@code from} was, or just drops {@code from} when the article already has {@code to}. */
    private static <E extends Term> void replace(List<E> list, E from, E to) {
        int at = list.indexOf(from);
        if (list.contains(to)) {
            list.remove(at);
        } else {
            list.set(at, to);
        }
    }

    private List<Article> using(String join, UUID termId) {
        return Panache.getEntityManager().createQuery("select distinct a from Article a " + join + " where t.id = :id", Article.class)
                .setParameter("id", termId).getResultList();
    }

    private void moved(Article a, String kind, Term from, Term to, Edit edit) {
        Instant now = clock.instant();
        a.changed(now);
        articles.flush();
        articles.syncTagTimeline(a);
        written.fire(ArticlesWritten.changed(a, now, edit, "Moved from " + kind + " '" + from.slug + "' to '" + to.slug + "'"));
    }
}
