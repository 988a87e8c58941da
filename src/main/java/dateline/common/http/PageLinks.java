package dateline.common.http;

import dateline.common.page.Page;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/** Responses for paged lists: the page, plus an RFC 8288 {@code Link: <...>; rel="next"} when there is one. */
public final class PageLinks {
    private PageLinks() {
    }

    public static <T> RestResponse<T> withNext(T body, Page<?> page, UriInfo uri) {
        RestResponse.ResponseBuilder<T> response = RestResponse.ResponseBuilder.ok(body);
        if (page.page().next() != null) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.page().next()).build().toString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }
}
