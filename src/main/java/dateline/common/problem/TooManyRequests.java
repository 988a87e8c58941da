package dateline.common.problem;

import java.util.List;
import java.util.Map;

/** The caller has used up its request budget; it may try again after {@code retryAfterSeconds}. */
public class TooManyRequests extends ProblemException {
    private final long retryAfterSeconds;
    private final long limit;

    public TooManyRequests(long limit, long retryAfterSeconds, String who) {
        super(ProblemType.TOO_MANY_REQUESTS, "More than " + limit + " requests a minute from this " + who
                + "; retry in " + retryAfterSeconds + " s.", List.of(), Map.of("retryAfter", retryAfterSeconds));
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public long limit() {
        return limit;
    }
}
