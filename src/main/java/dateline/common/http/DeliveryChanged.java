package dateline.common.http;

import java.util.Set;

/**
 * A committed transaction changed what delivery shows: under these {@link DependencyKeys}, or everything.
 * Fired by {@link DeliveryChanges} after the commit, before the response cache drops what the change made
 * stale, so that anything delivery computes from its own copy of the content (the related-headline index)
 * is told first and no response is cached from a copy older than the change.
 */
public record DeliveryChanged(boolean everything, Set<String> keys) {
}
