package dateline.common.http;

import dateline.config.DatelineConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sheds load instead of queueing it: beyond {@code dateline.max-in-flight} requests being worked on at
 * once, a new one is answered 503 with Retry-After at once. Queued requests would only time out later,
 * holding memory and threads; an immediate 503 lets clients and load balancers back off, and service
 * is normal again the moment the surge ends. Health and metrics are never shed.
 */
public class LoadShedding {
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
            + "\"detail\":\"Dateline is at capacity; retry in a moment.\"}";
    private final AtomicInteger inFlight = new AtomicInteger();

    void install(@Observes Router router, DatelineConfig config) {
        int max = config.maxInFlight();
        router.route().order(Integer.MIN_VALUE + 4).handler(ctx -> admit(ctx, max));
    }

    private void admit(RoutingContext ctx, int max) {
        if (ctx.request().path().startsWith("/q/")) {
            ctx.next();
            return;
        }
        if (inFlight.incrementAndGet() > max) {
            inFlight.decrementAndGet();
            ctx.response().setStatusCode(503)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.RETRY_AFTER, "1")
                    .end(PROBLEM);
            return;
        }
        ctx.addEndHandler(done -> inFlight.decrementAndGet());
        ctx.next();
    }
}
