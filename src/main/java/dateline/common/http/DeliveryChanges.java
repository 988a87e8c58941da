package dateline.common.http;

import dateline.common.term.TermEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the current transaction changes in delivery, gathered while it runs and handed to the response
 * cache once, after it commits: the {@link DependencyKeys} its writes touched, or "everything". A
 * transaction that rolls back changes nothing. Writes delivery cannot see (a draft edited) report nothing
 * and leave every cached response in place. A bulk write (an import chunk) declares up front that it
 * changes everything, so its hundreds of articles cost no key bookkeeping at all.
 */
@ApplicationScoped
public class DeliveryChanges {
    private static final Object RESOURCE = DeliveryChanges.class;

    private final TransactionSynchronizationRegistry transactions;
    private final HttpCaching caching;
    private final Event<DeliveryChanged> committed;

    DeliveryChanges(TransactionSynchronizationRegistry transactions, HttpCaching caching, Event<DeliveryChanged> committed) {
        this.transactions = transactions;
        this.caching = caching;
        this.committed = committed;
    }

    /** The transaction changes responses made from these keys; they are worked out only when they matter. */
    public void changed(Supplier<Set<String>> keys) {
        Pending pending = pending();
        if (!pending.everything) {
            pending.keys.addAll(keys.get());
        }
    }

    /**
     * A section, tag or author was created, renamed or deleted: every list of them, and every article
     * response that embeds its name, may show it, so everything changes (renames are rare; precision here
     * would cost a key per embedded term on every cached article).
     */
    void termChanged(@Observes TermEvent event) {
        changedEverything();
    }

    /** The transaction changes delivery in ways no list of keys describes, or too many to be worth listing. */
    public void changedEverything() {
        Pending pending = pending();
        pending.everything = true;
        pending.keys.clear();
    }

    private Pending pending() {
        Pending pending = (Pending) transactions.getResource(RESOURCE);
        if (pending == null) {
            Pending fresh = new Pending();
            transactions.putResource(RESOURCE, fresh);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        Set<String> keys = Set.copyOf(fresh.keys);
                        try {
                            committed.fire(new DeliveryChanged(fresh.everything, keys));
                        } finally {
                            caching.changed(fresh.everything, keys); // whatever an observer did, stale answers go
                        }
                    }
                }
            });
            pending = fresh;
        }
        return pending;
    }

    private static final class Pending {
        private final Set<String> keys = new LinkedHashSet<>();
        private boolean everything;
    }
}
