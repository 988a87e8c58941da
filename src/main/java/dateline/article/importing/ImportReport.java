package dateline.article.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dateline.common.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, line by line. */
@Schema(name = "ImportReport")
public record ImportReport(
        @Schema(description = "True when nothing was stored") boolean dryRun,
        int created, int updated, int unchanged, int rejected,
        List<Line> lines) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    @Schema(name = "ImportLine")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Line(
            @Schema(description = "1-based line number in the upload") int line,
            Outcome outcome,
            @Schema(nullable = true) UUID id,
            @Schema(nullable = true, description = "Why the line was rejected") Problem problem,
            @Schema(description = "Things accepted with a change, e.g. a related id that names no article") List<String> warnings) {
    }

    static ImportReport of(boolean dryRun, List<Line> lines) {
        int[] counts = new int[Outcome.values().length];
        lines.forEach(l -> counts[l.outcome().ordinal()]++);
        return new ImportReport(dryRun, counts[0], counts[1], counts[2], counts[3], new ArrayList<>(lines));
    }
}
