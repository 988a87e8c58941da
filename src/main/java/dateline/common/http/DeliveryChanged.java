package dateline.common.http;

import java.time.Instant;
import java.util.Set;

/**
 * A transaction changed what delivery shows: under these {@link DependencyKeys}, or everything; and
 * scheduled articles it saved will change it again, without a write, at the {@code goLive} instants.
 * Fired by {@link DeliveryChanges} after the commit, before the response cache drops what the change made
 * stale, so that anything delivery computes from its own copy of the content (the related-headline index)
 * is told first and no response is cached from a copy older than the change. Changes committed by other
 * instances on the same database arrive the same way.
 */
public record DeliveryChanged(boolean everything, Set<String> keys, Set<Instant> goLive) {

    public static DeliveryChanged ofEverything() {
        return new DeliveryChanged(true, Set.of(), Set.of());
    }

    /** Whether delivery sees nothing of it (a draft edited, nothing scheduled). */
    public boolean isEmpty() {
        return !everything && keys.isEmpty() && goLive.isEmpty();
    }
}
