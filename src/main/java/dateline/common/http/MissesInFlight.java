package dateline.common.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cache misses being answered now, one per cache key. A request that misses while another request is
 * making the same response waits for that answer instead of making it again (request coalescing, as
 * Varnish does it): a publish makes the front page stale for every reader at once, and without this each
 * of the requests that arrived while the first was on its way to the database went there too.
 */
final class MissesInFlight {
    private final ConcurrentHashMap<String, CompletableFuture<CachedResponse>> making = new ConcurrentHashMap<>();

    /**
     * Registers {@code mine} as the making of {@code key}'s response, or returns the making already under
     * way, whose answer the caller waits for.
     */
    CompletableFuture<CachedResponse> join(String key, CompletableFuture<CachedResponse> mine) {
        return making.putIfAbsent(key, mine);
    }

    /**
     * The request that made {@code key}'s response is done: with the response, or with null when it made
     * nothing that can be shared (an error, a response that is not cached). Its waiters wake with it.
     */
    void done(String key, CompletableFuture<CachedResponse> mine, CachedResponse made) {
        making.remove(key, mine);
        mine.complete(made);
    }
}
