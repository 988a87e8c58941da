package dateline.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Whether a client already holds a cached response: the conditional request headers of RFC 9110. */
final class Revalidation {
    private Revalidation() {
    }

    /** Whether {@code If-None-Match} names the response, or else {@code If-Modified-Since} is not before {@code lastModified}. */
    static boolean notModified(ContainerRequestContext request, CachedResponse response, Instant lastModified) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            // RFC 9110 13.1.2: weak comparison, and If-Modified-Since is ignored when If-None-Match is present.
            // A tag of either encoding names the same content: a client that switches encodings still revalidates.
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || response.isNamedBy(t)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null) {
            try {
                return !lastModified.isAfter(Instant.from(HttpCaching.HTTP_DATE.parse(ifModifiedSince.strip())));
            } catch (DateTimeParseException e) {
                return false; // an invalid date is ignored (RFC 9110 13.1.3)
            }
        }
        return false;
    }
}
