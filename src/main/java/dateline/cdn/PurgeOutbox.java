package dateline.cdn;

import dateline.cluster.ClusterChannel;
import dateline.common.http.DeliveryChanged;
import dateline.common.http.DeliveryCommitting;
import dateline.common.http.SurrogateKeys;
import dateline.config.DatelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Writes the purges a change needs into the outbox, in the transaction of the change, just before it
 * commits ({@link DeliveryCommitting}): a committed change always purges, a rolled-back one never does,
 * and a crash after the commit loses nothing. One row per cache endpoint. A scheduled article going live
 * changes delivery at its instant without a write, so a purge of everything waits for that instant. With
 * several instances each purge also waits until every instance has applied the change
 * ({@link ClusterChannel#settleTime}); {@link PurgeDispatcher} is woken for it then.
 */
@ApplicationScoped
class PurgeOutbox {
    private final DatelineConfig.Cdn config;
    private final ClusterChannel cluster;
    private final Clock clock;

    PurgeOutbox(DatelineConfig config, ClusterChannel cluster, Clock clock) {
        this.config = config.cdn();
        this.cluster = cluster;
        this.clock = clock;
    }

    void committing(@Observes DeliveryCommitting event) {
        List<String> targets = targets();
        if (targets.isEmpty()) {
            return;
        }
        DeliveryChanged change = event.change();
        Instant now = clock.instant();
        // Not before every instance has applied the change: a cache that fetches again at once could get an
        // instance's copy from before it, and keep it for max-age.
        Duration settle = cluster.settleTime();
        Set<String> keys = change.everything() || !change.keys().isEmpty() ? PurgeKeys.of(change) : Set.of();
        for (String target : targets) {
            if (!keys.isEmpty()) {
                CdnPurge.due(target, keys, now, now.plus(settle)).persist();
            }
            for (Instant goLive : change.goLive()) {
                CdnPurge.due(target, Set.of(SurrogateKeys.EVERYTHING), now, goLive.plus(settle)).persist();
            }
        }
        // Written now: this runs before completion, possibly after the session's own flush.
        CdnPurge.flush();
    }

    /** Where purges go: each Varnish, or Fastly; nothing when purging is off. */
    private List<String> targets() {
        return switch (config.purge()) {
            case NONE -> List.of();
            case VARNISH -> config.varnishUrls().orElse(List.of());
            case FASTLY -> List.of(CdnPurge.FASTLY);
        };
    }
}
