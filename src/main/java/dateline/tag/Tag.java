package dateline.tag;

import dateline.common.term.Term;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A topic label; an article carries many, in order. */
@Entity
@Table(name = "tag")
public class Tag extends Term {
}
