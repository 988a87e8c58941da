package dateline.common.http;

import dateline.common.sql.SqlValues;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state of all published content as this instance knows it: a generation that every successful
 * management write advances, and when content last changed (what {@code Last-Modified} reports). Cached
 * public responses are only served while their generation is current. Scheduled publications change
 * content without a write, so their instants are kept here too and advance the generation when they pass.
 */
@ApplicationScoped
public class ContentVersion {
    record State(long generation, Instant lastModified) {
    }

    private final AtomicReference<State> state = new AtomicReference<>(new State(0, Instant.EPOCH));
    private final ConcurrentSkipListSet<Instant> goLive = new ConcurrentSkipListSet<>();
    private final Clock clock;

    ContentVersion(Clock clock) {
        this.clock = clock;
    }

    /** Runs after the other start-up observers (the demo loader among them) have written content. */
    @Transactional
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent start) {
        Object newest = Panache.getEntityManager().createNativeQuery("select max(m) from ("
                + "select max(updated_at) m from article union all select max(updated_at) from section"
                + " union all select max(updated_at) from tag union all select max(updated_at) from author) x").getSingleResult();
        Instant last = newest == null ? clock.instant() : SqlValues.instant(newest);
        state.set(new State(0, last.truncatedTo(ChronoUnit.SECONDS)));
        Panache.getEntityManager().createNativeQuery("select published_at from article where status = 'SCHEDULED'"
                + " and trashed_at is null and published_at > ?1").setParameter(1, clock.instant())
                .getResultList().forEach(at -> goLive.add(SqlValues.instant(at)));
    }

    State current() {
        Instant due = goLive.isEmpty() ? null : goLive.first();
        if (due != null && !due.isAfter(clock.instant())) {
            goLive.headSet(due, true).clear();
            Instant at = due.truncatedTo(ChronoUnit.SECONDS);
            state.updateAndGet(s -> new State(s.generation() + 1, at.isAfter(s.lastModified()) ? at : s.lastModified()));
        }
        return state.get();
    }

    /** Advances with every content change; anything derived from content can be kept per generation. */
    public long generation() {
        return current().generation();
    }

    /** Content will change at {@code at} without a write: a scheduled article goes live. */
    public void changesAt(Instant at) {
        goLive.add(at);
    }

    /** Content changed: cached responses of earlier generations are no longer served. */
    public void changed() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        state.updateAndGet(s -> new State(s.generation() + 1, now.isAfter(s.lastModified()) ? now : s.lastModified()));
    }
}
