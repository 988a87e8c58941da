package dateline.common.http;

import dateline.common.term.TermEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What the current transaction changes in delivery, gathered while it runs and handed to the response
 * cache once, after it commits: the {@link DependencyKeys} its writes touched, or "everything". A
 * transaction that rolls back changes nothing. Writes delivery cannot see (a draft edited) report nothing
 * and leave every cached response in place. A bulk write (an import chunk) declares up front that it
 * changes everything, so its hundreds of articles cost no key bookkeeping at all. Just before the commit
 * the change is announced inside the transaction ({@link DeliveryCommitting}), so that what is sent on
 * (to other instances, to a CDN) is sent exactly when it commits; changes other instances committed are
 * applied here too ({@link #apply}), exactly as this instance's own.
 */
@ApplicationScoped
public class DeliveryChanges {
    private static final Object RESOURCE = DeliveryChanges.class;

    private final TransactionSynchronizationRegistry transactions;
    private final HttpCaching caching;
    private final ContentVersion content;
    private final Event<DeliveryChanged> committed;
    private final Event<DeliveryCommitting> committing;

    DeliveryChanges(TransactionSynchronizationRegistry transactions, HttpCaching caching, ContentVersion content,
                    Event<DeliveryChanged> committed, Event<DeliveryCommitting> committing) {
        this.transactions = transactions;
        this.caching = caching;
        this.content = content;
        this.committed = committed;
        this.committing = committing;
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

    /** A scheduled article saved by the transaction goes live at {@code at}: delivery changes then, without a write. */
    public void goesLiveAt(Instant at) {
        pending().goLive.add(at);
    }

    /** A change has committed, here or through another instance: whatever was made from what it changed goes. */
    public void apply(DeliveryChanged change) {
        change.goLive().forEach(content::changesAt);
        try {
            committed.fire(change);
        } finally {
            caching.changed(change.everything(), change.keys()); // whatever an observer did, stale answers go
        }
    }

    private Pending pending() {
        Pending pending = (Pending) transactions.getResource(RESOURCE);
        if (pending == null) {
            Pending fresh = new Pending();
            transactions.putResource(RESOURCE, fresh);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    DeliveryChanged change = fresh.change();
                    if (!change.isEmpty()) {
                        committing.fire(new DeliveryCommitting(change));
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        apply(fresh.change());
                    }
                }
            });
            pending = fresh;
        }
        return pending;
    }

    private static final class Pending {
        private final Set<String> keys = new LinkedHashSet<>();
        private final Set<Instant> goLive = new TreeSet<>();
        private boolean everything;

        DeliveryChanged change() {
            return new DeliveryChanged(everything, Set.copyOf(keys), Set.copyOf(goLive));
        }
    }
}
