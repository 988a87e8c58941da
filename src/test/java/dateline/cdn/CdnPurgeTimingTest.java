package dateline.cdn;

import static dateline.support.Newsroom.unique;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.cluster.ClusterChannel;
import dateline.support.Eventually;
import dateline.support.Newsroom;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A purge is sent when it falls due, not at the dispatcher's next scheduled run (an hour away here): at once
 * on H2, where this instance is the only one; on PostgreSQL once every instance has applied the change (the
 * cluster lease), so a cache that fetches again cannot get an instance's copy from before the change.
 */
@QuarkusTest
@TestProfile(CdnPurgeTimingTest.HourlyRuns.class)
class CdnPurgeTimingTest {
    private static final String PORT = "cdn-purge-timing-test.receiver-port";
    private static PurgeReceiver varnish;

    @Inject
    ClusterChannel cluster;

    public static class HourlyRuns implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dateline.cdn.purge", "varnish",
                    "dateline.cdn.varnish-urls", "http://127.0.0.1:" + port() + "/",
                    "dateline.cdn.every", "1h");
        }
    }

    @AfterAll
    static void stopReceiver() {
        if (varnish != null) {
            varnish.close();
        }
    }

    @Test
    void aPublicationIsPurgedWhenItsPurgeFallsDue() throws IOException {
        varnish = varnish == null ? new PurgeReceiver(port()) : varnish;
        String id = Newsroom.draft(Map.of("title", "Purged when due " + unique("t")));
        // What start-up queued (and could not send, before the receiver was up) would be merged into one purge of everything.
        QuarkusTransaction.requiringNew().run(() -> CdnPurge.deleteAll());
        varnish.reset();

        long published = System.nanoTime();
        Newsroom.publish(id, null);
        Eventually.until("the purge reaches Varnish", Duration.ofSeconds(5), () -> varnish.received().stream()
                .anyMatch(r -> List.of(r.header("xkey-purge").split(" ")).contains("article-" + id)));
        long after = (System.nanoTime() - published) / 1_000_000;
        long settle = cluster.settleTime().toMillis(); // the lease on PostgreSQL, nothing on H2
        assertTrue(after >= settle, "sent " + after + " ms after the publish, before every instance had applied it");
        assertTrue(after < settle + 3000, "sent " + after + " ms after the publish, not when it fell due");
        Eventually.until("the purge sent leaves the outbox", Duration.ofSeconds(5),
                () -> QuarkusTransaction.requiringNew().call(() -> CdnPurge.count()) == 0);
    }

    private static int port() {
        return PurgeReceiver.portFor(PORT);
    }
}
