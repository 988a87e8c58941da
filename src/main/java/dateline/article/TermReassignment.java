package dateline.article;

import dateline.author.Author;
import dateline.common.term.Term;
import dateline.common.term.TermReassigning;
import dateline.section.Section;
import dateline.tag.Tag;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Moves the articles of a section, tag or author being deleted to the term the editor named, when its
 * catalog announces it ({@link TermReassigning}, inside the deleting transaction, which then checks that no
 * article is left). Each moved article gets a new version and a revision, like any other edit, so open
 * editors see the change through If-Match.
 */
@ApplicationScoped
class TermReassignment {
    private final ArticleRepository articles;
    private final Event<ArticlesWritten> written;
    private final Clock clock;

    TermReassignment(ArticleRepository articles, Event<ArticlesWritten> written, Clock clock) {
        this.articles = articles;
        this.written = written;
        this.clock = clock;
    }

    /** MANDATORY: moving articles outside the transaction that deletes the term could strand them half-moved. */
    @Transactional(Transactional.TxType.MANDATORY)
    void moveArticles(@Observes TermReassigning event) {
        Term from = event.from();
        Term to = event.to();
        for (Article a : using(association(to), from.id)) {
            if (to instanceof Section section) {
                a.section = section;
            } else if (to instanceof Tag tag) {
                replace(a.tags, from, tag);
            } else {
                replace(a.authors, from, (Author) to);
            }
            moved(a, event);
        }
    }

    /** Where an article holds a term of this kind, as a JPQL path. */
    private static String association(Term term) {
        if (term instanceof Section) {
            return "a.section";
        }
        if (term instanceof Tag) {
            return "a.tags";
        }
        if (term instanceof Author) {
            return "a.authors";
        }
        throw new IllegalArgumentException("Articles hold no " + term.getClass().getSimpleName());
    }

    /** Puts {@code to} where {@code from} was, or just drops {@code from} when the article already has {@code to}. */
    private static <E extends Term> void replace(List<E> list, Term from, E to) {
        int at = list.indexOf(from);
        if (list.contains(to)) {
            list.remove(at);
        } else {
            list.set(at, to);
        }
    }

    private List<Article> using(String association, UUID termId) {
        return Panache.getEntityManager().createQuery("select distinct a from Article a join " + association + " t where t.id = :id", Article.class)
                .setParameter("id", termId).getResultList();
    }

    private void moved(Article a, TermReassigning event) {
        Instant now = clock.instant();
        a.changed(now);
        articles.flush();
        articles.syncTagTimeline(a);
        written.fire(ArticlesWritten.changed(a, now, event.edit(),
                "Moved from " + event.kind() + " '" + event.from().slug + "' to '" + event.to().slug + "'"));
    }
}
