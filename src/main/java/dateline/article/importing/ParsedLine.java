package dateline.article.importing;

/** A line of an import as read: its number in the file, and its record or why it cannot be imported. */
record ParsedLine(int number, ArticleRecord record, dateline.common.problem.ProblemException problem) {
}
