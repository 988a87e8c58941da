package dateline.common.problem;

import java.util.List;
import java.util.Map;

/** A query or path parameter that cannot be understood: 400. */
public class InvalidParameter extends ProblemException {
    public InvalidParameter(String name, String message) {
        super(ProblemType.INVALID_PARAMETER, name + ": " + message, List.of(Violation.query(name, message)), Map.of());
    }
}
