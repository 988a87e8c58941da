package dateline.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dateline.common.page.Page;
import dateline.config.DatelineConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * HTTP caching for the public API, in one place. Every public GET gets a strong ETag (digest of the
 * bytes), Last-Modified, Cache-Control and Vary, and answers 304 to a matching If-None-Match or
 * If-Modified-Since. Rendered responses are kept in memory per URL and Accept until content changes: a
 * successful management write advances {@link ContentVersion}, so this instance's next read is fresh;
 * entries expire after max-age, which bounds how long writes made through other instances go unseen.
 * Management responses are never stored anywhere ({@code no-store}).
 */
@ApplicationScoped
@Startup // so the cache's metrics are published from start, not from the first public request
public class HttpCaching {
    private static final String GENERATION = "dateline.cache.generation";
    private static final String PUBLIC = "/api/v1/";
    private static final String MANAGE = "/api/v1/manage/";
    private static final String ARTICLE_WRITES = "/api/v1/manage/articles";
    private static final String IMPORT = "/api/v1/manage/import";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ContentVersion version;
    private final ObjectMapper json;
    private final DatelineConfig.Cache config;
    private final Cache<String, CachedResponse> rendered;
    private final String cacheControl;

    HttpCaching(ContentVersion version, ObjectMapper json, DatelineConfig config, MeterRegistry metrics) {
        this.version = version;
        this.json = json;
        this.config = config.cache();
        // Entries also expire after max-age: this instance's own writes empty the cache at once, but writes
        // made through other instances behind the same balancer are only seen once an entry expires.
        this.rendered = Caffeine.newBuilder().maximumWeight(this.config.maxBytes())
                .weigher((String key, CachedResponse r) -> key.length() + r.body().length)
                .expireAfterWrite(Duration.ofSeconds(Math.max(1, this.config.maxAge()))).recordStats().build();
        // cache_gets_total{cache="responses",result="hit"|"miss"}, cache_size, evictions: the hit rate operators watch.
        CaffeineCacheMetrics.monitor(metrics, rendered, "responses");
        this.cacheControl = "public, max-age=" + this.config.maxAge() + ", stale-while-revalidate=" + this.config.staleWhileRevalidate();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<RestResponse<Object>> serveFromCache(ContainerRequestContext request) {
        if (!isPublicRead(request)) {
            return Optional.empty();
        }
        ContentVersion.State state = version.current();
        request.setProperty(GENERATION, state.generation());
        CachedResponse hit = config.enabled() ? rendered.getIfPresent(key(request)) : null;
        if (hit == null || hit.generation() != state.generation()) {
            return Optional.empty();
        }
        RestResponse.ResponseBuilder<Object> response = notModified(request, hit.etag(), state.lastModified())
                ? RestResponse.ResponseBuilder.create(RestResponse.Status.NOT_MODIFIED)
                : RestResponse.ResponseBuilder.ok((Object) hit.body(), hit.type());
        response.header(HttpHeaders.ETAG, hit.etag())
                .header(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(state.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, "Accept, Accept-Encoding");
        if (hit.surrogateKey() != null) {
            response.header("Surrogate-Key", hit.surrogateKey());
        }
        if (hit.link() != null) {
            response.header(HttpHeaders.LINK, hit.link());
        }
        return Optional.of(response.build());
    }

    void deliveryChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryChanged change) {
        contentChanged();
    }

    private void contentChanged() {
        version.changed();
        // Entries of earlier generations are never served again: free them now, so they neither hold
        // memory nor count as hits in the cache metrics.
        rendered.invalidateAll();
    }

    @ServerResponseFilter
    public void validate(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        String path = request.getUriInfo().getPath();
        if (path.startsWith(MANAGE)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            // Article writes report whether delivery can see them (DeliveryChanged); any other write
            // (sections, tags, authors) shows in public lists, so it always counts.
            if (!isRead(request) && response.getStatus() < 400 && !path.startsWith(ARTICLE_WRITES) && !path.startsWith(IMPORT)) {
                contentChanged();
            }
            return;
        }
        Object generation = request.getProperty(GENERATION);
        if (generation == null || response.getStatus() != 200 || response.getEntity() == null
                || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return; // not a public read, an error, or already answered from the cache
        }
        MediaType type = response.getMediaType();
        byte[] body = render(response.getEntity(), type);
        if (body == null) {
            return;
        }
        CachedResponse entry = CachedResponse.of((Long) generation, body, type,
                surrogateKeys(response.getEntity(), path), response.getHeaderString(HttpHeaders.LINK));
        if (config.enabled()) {
            rendered.put(key(request), entry);
        }
        Instant lastModified = version.current().lastModified();
        response.getHeaders().putSingle(HttpHeaders.ETAG, entry.etag());
        response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(lastModified));
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.getHeaders().putSingle(HttpHeaders.VARY, "Accept, Accept-Encoding");
        if (entry.surrogateKey() != null) {
            response.getHeaders().putSingle("Surrogate-Key", entry.surrogateKey());
        }
        if (notModified(request, entry.etag(), lastModified)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body, null, type);
        }
    }

    private byte[] render(Object entity, MediaType type) throws JsonProcessingException {
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return json.writeValueAsBytes(entity);
        }
        return null;
    }

    private static boolean notModified(ContainerRequestContext request, String etag, Instant lastModified) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            // RFC 9110 13.1.2: weak comparison, and If-Modified-Since is ignored when If-None-Match is present.
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null) {
            try {
                return !lastModified.isAfter(Instant.from(HTTP_DATE.parse(ifModifiedSince.strip())));
            } catch (DateTimeParseException e) {
                return false; // an invalid date is ignored (RFC 9110 13.1.3)
            }
        }
        return false;
    }

    private static String surrogateKeys(Object entity, String path) {
        Set<String> keys = new LinkedHashSet<>();
        if (path.startsWith(PUBLIC + "feeds/")) {
            keys.add("feeds");
        }
        collect(entity, keys);
        if (entity instanceof Page<?> || entity instanceof Collection<?>) {
            keys.add(path.substring(PUBLIC.length()).split("/")[0]);
        }
        return keys.isEmpty() ? null : String.join(" ", keys);
    }

    private static void collect(Object entity, Set<String> keys) {
        if (entity instanceof SurrogateKeys view) {
            keys.addAll(view.surrogateKeys());
        } else if (entity instanceof Page<?> page) {
            page.items().forEach(item -> collect(item, keys));
        } else if (entity instanceof Collection<?> items) {
            items.forEach(item -> collect(item, keys));
        }
    }

    private static boolean isPublicRead(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return isRead(request) && path.startsWith(PUBLIC) && !path.startsWith(MANAGE);
    }

    private static boolean isRead(ContainerRequestContext request) {
        return request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    }

    private static String key(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return request.getUriInfo().getRequestUri().getRawPath() + "?" + request.getUriInfo().getRequestUri().getRawQuery()
                + "|" + (accept == null ? "*/*" : accept);
    }
}
