package dateline.common.http;

/**
 * Fired inside a transaction whose writes change what delivery shows (a live article edited, published,
 * withdrawn). {@link HttpCaching} drops its rendered responses once the transaction has committed; writes
 * delivery cannot see (a draft edited) leave them in place.
 */
public record DeliveryChanged(String reason) {
}
