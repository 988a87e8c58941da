package dateline.cdn;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.cluster.ClusterChannel;
import dateline.common.http.DeliveryChanges;
import dateline.support.Newsroom;
import dateline.support.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CDN purges, with purging to a Varnish (a local receiver) turned on: what a change queues in the outbox,
 * in its own transaction, and what the dispatcher sends, retries and gives up on.
 */
@QuarkusTest
@TestProfile(CdnPurgeTest.PurgingVarnish.class)
class CdnPurgeTest {
    /** The receiver's port, chosen once per JVM: the profile and the test may be loaded by different class loaders. */
    private static final String PORT = "cdn-purge-test.receiver-port";
    private static PurgeReceiver varnish;

    public static class PurgingVarnish implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dateline.cdn.purge", "varnish",
                    "dateline.cdn.varnish-urls", "http://127.0.0.1:" + port() + "/",
                    "dateline.cdn.first-retry", "1s",
                    "dateline.cdn.max-retry-delay", "1m",
                    "dateline.cdn.retry-window", "1h");
        }
    }

    @Inject
    PurgeDispatcher dispatcher;
    @Inject
    DeliveryChanges delivery;
    @Inject
    TestClock clock;
    @Inject
    MeterRegistry meters;
    @Inject
    ClusterChannel cluster;

    @BeforeEach
    void drainTheOutbox() throws IOException {
        if (varnish == null) {
            varnish = new PurgeReceiver(port());
        }
        QuarkusTransaction.requiringNew().run(() -> CdnPurge.deleteAll());
        varnish.reset();
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @AfterAll
    static void stopReceiver() {
        if (varnish != null) {
            varnish.close();
            varnish = null;
        }
    }

    @Test
    void aPublicationQueuesAPurgeOfWhatDeliveryShowsAndTheDispatcherSendsItToVarnish() {
        String section = Newsroom.section(unique("purge-section"));
        String tag = Newsroom.tag(unique("purge-tag"));
        String id = Newsroom.draft(Newsroom.article("Purged " + unique("t"), section, List.of(tag)));
        drain(); // the terms' creation purged everything

        Newsroom.publish(id, null);
        // translations-<group>: the pages that list the article among their translations (alone, its group is its id).
        Set<String> expected = Set.of("article-" + id, "translations-" + id, "articles", "headlines", "feeds", "section-" + section, "tag-" + tag);
        List<CdnPurge> queued = queued();
        assertEquals(1, queued.size(), "one row for the one Varnish");
        assertEquals(varnish.url(), queued.get(0).target);
        assertEquals(expected, Set.copyOf(queued.get(0).keys()));
        assertEquals(queued.get(0).createdAt.plus(settle()), queued.get(0).notBefore, "due once every instance has applied it");

        clock.stopAt(Instant.now().plus(settle()));
        assertEquals(1, dispatcher.dispatchDue());
        List<PurgeReceiver.Request> received = varnish.received();
        assertEquals(1, received.size());
        assertEquals("PURGE", received.get(0).method());
        assertEquals("/", received.get(0).path());
        assertEquals(expected, Set.of(received.get(0).header("xkey-purge").split(" ")));
        assertEquals(List.of(), queued(), "a purge Varnish accepted leaves the outbox");
    }

    @Test
    void aDraftEditQueuesNothing() {
        String id = Newsroom.draft(Map.of("title", "Draft " + unique("d")));
        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(id))
                .body(Map.of("title", "Draft, edited")).patch("/api/v1/manage/articles/" + id).then().statusCode(200);
        assertEquals(List.of(), queued());
    }

    @Test
    void aRejectedWriteQueuesNothing() {
        String id = Newsroom.published(Map.of("title", "Live " + unique("l")), null);
        String etag = Newsroom.etag(id);
        drain();
        given().contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("title", "First"))
                .patch("/api/v1/manage/articles/" + id).then().statusCode(200);
        drain();
        given().contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("title", "Stale"))
                .patch("/api/v1/manage/articles/" + id).then().statusCode(412);
        assertEquals(List.of(), queued());
    }

    @Test
    void aRolledBackChangeQueuesNothing() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            CdnPurge.count(); // like every write, the transaction uses the database before it changes delivery
            delivery.changed(() -> Set.of("article:" + java.util.UUID.randomUUID(), "lists"));
            throw new IllegalStateException("a write failing after it named what it changes");
        }));
        assertEquals(List.of(), queued());
        change(Set.of("lists"));
        assertEquals(1, queued().size(), "the same change committed is queued");
    }

    @Test
    void aFailingVarnishIsRetriedWithGrowingBackoffUntilItAccepts() {
        varnish.answering(503, 503);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(start);
        change(Set.of("lists"));

        clock.stopAt(start.plus(settle()));
        dispatcher.dispatchDue();
        CdnPurge first = queued().get(0);
        assertEquals(1, first.attempts);
        assertEquals("HTTP 503", first.lastError);
        Duration firstDelay = Duration.between(start.plus(settle()), first.notBefore);
        assertEquals(0, dispatcher.dispatchDue(), "not due again before its backoff");

        clock.stopAt(first.notBefore);
        dispatcher.dispatchDue();
        CdnPurge second = queued().get(0);
        assertEquals(2, second.attempts, "the purge survives a second failure");
        Duration secondDelay = Duration.between(first.notBefore, second.notBefore);
        assertTrue(secondDelay.compareTo(firstDelay) > 0, firstDelay + " then " + secondDelay);

        clock.stopAt(second.notBefore);
        dispatcher.dispatchDue();
        assertEquals(List.of(), queued());
        List<PurgeReceiver.Request> received = varnish.received();
        assertEquals(3, received.size());
        received.forEach(r -> assertEquals(Set.of("articles", "headlines", "feeds"), Set.of(r.header("xkey-purge").split(" "))));
    }

    @Test
    void aPurgeIsGivenUpOnOnlyAfterItsRetryWindowAndCounted() {
        varnish.answering(503, 503, 503);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(start);
        change(Set.of("lists"));
        clock.stopAt(start.plus(settle()));
        dispatcher.dispatchDue();
        clock.stopAt(start.plus(Duration.ofMinutes(30)));
        dispatcher.dispatchDue();
        assertEquals(1, queued().size(), "still retried within the hour's window");

        double abandonedBefore = meters.counter("dateline.cdn.purge.abandoned").count();
        clock.stopAt(start.plus(settle()).plus(Duration.ofMinutes(60)));
        dispatcher.dispatchDue();
        assertEquals(List.of(), queued());
        assertEquals(abandonedBefore + 1, meters.counter("dateline.cdn.purge.abandoned").count());
    }

    @Test
    void changingATermPurgesTheKeyEveryPublicResponseCarries() {
        String section = Newsroom.section(unique("everything"));
        List<CdnPurge> queued = queued();
        assertEquals(1, queued.size());
        assertEquals(List.of("dateline"), queued.get(0).keys());
        clock.stopAt(Instant.now().plus(settle()));
        dispatcher.dispatchDue();
        assertEquals("dateline", varnish.received().get(0).header("xkey-purge"));

        String slug = Newsroom.slugOf(Newsroom.published(Newsroom.article("Everywhere " + unique("e"), section, List.of()), null));
        for (String path : List.of("/articles", "/articles/" + slug, "/articles/" + slug + "/related",
                "/headlines", "/feeds/rss", "/feeds/atom", "/feeds/json", "/sections", "/sections/" + section, "/tags", "/authors",
                "/articles?q=everywhere")) {
            given().get("/api/v1" + path).then().statusCode(200)
                    .header("Surrogate-Key", anyOf(equalTo("dateline"), startsWith("dateline ")));
        }
        given().accept("application/ninjs+json").get("/api/v1/articles/" + slug).then().statusCode(200)
                .header("Surrogate-Key", startsWith("dateline "));
    }

    @Test
    void aScheduledArticlePurgesEverythingWhenItGoesLive() {
        Instant goLive = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Newsroom.published(Map.of("title", "Later " + unique("s")), goLive);
        clock.stopAt(Instant.now().plus(settle()));
        dispatcher.dispatchDue(); // the purge of what scheduling changes now
        varnish.reset();
        List<CdnPurge> waiting = queued();
        assertEquals(1, waiting.size(), "the go-live purge waits");
        assertEquals(goLive.plus(settle()), waiting.get(0).notBefore);
        assertEquals(List.of("dateline"), waiting.get(0).keys());

        clock.stopAt(goLive.plus(settle()));
        dispatcher.dispatchDue();
        assertEquals("dateline", varnish.received().get(0).header("xkey-purge"));
        assertEquals(List.of(), queued());
    }

    /** Purges wait until every instance has applied the change: on PostgreSQL the cluster lease, on H2 nothing. */
    private Duration settle() {
        return cluster.settleTime();
    }

    /** A committed transaction that changed delivery under these keys. */
    private void change(Set<String> keys) {
        QuarkusTransaction.requiringNew().run(() -> {
            CdnPurge.count(); // like every write, the transaction uses the database before it changes delivery
            delivery.changed(() -> keys);
        });
    }

    private void drain() {
        QuarkusTransaction.requiringNew().run(() -> CdnPurge.deleteAll());
    }

    private static List<CdnPurge> queued() {
        return QuarkusTransaction.requiringNew().call(() -> CdnPurge.<CdnPurge>list("order by id"));
    }

    static int port() {
        return PurgeReceiver.portFor(PORT);
    }
}
