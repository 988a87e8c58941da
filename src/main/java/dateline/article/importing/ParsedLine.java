package dateline.article.importing;

import dateline.common.problem.ProblemException;
import java.util.List;

/** A line of an import as read: its number in the file, and its record or why it cannot be imported. */
record ParsedLine(int number, ArticleRecord record, ProblemException problem) {
    private static final String IMPORT = "/api/v1/manage/import";

    /** The report's line for this one, refused with its problem. */
    ImportReport.Line rejected() {
        return new ImportReport.Line(number, ImportReport.Outcome.REJECTED, null, problem.toProblem(IMPORT), List.of());
    }
}
