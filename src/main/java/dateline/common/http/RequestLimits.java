package dateline.common.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import dateline.config.DatelineConfig;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers URLs over {@value #MAX_URI} characters with 414 problem+json (Vert.x lets up to 64 KiB through
 * to here), and oversized bodies with 413 problem+json before anything reads them. Every endpoint but the
 * streamed import takes at most {@code dateline.max-body-size}, declared up front: a chunked body of
 * unknown length gets 411 there. The import is bounded only by Vert.x's outer limit, whose empty 413 is
 * dressed as a problem too.
 */
public class RequestLimits {
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
            + "\"detail\":\"The request body is larger than the %d bytes this endpoint accepts.\",\"instance\":\"%s\"}";

    static final int MAX_URI = 8192;
    private static final String URI_TOO_LONG = "{\"type\":\"about:blank\",\"title\":\"URI Too Long\",\"status\":414,"
            + "\"detail\":\"The URL is longer than the " + MAX_URI + " characters Dateline accepts.\"}";
    private static final String STREAMED = "/api/v1/manage/import";
    /** Image uploads have a limit of their own (dateline.media.max-upload-size); the media feature checks it again on the bytes. */
    private static final String UPLOAD = "/api/v1/manage/media";
    private static final String LENGTH_REQUIRED = "{\"type\":\"about:blank\",\"title\":\"Length Required\",\"status\":411,"
            + "\"detail\":\"Send the body with a Content-Length (at most %d bytes).\",\"instance\":\"%s\"}";

    void install(@Observes Router router, DatelineConfig config,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize outer) {
        long defaultLimit = config.maxBodySize().asLongValue();
        long uploadLimit = config.media().maxUploadSize().asLongValue();
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> { // after RequestIds and ShutdownDrain
            if (ctx.request().uri().length() > MAX_URI) {
                reject(ctx, 414, URI_TOO_LONG);
                return;
            }
            if (ctx.request().path().startsWith(STREAMED)) {
                ctx.next();
                return;
            }
            long limit = ctx.request().path().equals(UPLOAD) ? uploadLimit : defaultLimit;
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)) {
                reject(ctx, 413, PROBLEM.formatted(limit, escapedPath(ctx)));
            } else if (length == null && ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                reject(ctx, 411, LENGTH_REQUIRED.formatted(limit, escapedPath(ctx)));
            } else {
                ctx.next();
            }
        });
        router.errorHandler(413, ctx -> reject(ctx, 413, PROBLEM.formatted(outer.asLongValue(), escapedPath(ctx))));

    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String escapedPath(RoutingContext ctx) {
        return ctx.request().path().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void reject(RoutingContext ctx, int status, String problem) {
        if (ctx.response().headWritten()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem);
    }
}
