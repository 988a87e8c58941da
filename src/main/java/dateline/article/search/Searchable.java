package dateline.article.search;

import java.util.List;
import java.util.UUID;

/** What the word index reads of an article: its id and its searched text fields, in order (nulls skipped). */
public interface Searchable {
    UUID id();

    List<String> searchedFields();
}
