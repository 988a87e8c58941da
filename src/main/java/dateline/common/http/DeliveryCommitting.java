package dateline.common.http;

/**
 * The change a transaction is about to commit, fired inside it, after its last write and before the
 * commit: whatever an observer writes (a notification to other instances, a CDN purge in the outbox)
 * commits or rolls back with the change itself. Fired only when delivery sees something of the change.
 */
public record DeliveryCommitting(DeliveryChanged change) {
}
