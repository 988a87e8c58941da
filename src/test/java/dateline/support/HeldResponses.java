package dateline.support;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Test only: holds a response whose request carries {@value #HEADER} for that many milliseconds after its
 * resource has read the database and before the response cache sees it, so that a test can have a response
 * in the making while other requests arrive or a write commits.
 */
public class HeldResponses {
    public static final String HEADER = "X-Test-Hold-Ms";

    // Response filters run from the highest priority down: this one before the cache's.
    @ServerResponseFilter(priority = Priorities.USER + 1000)
    public void hold(ContainerRequestContext request) throws InterruptedException {
        String millis = request.getHeaderString(HEADER);
        if (millis != null) {
            Thread.sleep(Long.parseLong(millis));
        }
    }
}
