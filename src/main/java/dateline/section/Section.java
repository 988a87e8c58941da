package dateline.section;

import dateline.common.term.Term;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.Map;

/** The one desk or department an article is filed under (World, Business...). */
@Entity
@Table(name = "section")
public class Section extends Term {
    /** Its name in other locales than the default, by BCP 47 tag. */
    @ElementCollection
    @CollectionTable(name = "section_name", joinColumns = @JoinColumn(name = "section_id"))
    @MapKeyColumn(name = "locale", length = 35)
    @Column(name = "name", nullable = false, length = 200)
    public Map<String, String> names = new HashMap<>();

    @Override
    protected Map<String, String> names() {
        return names;
    }
}
