package dateline.common.term;

import java.util.UUID;

/** A section, tag or author as the API shows it; its id is what the Location of a created one names. */
public interface TermView {
    UUID id();
}
