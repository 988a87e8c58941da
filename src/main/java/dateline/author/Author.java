package dateline.author;

import dateline.common.term.Term;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A person in an article's byline. */
@Entity
@Table(name = "author")
public class Author extends Term {
    @Column(length = 4000)
    public String bio;
}
