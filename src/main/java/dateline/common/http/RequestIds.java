package dateline.common.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is well-formed, otherwise a new
 * UUID. The id goes back in the response header and into the logging MDC as {@code requestId}, so every
 * log line written while the request is handled names it. Installed on the Vert.x router ahead of
 * everything else, so unknown routes, 405s and oversized bodies get one too.
 */
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Enough for UUIDs and common tracing ids; nothing that could forge a log line or a header. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(RequestIds::assign);
    }

    private static void assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && WELL_FORMED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.response().putHeader(HEADER, id);
        // Quarkus keeps the MDC in the request's Vert.x context, so it follows the request to worker threads.
        MDC.put(MDC_KEY, id);
        ctx.next();
    }
}
