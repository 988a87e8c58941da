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
        return SectionView.from(create(in.slug(), in.name(), new Section()));
    }

    @Transactional
    public SectionView update(UUID id, TermInput in) {
        return SectionView.from(replace(id, in.slug(), in.name()));
    }
}
