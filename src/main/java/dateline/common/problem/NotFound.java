package dateline.common.problem;

/** The addressed resource does not exist (or is not visible to this caller). */
public class NotFound extends ProblemException {
    public NotFound(String kind, Object key) {
        super(ProblemType.NOT_FOUND, "No " + kind + " '" + key + "' exists.");
    }
}
