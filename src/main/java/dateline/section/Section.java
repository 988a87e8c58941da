package dateline.section;

import dateline.common.term.Term;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The one desk or department an article is filed under (World, Business...). */
@Entity
@Table(name = "section")
public class Section extends Term {
}
