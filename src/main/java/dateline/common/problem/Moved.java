package dateline.common.problem;

/**
 * The resource lives under another name now (an article's old slug): {@link ProblemMapper} answers 301
 * with the same path and query under the new name. Not a problem, but an answer instead of the resource,
 * so it travels the same way.
 */
public class Moved extends RuntimeException {
    private final String from;
    private final String to;

    public Moved(String from, String to) {
        super("Moved from " + from + " to " + to, null, false, false);
        this.from = from;
        this.to = to;
    }

    /** The request path with the old name replaced by the new one. */
    String relocate(String path) {
        int at = path.indexOf("/" + from);
        return at < 0 ? path : path.substring(0, at + 1) + to + path.substring(at + 1 + from.length());
    }
}
