package dateline.article;

import dateline.common.page.Cursors;
import dateline.common.sql.NativeSql;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page's statement (its first columns the id and the rank), and how to write the cursor after a row. */
record PageSelection(NativeSql sql, ArticleFilter filter, String list, Cursors cursors) {
    String cursorAfter(Instant publishedAt, UUID id, Double rank) {
        return cursors.encode(list, filter.sort() == ArticleFilter.Sort.RELEVANCE
                ? List.of(Double.toString(rank), publishedAt.toString(), id.toString())
                : List.of(publishedAt.toString(), id.toString()));
    }
}
