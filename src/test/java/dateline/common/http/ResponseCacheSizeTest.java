package dateline.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The response cache is as big as the operator says, and otherwise grows with the heap it is given. */
class ResponseCacheSizeTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void unsetTheCacheMayUseAQuarterOfTheMaximumHeap() {
        assertEquals(128 * MIB, ResponseCacheSize.bytes(Optional.empty(), 512 * MIB));
        assertEquals(32 * MIB, ResponseCacheSize.bytes(Optional.empty(), 128 * MIB));
    }

    @Test
    void whatTheOperatorSetsWinsWhateverTheHeap() {
        assertEquals(32 * MIB, ResponseCacheSize.bytes(Optional.of(32 * MIB), 4096 * MIB));
        assertEquals(512 * MIB, ResponseCacheSize.bytes(Optional.of(512 * MIB), 1024 * MIB));
    }
}
