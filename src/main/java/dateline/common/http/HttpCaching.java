package dateline.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import dateline.config.DatelineConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * HTTP caching for the public API, in one place. Every public GET gets a strong ETag (digest of the
 * bytes, marked {@code -gzip} for the gzip encoding), Last-Modified, Cache-Control and Vary, and answers
 * 304 to a matching If-None-Match or If-Modified-Since. Public responses are gzipped here, not by the
 * server, so a cache hit is compressed exactly like a miss, from a copy compressed once. Rendered responses are kept in memory per URL and Accept with the
 * {@link DependencyKeys} they were made from, and served only while none of those keys has changed
 * ({@link ContentVersion}): a write is seen by the very next request, here and (through
 * {@code cluster.ChangeListener}) on every other instance on the database, and a publish leaves unrelated
 * responses cached. Entries also expire after max-age, which bounds how long a change made to the
 * database by anything but Dateline goes unseen. Misses for the same response at the same time are made
 * once ({@link MissesInFlight}): the others wait for it, and take it if it is still current. Management
 * responses are never stored anywhere ({@code no-store}), nor are reads that carry a draft preview token
 * ({@code private, no-store}, {@code noindex}), valid or not.
 */
@ApplicationScoped
@Startup // so the cache's metrics are published from start, not from the first public request
public class HttpCaching {
    /** Whether the response came from this instance's cache, as CDNs and Varnish report it. */
    private static final String X_CACHE = "X-Cache";
    /** How a delivery read carries a draft preview token (the preview package reads it). */
    public static final String PREVIEW_HEADER = "Dateline-Preview";
    public static final String PREVIEW_QUERY = "preview";
    private static final String PREVIEW = "dateline.cache.preview";
    private static final String READ_AT = "dateline.cache.read-at";
    /** Set on the request that makes a response others wait for ({@link MissesInFlight}). */
    private static final String MAKING = "dateline.cache.making";
    /** How long a miss waits for the same response being made by another request before making its own. */
    private static final Duration MAKING_WAIT = Duration.ofSeconds(2);
    private static final Uni<RestResponse<Object>> NEXT = Uni.createFrom().nullItem();
    /** Dateline-Preview too: a shared cache must not answer a preview request with its public copy. */
    private static final String VARY = "Accept, Accept-Encoding, Dateline-Preview";
    private static final String IDENTITY = "identity";
    static final String PUBLIC = "/api/v1/";
    private static final String MANAGE = "/api/v1/manage/";
    private static final String SYNC = "/api/v1/sync";
    /** Image renditions: immutable files with their own ETag and a year's max-age, too big to keep here. */
    private static final String MEDIA = "/api/v1/media/";
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ContentVersion version;
    private final DependencyKeys dependencies;
    private final ObjectMapper json;
    private final DatelineConfig.Cache config;
    private final Cache<String, CachedResponse> rendered;
    /** Hits are counted here, not by lookups: an entry found but stale is a miss. */
    private final StatsCounter stats = new ConcurrentStatsCounter();
    private final String cacheControl;
    private final MissesInFlight misses = new MissesInFlight();

