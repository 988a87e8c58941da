package dateline.common.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers oversized bodies with 413 problem+json. Vert.x rejects them below the REST layer with an empty
 * body; this refuses a declared Content-Length up front and dresses the 413 Vert.x raises for a streamed one.
 */
public class BodyLimit {
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
            + "\"detail\":\"The request body is larger than the %d bytes this endpoint accepts.\",\"instance\":\"%s\"}";

    void install(@Observes Router router, @ConfigProperty(name = "quarkus.http.limits.max-body-size") io.quarkus.runtime.configuration.MemorySize max) {
        long limit = max.asLongValue();
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> { // just after RequestIds
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)) {
                reject(ctx, limit);
            } else {
                ctx.next();
            }
        });
        router.errorHandler(413, ctx -> reject(ctx, limit));
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void reject(RoutingContext ctx, long limit) {
        if (ctx.response().headWritten()) {
            return;
        }
        String path = ctx.request().path().replace("\\", "\\\\").replace("\"", "\\\"");
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(PROBLEM.formatted(limit, path));
    }
}
