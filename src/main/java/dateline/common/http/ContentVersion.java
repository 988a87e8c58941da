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
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state of all published content as this instance knows it: a generation that every successful
 * management write advances, and when content last changed (what {@code Last-Modified} reports). Cached
 * public responses are only served while their generation is current.
 */
@ApplicationScoped
public class ContentVersion {
    record State(long generation, Instant lastModified) {
    }

    private final AtomicReference<State> state = new AtomicReference<>(new State(0, Instant.EPOCH));
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
    }

    State current() {
        return state.get();
    }

    /** Advances with every content change; anything derived from content can be kept per generation. */
    public long generation() {
        return state.get().generation();
    }

    /** Content changed: cached responses of earlier generations are no longer served. */
    public void changed() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        state.updateAndGet(s -> new State(s.generation() + 1, now.isAfter(s.lastModified()) ? now : s.lastModified()));
    }
}
