package dateline.tag;

import dateline.common.page.Cursors;
import dateline.common.term.TermCatalog;
import dateline.common.term.TermInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Tags: slugs, lookups, and deletion only once no article carries them. */
@ApplicationScoped
public class TagCatalog extends TermCatalog<Tag> {

    TagCatalog(Cursors cursors, Clock clock) {
        super(Tag.class, "tag", "select count(distinct article_id) from article_tag where tag_id = ?1", cursors, clock);
    }

    public TagView create(TermInput in) {
        return TagView.from(create(in.slug(), in.name(), new Tag()));
    }

    @Transactional
    public TagView update(UUID id, TermInput in) {
        return TagView.from(replace(id, in.slug(), in.name()));
    }
}
