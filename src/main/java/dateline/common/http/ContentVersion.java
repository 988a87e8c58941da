package dateline.common.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dateline.common.sql.SqlValues;
import dateline.config.DatelineConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of published content as this instance knows it. Every change gets the next number of a
 * sequence and names the dependency keys it touched ({@link DependencyKeys}); anything derived from
 * content records the number current when it started reading and the keys it read, and stays valid while
 * none of those keys changed after that number. A change whose reach is unknown (a section renamed, a
 * scheduled article going live) changes everything. Also knows when content last changed
 * ({@code Last-Modified}). Scheduled publications change content without a write, so their instants are
 * kept here and change everything when they pass. With several instances on one database this instance
 * can vouch for what it holds only while it hears the others' changes ({@link #heardOthersUntil}); past
 * that, nothing read earlier is current.
 */
@ApplicationScoped
public class ContentVersion {
    private final AtomicLong sequence = new AtomicLong();
    private volatile long everythingChangedAt;
    private volatile Instant lastModified = Instant.EPOCH;
    /**
     * When each key last changed. A record is only needed while something read before it may still be
     * held: cached responses live max-age at most, so records are dropped well after that.
     */
    private final Cache<String, Long> keyChangedAt;
    private final ConcurrentSkipListSet<Instant> goLive = new ConcurrentSkipListSet<>();
    private final Clock clock;
    /**
     * Until when ({@link System#nanoTime}) every change other instances committed has been applied here;
     * unbounded while this instance runs alone (H2, or no listener started).
     */
    private volatile long heardUntil;
    private volatile boolean alone = true;

    ContentVersion(Clock clock, DatelineConfig config) {
        this.clock = clock;
        this.keyChangedAt = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(Math.max(1, config.cache().maxAge())).plusMinutes(10)).build();
    }

    /** Runs after the other start-up observers (the demo loader among them) have written content. */
    @Transactional
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent start) {
        Object newest = Panache.getEntityManager().createNativeQuery("select max(m) from ("
                + "select max(updated_at) m from article union all select max(updated_at) from section"
                + " union all select max(updated_at) from tag union all select max(updated_at) from author) x").getSingleResult();
        Instant last = newest == null ? clock.instant() : SqlValues.instant(newest);
        lastModified = last.truncatedTo(ChronoUnit.SECONDS);
        everythingChangedAt = sequence.incrementAndGet();
        Panache.getEntityManager().createNativeQuery("select published_at from article where status = 'SCHEDULED'"
                + " and trashed_at is null and published_at > ?1").setParameter(1, clock.instant())
                .getResultList().forEach(at -> goLive.add(SqlValues.instant(at)));
    }

    /** The number to record before reading content for something derived from it. */
    public long now() {
        Instant due = goLive.isEmpty() ? null : goLive.first();
        if (due != null && !due.isAfter(clock.instant())) {
            goLive.headSet(due, true).clear();
            everythingChangedAt = sequence.incrementAndGet();
            modifiedAt(due);
        }
        return sequence.get();
    }

    /** Whether content read at {@code readAt} under these keys is still what it was. */
    public boolean unchangedSince(long readAt, Collection<String> keys) {
        now();
        if (everythingChangedAt > readAt || !alone && System.nanoTime() - heardUntil > 0) {
            return false;
        }
        for (String key : keys) {
            Long changedAt = keyChangedAt.getIfPresent(key);
            if (changedAt != null && changedAt > readAt) {
                return false;
            }
        }
        return true;
    }

    /**
     * Until {@code nanoTime} this instance can vouch that it has applied every change other instances
     * committed (the listener extends it after each round trip that proves so); once it passes, nothing read
     * earlier counts as current, so cached responses are made again until the listener vouches again.
     */
    public void heardOthersUntil(long nanoTime) {
        heardUntil = nanoTime;
        alone = false;
    }

    public Instant lastModified() {
        now();
        return lastModified;
    }

    /** Content will change at {@code at} without a write: a scheduled article goes live. */
    void changesAt(Instant at) {
        goLive.add(at);
    }

    /** Content under these keys changed (the transaction that changed it has committed). */
    public void changed(Collection<String> keys) {
        long at = sequence.incrementAndGet();
        keys.forEach(key -> keyChangedAt.asMap().merge(key, at, Math::max));
        keyChangedAt.asMap().merge(DependencyKeys.ANY, at, Math::max);
        modifiedAt(clock.instant());
    }

    /** Content changed in ways no key describes: nothing read earlier is current any more. */
    public void changedEverything() {
        everythingChangedAt = sequence.incrementAndGet();
        modifiedAt(clock.instant());
    }

    private synchronized void modifiedAt(Instant at) {
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        if (second.isAfter(lastModified)) {
            lastModified = second;
        }
    }
}
