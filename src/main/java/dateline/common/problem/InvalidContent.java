package dateline.common.problem;

import java.util.List;
import java.util.Map;

/** A well-formed request whose content breaks a rule: 422 with the offending fields. */
public class InvalidContent extends ProblemException {
    public InvalidContent(List<Violation> violations) {
        super(ProblemType.INVALID_CONTENT, describe(violations), violations, Map.of());
    }

    public InvalidContent(Violation violation) {
        this(List.of(violation));
    }

    /** Well-formed JSON that does not fit the schema: an unknown member, or a value of the wrong type. */
    public static InvalidContent from(com.fasterxml.jackson.databind.JsonMappingException e) {
        String field = JsonPaths.of(e);
        return new InvalidContent(Violation.body(field, e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                ? "is not a known field" : "has the wrong type or format"));
    }

    private static String describe(List<Violation> violations) {
        return violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid.";
    }
}
