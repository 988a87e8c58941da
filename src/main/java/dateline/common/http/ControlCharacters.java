package dateline.common.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

/**
 * Refuses URLs whose decoded path or query carries control characters (%00, %1B…) with 400, before any
 * of it reaches a query: PostgreSQL cannot even hold NUL in text, and no slug, filter or cursor contains
 * them legitimately. One check here instead of one per parameter.
 */
public class ControlCharacters {
    private static final String PROBLEM = "{\"type\":\"urn:dateline:problem:invalid-parameter\",\"title\":\"Invalid parameter\","
            + "\"status\":400,\"detail\":\"The URL contains control characters.\"}";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 3).handler(ControlCharacters::check); // after RequestIds and RequestLimits
    }

    private static void check(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri.indexOf('%') < 0 || !hasControl(uri)) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json").end(PROBLEM);
    }

    private static boolean hasControl(String uri) {
        try {
            QueryStringDecoder decoded = new QueryStringDecoder(uri);
            if (controls(decoded.path())) {
                return true;
            }
            for (Map.Entry<String, List<String>> p : decoded.parameters().entrySet()) {
                if (controls(p.getKey()) || p.getValue().stream().anyMatch(ControlCharacters::controls)) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException malformed) {
            return false; // a broken escape is left to the router, which answers 400 for it
        }
    }

    private static boolean controls(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }
}
