package dateline.sync;

import dateline.config.DatelineConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Forgets, after the retention period, that articles deleted for good ever existed, and moves the floor
 * below which sync tokens are refused up to the newest change forgotten: a client whose token is older
 * could miss a deletion, so it must start over. Every other row stays, one per article.
 */
@ApplicationScoped
class SyncRetention {
    private final DatelineConfig.Sync config;
    private final Clock clock;

    SyncRetention(DatelineConfig config, Clock clock) {
        this.config = config.sync();
        this.clock = clock;
    }

    @Scheduled(identity = "sync-retention", every = "${dateline.sync.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void forgetOldDeletions() {
        EntityManager em = Panache.getEntityManager();
        java.time.Instant before = clock.instant().minus(config.retention());
        String gone = " from sync_change where changed_at < ?1 and not exists (select 1 from article a where a.id = sync_change.article_id)";
        Object newest = em.createNativeQuery("select max(seq)" + gone).setParameter(1, before).getSingleResult();
        if (newest == null) {
            return;
        }
        long floor = ((Number) newest).longValue();
        // Locks the clock row, as writers do: the floor and the rows change together.
        em.createNativeQuery("update sync_clock set floor_seq = greatest(floor_seq, ?1) where id = 1").setParameter(1, floor).executeUpdate();
        em.createNativeQuery("delete" + gone + " and seq <= ?2").setParameter(1, before).setParameter(2, floor).executeUpdate();
    }
}
