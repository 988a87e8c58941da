package dateline.common.problem;

import java.util.List;
import java.util.Map;

/**
 * Base of every exception a feature throws to answer with a problem. Subclasses name the situation
 * (not found, conflict, invalid content); {@link ProblemMapper} turns them into responses.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Violation> violations;
    private final Map<String, Object> members;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<Violation> violations, Map<String, Object> members) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = violations;
        this.members = members;
    }

    public ProblemType type() {
        return type;
    }

    /** A body that is not JSON (400), or JSON that does not fit (422), as the API answers for a whole request. */
    public static ProblemException fromJson(com.fasterxml.jackson.core.JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return InvalidContent.from(mapping);
        }
        String at = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
        return new ProblemException(ProblemType.MALFORMED_JSON, "Not valid JSON" + at + ".");
    }

    public Problem toProblem(String instance) {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), instance, violations).with(members);
    }
}
