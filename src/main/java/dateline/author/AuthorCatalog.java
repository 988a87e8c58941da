package dateline.author;

import dateline.common.page.Cursors;
import dateline.common.term.TermCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Authors: slugs, lookups, and deletion only once no byline names them. */
@ApplicationScoped
public class AuthorCatalog extends TermCatalog<Author> {

    AuthorCatalog(Cursors cursors, Clock clock) {
        super(Author.class, "author", "select count(distinct article_id) from article_author where author_id = ?1", cursors, clock);
    }

    public AuthorView create(AuthorInput in) {
        Author author = new Author();
        author.bio = blankToNull(in.bio());
        return AuthorView.from(create(in.slug(), in.name(), author));
    }

    @Transactional
    public AuthorView update(UUID id, AuthorInput in) {
        Author author = replace(id, in.slug(), in.name());
        author.bio = blankToNull(in.bio());
        return AuthorView.from(author);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
