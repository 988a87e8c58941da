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
        Tag tag = new Tag();
        java.util.Map<String, String> names = checkedNames(in.names()); // before anything is written
        if (names != null) {
            tag.names.putAll(names);
        }
        return TagView.from(create(in.slug(), in.name(), tag), null);
    }

    /** Replaces slug and name, and the names in other locales when given. */
    @Transactional
    public TagView update(UUID id, TermInput in) {
        java.util.Map<String, String> names = checkedNames(in.names());
        Tag tag = replace(id, in.slug(), in.name());
        if (names != null) {
            tag.names.clear();
            tag.names.putAll(names);
        }
        return TagView.from(tag, null);
    }
}
