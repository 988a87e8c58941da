package dateline.common.problem;

import java.util.List;
import java.util.Map;

/**
 * Conditional writes on versioned resources (RFC 9110 13.1.1): the ETag of a managed resource is its
 * version, {@code "7"}. A write that must not lose a concurrent edit sends it back in {@code If-Match}.
 */
public final class Preconditions {
    private Preconditions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * PUT, PATCH and DELETE: no If-Match is 428, and so is {@code *}, which names no version (RFC 9110 lets
     * it match any current representation, which would let a client that never read the resource overwrite
     * it); one that does not name the current version is 412.
     */
    public static void required(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank() || namesNoVersion(ifMatch)) {
            throw new ProblemException(ProblemType.IF_MATCH_REQUIRED,
                    "This write needs If-Match with the ETag of the version you edited (from GET), so it cannot overwrite a change you have not seen"
                            + (ifMatch == null || ifMatch.isBlank() ? "." : "; \"*\" names no version."),
                    List.of(), Map.of("currentVersion", current));
        }
        optional(ifMatch, current);
    }

    /** Other writes honour If-Match when it is sent. */
    public static void optional(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank() || matches(ifMatch, current)) {
            return;
        }
        throw stale(current);
    }

    public static ProblemException stale(long current) {
        return new ProblemException(ProblemType.STALE_VERSION,
                "The resource has changed since the version you edited; fetch version " + current + " and apply your change to it.",
                List.of(), Map.of("currentVersion", current));
    }

    private static boolean namesNoVersion(String ifMatch) {
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (!t.isEmpty() && !t.equals("*")) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String ifMatch, long current) {
        String wanted = etag(current);
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            // Strong comparison: a weak tag never matches (RFC 9110 13.1.1).
            if (t.equals("*") || t.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