    HttpCaching(ContentVersion version, DependencyKeys dependencies, ObjectMapper json, DatelineConfig config, MeterRegistry metrics) {
        this.version = version;
        this.dependencies = dependencies;
        this.json = json;
        this.config = config.cache();
        // Entries also expire after max-age: Dateline's writes, on any instance, refresh what they change at once,
        // but rows changed in the database by anything else are only seen once an entry expires.
        long capacity = ResponseCacheSize.bytes(this.config.maxBytes(), Runtime.getRuntime().maxMemory());
        this.rendered = Caffeine.newBuilder().maximumWeight(capacity)
                .weigher((String key, CachedResponse r) -> key.length() + r.weight())
                .expireAfterWrite(Duration.ofSeconds(Math.max(1, this.config.maxAge()))).recordStats(() -> stats).build();
        // cache_gets_total{cache="responses",result="hit"|"miss"}, cache_size, evictions: the hit rate operators watch.
        CaffeineCacheMetrics.monitor(metrics, rendered, "responses");
        ResponseCacheSize.monitor(metrics, rendered, capacity);
        this.cacheControl = "public, max-age=" + this.config.maxAge() + ", stale-while-revalidate=" + this.config.staleWhileRevalidate();
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<RestResponse<Object>> serveFromCache(ContainerRequestContext request, HttpServerRequest exchange, RoutingContext routing) {
        if (!isPublicRead(request)) {
            return NEXT;
        }
        if (carriesPreview(request)) {
            // Neither served from nor stored in the cache, and no 304: a preview shows the saved content of the
            // moment, to one client. Decided on the token's presence, not its validity, which would cost a query.
            request.setProperty(PREVIEW, Boolean.TRUE);
            return NEXT;
        }
        // Taken before anything is read: a change committed while this response is made marks it stale.
        request.setProperty(READ_AT, version.now());
        if (!config.enabled()) {
            return NEXT;
        }
        String key = key(request);
        CachedResponse found = rendered.asMap().get(key); // the map view counts nothing
        if (current(found) != null) {
            stats.recordHits(1);
            return Uni.createFrom().item(answer(request, exchange, key, found));
        }
        if (found != null) {
            rendered.asMap().remove(key, found); // stale: freed now
        }
        CompletableFuture<CachedResponse> mine = new CompletableFuture<>();
        CompletableFuture<CachedResponse> making = misses.join(key, mine);
        if (making == null) {
            // This request makes the response (validate hands it over); however it ends, its waiters wake.
            stats.recordMisses(1);
            request.setProperty(MAKING, mine);
            routing.addEndHandler(ended -> misses.done(key, mine, null));
            return NEXT;
        }
        // Another request is making this very response: its answer, if no change has made it stale by the time
        // it is ready, is this one's too. Waited for on this request's own event loop, never blocking it.
        Context context = Vertx.currentContext();
        Uni<CachedResponse> made = Uni.createFrom().completionStage(making).ifNoItem().after(MAKING_WAIT).recoverWithItem(() -> null);
        if (context != null) {
            made = made.emitOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return made.map(response -> {
            CachedResponse shared = current(response);
            if (shared == null) {
                stats.recordMisses(1);
                return null; // made for nobody, or stale already: this request makes its own
            }
            stats.recordHits(1);
            return answer(request, exchange, key, shared);
        });
    }

    /** The entry, if none of what it was made from has changed since; null otherwise. */
    private CachedResponse current(CachedResponse entry) {
        return entry != null && version.unchangedSince(entry.readAt(), entry.dependencies()) ? entry : null;
    }

    /** A response from the cache: the entry's bytes in the coding asked for, or 304 when the client has them. */
    private RestResponse<Object> answer(ContainerRequestContext request, HttpServerRequest exchange, String key, CachedResponse hit) {
        boolean gzip = AcceptEncoding.allowsGzip(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        if (gzip && hit.gzipped() == null) {
            CachedResponse compressed = hit.withGzip();
            rendered.asMap().replace(key, hit, compressed); // re-weighed, so the gzip copy counts towards max-bytes
            hit = compressed;
        }
        Instant lastModified = version.lastModified();
        boolean notModified = Revalidation.notModified(request, hit, lastModified);
        RestResponse.ResponseBuilder<Object> response = notModified
                ? RestResponse.ResponseBuilder.create(RestResponse.Status.NOT_MODIFIED)
                : RestResponse.ResponseBuilder.ok((Object) hit.bytes(gzip), hit.type());
        // Straight on the server's response: it already says "identity" (compression is decided after a
        // resource is matched, and no resource is), and a second Content-Encoding would be dropped with it.
        if (notModified) {
            exchange.response().headers().remove(HttpHeaders.CONTENT_ENCODING); // a 304 has no content to encode
        } else if (gzip) {
            exchange.response().headers().set(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.header(HttpHeaders.ETAG, hit.etag(gzip))
                .header(X_CACHE, "HIT")
                .header(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(lastModified))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, VARY);
        if (hit.surrogateKey() != null) {
            response.header("Surrogate-Key", hit.surrogateKey());
        }
        if (hit.link() != null) {
            response.header(HttpHeaders.LINK, hit.link());
        }
        return response.build();
    }

    /** A committed transaction changed delivery: under these keys, or everything ({@link DeliveryChanges}). */
    void changed(boolean everything, Collection<String> keys) {
        if (everything) {
            everythingChanged();
        } else if (!keys.isEmpty()) {
            version.changed(keys);
        }
    }

    private void everythingChanged() {
        version.changedEverything();
        // No entry is served again: free them now, so they neither hold memory nor count as hits.
        rendered.invalidateAll();
    }

    @ServerResponseFilter
    public void validate(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        String path = request.getUriInfo().getPath();
        if (path.startsWith(MANAGE)) {
            // Writes tell DeliveryChanges what they change, from the transaction that changes it.
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            return;
        }
        if (request.getProperty(PREVIEW) != null) {
            // Not for CDNs nor shared caches, and never for search engines, even when the link leaks.
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
            response.getHeaders().putSingle("X-Robots-Tag", "noindex");
            return;
        }
        Object readAt = request.getProperty(READ_AT);
        if (readAt == null || response.getStatus() != 200 || response.getEntity() == null
                || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return; // not a public read, an error, or already answered from the cache
        }
        MediaType type = response.getMediaType();
        byte[] body = render(response.getEntity(), type);
        if (body == null) {
            return;
        }
        // A response whose code named no keys is taken to depend on any change at all.
        Set<String> keys = dependencies.keysRead().isEmpty() ? Set.of(DependencyKeys.ANY) : Set.copyOf(dependencies.keysRead());
        CachedResponse entry = CachedResponse.of((Long) readAt, keys, body, type,
                SurrogateKeyHeader.of(response.getEntity(), path), response.getHeaderString(HttpHeaders.LINK));
        boolean gzip = AcceptEncoding.allowsGzip(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        if (gzip) {
            entry = entry.withGzip();
        }
        if (config.enabled()) {
            rendered.put(key(request), entry);
            @SuppressWarnings("unchecked")
            CompletableFuture<CachedResponse> making = (CompletableFuture<CachedResponse>) request.getProperty(MAKING);
            if (making != null) {
                misses.done(key(request), making, entry);
            }
        }
        Instant lastModified = version.lastModified();
        response.getHeaders().putSingle(HttpHeaders.ETAG, entry.etag(gzip));
        response.getHeaders().putSingle(X_CACHE, config.enabled() ? "MISS" : "OFF");
        response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(lastModified));
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.getHeaders().putSingle(HttpHeaders.VARY, VARY);
        if (entry.surrogateKey() != null) {
            response.getHeaders().putSingle("Surrogate-Key", entry.surrogateKey());
        }
        if (Revalidation.notModified(request, entry, lastModified)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(entry.bytes(gzip), null, type);
            // Set for both codings, so the server's own compression neither re-encodes nor picks another coding
            // (deflate, br) for a miss than a hit would get; "identity" is dropped before the response is sent.
            response.getHeaders().putSingle(HttpHeaders.CONTENT_ENCODING, gzip ? "gzip" : IDENTITY);
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

    private static boolean isPublicRead(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        // A sync answer belongs to one client's position and says no-store itself; renditions cache themselves.
        return isRead(request) && path.startsWith(PUBLIC) && !path.startsWith(MANAGE) && !path.startsWith(SYNC)
                && !path.startsWith(MEDIA);
    }

    private static boolean carriesPreview(ContainerRequestContext request) {
        return request.getHeaderString(PREVIEW_HEADER) != null || request.getUriInfo().getQueryParameters().containsKey(PREVIEW_QUERY);
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
