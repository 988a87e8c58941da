package dateline.article.importing;

import dateline.article.Article;
import java.util.List;
import java.util.UUID;

/** A line an import wrote: what happened, to which article, and the related ids still to link. */
record WrittenLine(ParsedLine line, ImportReport.Outcome outcome, UUID id, List<UUID> pending, Article entity) {
}
