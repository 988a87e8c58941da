package dateline.section;

import dateline.common.page.Cursors;
import dateline.common.term.TermCatalog;
import dateline.common.term.TermInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Sections: slugs, lookups, and deletion only once no article is filed under them. */
@ApplicationScoped
public class SectionCatalog extends TermCatalog<Section> {

    SectionCatalog(Cursors cursors, Clock clock) {
        super(Section.class, "section", "select count(*) from article where section_id = ?1", cursors, clock);
    }

    public SectionView create(TermInput in) {
        Section section = new Section();
        java.util.Map<String, String> names = checkedNames(in.names()); // before anything is written
        if (names != null) {
            section.names.putAll(names);
        }
        return SectionView.from(create(in.slug(), in.name(), section), null);
    }

    /** Replaces slug and name, and the names in other locales when given. */
    @Transactional
    public SectionView update(UUID id, TermInput in) {
        java.util.Map<String, String> names = checkedNames(in.names());
        Section section = replace(id, in.slug(), in.name());
        if (names != null) {
            section.names.clear();
            section.names.putAll(names);
        }
        return SectionView.from(section, null);
    }
}
