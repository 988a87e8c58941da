package dateline.common.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

/**
 * Once the process is asked to stop (SIGTERM), requests already being worked on finish (Quarkus waits for
 * them up to {@code quarkus.shutdown.timeout}), while new ones are answered 503 with Retry-After and
 * {@code Connection: close} at once, so a load balancer or client retries on another instance instead of
 * reaching one that is going away. Quarkus itself would still serve them. Health stays reachable: its
 * readiness check reports DOWN from the same moment.
 */
public class ShutdownDrain {
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
            + "\"detail\":\"This Dateline instance is shutting down; retry, and another instance will answer.\"}";
    private volatile boolean draining;

    void install(@Observes Router router) {
        // A JVM shutdown hook runs as soon as the signal arrives, alongside Quarkus's own, so the door
        // closes before Quarkus starts waiting for the requests in flight.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> draining = true, "dateline-drain"));
        router.route().order(Integer.MIN_VALUE + 1).handler(this::admit); // just after RequestIds
    }

    private void admit(RoutingContext ctx) {
        if (!draining || ctx.request().path().startsWith("/q/")) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.RETRY_AFTER, "5")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(PROBLEM);
    }
}
