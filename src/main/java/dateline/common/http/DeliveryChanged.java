package dateline.common.http;

import java.util.Set;

/**
 * Fired inside a transaction whose writes change what delivery shows (a live article edited, published,
 * withdrawn), with the {@link DependencyKeys} the change touched. Once the transaction has committed,
 * {@link HttpCaching} stops serving responses made from those keys; writes delivery cannot see (a draft
 * edited) fire nothing and leave every response in place.
 */
public record DeliveryChanged(Set<String> keys) {
}
