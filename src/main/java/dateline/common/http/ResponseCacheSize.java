package dateline.common.http;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * How much heap the response cache may use: what the operator set, or else a quarter of the maximum heap.
 * A fixed default fits no heap: 64 MiB thrashed under mixed traffic on 100,000 articles (a page of twenty
 * whole articles found by search is over 100 KB), and would be too much for a heap of 128 MB. The heap
 * is what an operator sizes to the archive and the traffic; the cache now grows and shrinks with it.
 */
final class ResponseCacheSize {
    static final int DEFAULT_HEAP_SHARE = 4;

    private ResponseCacheSize() {
    }

    /** The bytes of rendered responses the cache may hold; {@code maxHeap} as {@link Runtime#maxMemory()} tells it. */
    static long bytes(Optional<Long> configured, long maxHeap) {
        return configured.orElse(maxHeap / DEFAULT_HEAP_SHARE);
    }

    /** Publishes the cache's capacity and the bytes it holds, beside Caffeine's own entry count. */
    static void monitor(MeterRegistry metrics, Cache<String, CachedResponse> cache, long capacity) {
        Gauge.builder("dateline.cache.capacity", () -> capacity).baseUnit("bytes")
                .description("Bytes of rendered responses the response cache may hold").register(metrics);
        Gauge.builder("dateline.cache.used", cache, c -> c.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L))
                .baseUnit("bytes").description("Bytes of rendered responses the response cache holds").register(metrics);
    }
}
