package dateline.common.problem;

import java.util.List;
import java.util.Map;

/** The request clashes with the current state of a resource: 409. */
public class Conflict extends ProblemException {
    public Conflict(ProblemType type, String detail) {
        super(type, detail);
    }

    public Conflict(ProblemType type, String detail, Map<String, Object> members) {
        super(type, detail, List.of(), members);
    }
}
