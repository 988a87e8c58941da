package dateline.webhook;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.support.Eventually;
import dateline.support.Newsroom;
import dateline.support.TestClock;
import dateline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks: signed deliveries from a transactional outbox, retried with backoff, recorded per attempt. */
@QuarkusTest
class WebhookTest {
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    TestClock clock;

    private Receiver receiver;
    private String webhookId;
    private String secret;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        clock.release();
        if (webhookId != null) {
            given().delete("/api/v1/manage/webhooks/" + webhookId).then().statusCode(204);
        }
        receiver.close();
    }

    @Test
    void aPublicationReachesTheReceiverSignedPerTheStandardWebhooksSpecification() throws Exception {
        subscribe("article.published");
        String article = Newsroom.draft(Map.of("title", "Signed " + unique("s")));
        Newsroom.publish(article, null);
        dispatcher.dispatchDue();

        List<Receiver.Request> received = receiver.received();
        assertEquals(1, received.size(), "one event: the draft's creation is not subscribed");
        Receiver.Request request = received.get(0);
        assertEquals("article.published", request.header("Dateline-Event"));
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertEquals("article.published", body.get("type").asText());
        assertEquals(article, body.get("data").get("id").asText());
        assertEquals(Newsroom.slugOf(article), body.get("data").get("slug").asText());
        assertEquals("en", body.get("data").get("locale").asText());
        assertEquals(article, body.get("data").get("translationGroup").asText(), "alone, an article is its own group");
        assertTrue(verifies(request, secret), "the signature verifies with the secret: " + request.header("webhook-signature"));
        assertTrue(!verifies(request, "whsec_" + Base64.getEncoder().encodeToString(new byte[32])), "and with no other");

        given().get("/api/v1/manage/webhooks/" + webhookId + "/deliveries").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(request.header("webhook-id")))
                .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", equalTo(200)).body("items[0].event", equalTo("article.published"));
    }

    @Test
    void theDeliveryLogIsPagedByCursorNewestFirst() {
        subscribe("article.published");
        for (int i = 0; i < 3; i++) {
            Newsroom.published(Map.of("title", "Logged " + unique("l")), null);
        }
        dispatcher.dispatchDue();
        String next = given().get("/api/v1/manage/webhooks/" + webhookId + "/deliveries?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).extract().path("page.next");
        given().get("/api/v1/manage/webhooks/" + webhookId + "/deliveries?limit=2&cursor=" + next).then().statusCode(200)
                .body("items", hasSize(1)).body("page.next", org.hamcrest.Matchers.nullValue());
        given().get("/api/v1/manage/webhooks/" + webhookId + "/deliveries?cursor=forged").then().statusCode(400);
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffUntilItAcceptsUnderTheSameId() {
        subscribe("article.published");
        receiver.answering(500);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(start);
        Newsroom.published(Map.of("title", "Retried " + unique("r")), null);
        dispatcher.dispatchDue();
        given().get("/api/v1/manage/webhooks/" + webhookId + "/deliveries").then()
                .body("items[0].status", equalTo("PENDING")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", equalTo(500));
        dispatcher.dispatchDue();
        assertEquals(1, receiver.received().size(), "not again before the backoff has passed");

        clock.stopAt(start.plus(Duration.ofMinutes(5)));
        dispatcher.dispatchDue();
        List<Receiver.Request> received = receiver.received();
        assertEquals(2, received.size());
        assertEquals(received.get(0).header("webhook-id"), received.get(1).header("webhook-id"), "the receiver's idempotency key");
        given().get("/api/v1/manage/webhooks/" + webhookId + "/deliveries").then()
                .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(2)).body("items[0].lastStatusCode", equalTo(200));
    }

    @Test
    void theOutboxDepthAndHowAttemptsEndAreMetered() {
        subscribe("article.published");
        receiver.answering(500, 410);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(start);
        double retrying = metric("dateline_webhook_attempts_total{outcome=\"retrying\"}");
        double delivered = metric("dateline_webhook_attempts_total{outcome=\"delivered\"}");
        double failed = metric("dateline_webhook_attempts_total{outcome=\"failed\"}");
        Newsroom.published(Map.of("title", "Metered " + unique("m")), null);
        Newsroom.published(Map.of("title", "Metered too " + unique("m")), null);
        dispatchAllDue(); // first answered 500 (tried again later), second 410 (given up on)
        // Other classes' webhooks may hold deliveries to receivers long gone, attempted in the same runs.
        assertTrue(metric("dateline_webhook_attempts_total{outcome=\"retrying\"}") >= retrying + 1);
        assertTrue(metric("dateline_webhook_attempts_total{outcome=\"failed\"}") >= failed + 1);
        long waiting = pendingInDatabase();
        assertTrue(waiting >= 1, "the delivery to be tried again is in the outbox");
        assertEquals(waiting, metric("dateline_webhook_outbox_pending"));

        clock.stopAt(start.plus(Duration.ofMinutes(5)));
        dispatchAllDue();
        assertEquals(delivered + 1, metric("dateline_webhook_attempts_total{outcome=\"delivered\"}"), "only this test's receiver answers");
        assertEquals(pendingInDatabase(), metric("dateline_webhook_outbox_pending"));
    }

    /** As the scheduled job does: until nothing is due (every attempt moves its delivery out of "due"). */
    private void dispatchAllDue() {
        while (dispatcher.dispatchDue() > 0) {
            // a batch of 50 at most per call
        }
    }

    private static long pendingInDatabase() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) io.quarkus.hibernate.orm.panache.Panache
                .getEntityManager().createNativeQuery("select count(*) from webhook_delivery where status = 'PENDING'").getSingleResult()).longValue());
    }

    private static double metric(String series) {
        String line = given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(series + " ")).findFirst().orElseThrow(() -> new AssertionError(series + " is not published"));
        return Double.parseDouble(line.substring(series.length() + 1).trim());
    }

    @Test
    void twoDispatchersSharingTheDatabaseSendEachDeliveryOnce() throws Exception {
        subscribe("article.published");
        for (int i = 0; i < 30; i++) {
            Newsroom.published(Map.of("title", "Fan-out " + unique("f")), null);
        }
        java.util.concurrent.ExecutorService instances = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = instances.submit(dispatcher::dispatchDue);
            var second = instances.submit(dispatcher::dispatchDue);
            first.get();
            second.get();
        } finally {
            instances.shutdown();
        }
        dispatcher.dispatchDue();
        List<String> ids = receiver.received().stream().map(r -> r.header("webhook-id")).toList();
        assertEquals(30, ids.size());
        assertEquals(30, new java.util.HashSet<>(ids).size(), "no delivery was sent twice");
    }

    @Test
    void aShutdownLetsTheAttemptInFlightFinishAndHandsTheRestBackAtOnce() throws Exception {
        subscribe("article.published");
        for (int i = 0; i < 3; i++) {
            Newsroom.published(Map.of("title", "Cut short " + unique("c")), null);
        }
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        receiver.beforeAnswering(() -> {
            sending.countDown();
            try {
                answer.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExecutorService instance = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> run = instance.submit(dispatcher::dispatchDue);
            assertTrue(sending.await(10, TimeUnit.SECONDS), "the first attempt is in flight");
            Future<?> shutdown = instance.submit(() -> dispatcher.stop(null));
            Eventually.until("the dispatcher to begin stopping", Duration.ofSeconds(10), dispatcher::stopping);
            assertTrue(!shutdown.isDone(), "shutdown waits for the attempt in flight");
            answer.countDown();
            shutdown.get(10, TimeUnit.SECONDS);
            run.get(10, TimeUnit.SECONDS); // (other tests' leftover deliveries may share the run)
        } finally {
            answer.countDown();
            dispatcher.start(null);
            instance.shutdown();
        }
        assertEquals(1, receiver.received().size(), "the run finished the attempt it had started, and sent no more");
        given().get("/api/v1/manage/webhooks/" + webhookId + "/deliveries").then()
                .body("items.status", org.hamcrest.Matchers.containsInAnyOrder("DELIVERED", "PENDING", "PENDING"))
                .body("items.attempts", org.hamcrest.Matchers.containsInAnyOrder(1, 0, 0));

        dispatcher.dispatchDue(); // the next instance: the handed-back rows are due now, not after their lease
        assertEquals(3, receiver.received().size());
        assertEquals(3, receiver.received().stream().map(r -> r.header("webhook-id")).distinct().count());
    }

    @Test
    void anArticlesEventsArriveInOrderEvenWhenTheFirstNeedsARetry() {
        subscribe("article.published", "article.updated");
        receiver.answering(500);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(start);
        String first = Newsroom.published(Map.of("title", "In order " + unique("i")), null);
        given().contentType(ContentType.JSON).header("If-Match", Newsroom.etag(first)).body(Map.of("title", "In order, edited"))
                .put("/api/v1/manage/articles/" + first).then().statusCode(200);
        String other = Newsroom.published(Map.of("title", "Unrelated " + unique("u")), null);
        dispatcher.dispatchDue();
        assertEquals(List.of("article.published 500", "article.published"), events(), "the other article is not held up");
        clock.stopAt(start.plus(Duration.ofMinutes(5)));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertEquals(List.of("article.published 500", "article.published", "article.published", "article.updated"), events());
        List<String> subjects = receiver.received().stream().map(r -> r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).toList();
        assertEquals(List.of(first, other, first, first), subjects);
    }

    /** Each received event's name, with " 500" where the receiver failed it (the first answers given). */
    private List<String> events() {
        List<Receiver.Request> received = receiver.received();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            names.add(received.get(i).header("Dateline-Event") + (i == 0 ? " 500" : ""));
        }
        return names;
    }

    @Test
    void aClientErrorIsNotRetried() {
        subscribe("article.published");
        receiver.answering(400);
        Newsroom.published(Map.of("title", "Refused " + unique("c")), null);
        dispatcher.dispatchDue();
        clock.stopAt(Instant.now().plus(Duration.ofHours(2)));
        dispatcher.dispatchDue();
        assertEquals(1, receiver.received().size(), "the run finished the attempt it had started, and sent no more");
        given().get("/api/v1/manage/webhooks/" + webhookId + "/deliveries").then()
                .body("items[0].status", equalTo("FAILED")).body("items[0].attempts", equalTo(1)).body("items[0].lastStatusCode", equalTo(400));
    }

    @Test
    void retryAfterIsHonouredAndRetriesEndWithTheRetryWindow() {
        subscribe("article.published");
        receiver.answering(429, 503).withRetryAfter("7200");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(start);
        Newsroom.published(Map.of("title", "Overloaded " + unique("o")), null);
        dispatcher.dispatchDue();
        String next = given().get("/api/v1/manage/webhooks/" + webhookId + "/deliveries").then()
                .body("items[0].status", equalTo("PENDING")).extract().path("items[0].nextAttemptAt");
        assertEquals(start.plusSeconds(7200), Instant.parse(next), "the receiver asked for two hours");

        clock.stopAt(start.plus(Duration.ofHours(23)));
        dispatcher.dispatchDue();
        assertEquals(2, receiver.received().size());
        // Its next turn, two hours on, would fall past the 24-hour window: the delivery has failed.
        given().get("/api/v1/manage/webhooks/" + webhookId + "/deliveries").then()
                .body("items[0].status", equalTo("FAILED")).body("items[0].attempts", equalTo(2)).body("items[0].nextAttemptAt", equalTo(null));
        clock.stopAt(start.plus(Duration.ofHours(30)));
        dispatcher.dispatchDue();
        assertEquals(2, receiver.received().size(), "a failed delivery stays failed");
    }

    @Test
    void aRolledBackChangeAnnouncesNothingAndUnsubscribedEventsAreNotQueued() {
        subscribe("article.published", "article.archived");
        String article = Newsroom.published(Map.of("title", "Once " + unique("once")), null);
        given().post("/api/v1/manage/articles/" + article + "/publish").then().statusCode(409);
        given().contentType(ContentType.JSON).header("If-Match", Newsroom.etag(article)).body(Map.of("title", "Edited"))
                .put("/api/v1/manage/articles/" + article).then().statusCode(200);
        given().get("/api/v1/manage/webhooks/" + webhookId + "/deliveries").then()
                .body("items", hasSize(1)).body("items[0].event", equalTo("article.published"));
    }

    @Test
    void taxonomyChangesAreAnnouncedAndARefusedDeleteIsNot() throws Exception {
        subscribe("tag.created", "tag.updated", "tag.deleted");
        String slug = Newsroom.tag(unique("wh-tag"));
        String id = given().get("/api/v1/tags/" + slug).then().statusCode(200).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Renamed"))
                .put("/api/v1/manage/tags/" + id).then().statusCode(200);
        Newsroom.draft(Newsroom.article("Uses the tag " + unique("u"), null, List.of(slug)));
        given().delete("/api/v1/manage/tags/" + id).then().statusCode(409);
        dispatcher.dispatchDue();
        dispatcher.dispatchDue(); // the update waits for the creation to be sent
        List<Receiver.Request> received = receiver.received();
        assertEquals(List.of("tag.created", "tag.updated"), received.stream().map(r -> r.header("Dateline-Event")).toList());
        String unused = given().get("/api/v1/tags/" + Newsroom.tag(unique("wh-unused"))).then().extract().path("id");
        given().delete("/api/v1/manage/tags/" + unused).then().statusCode(204);
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertEquals(List.of("tag.created", "tag.updated", "tag.created", "tag.deleted"),
                receiver.received().stream().map(r -> r.header("Dateline-Event")).toList());
        JsonNode data = new ObjectMapper().readTree(received.get(0).body()).get("data");
        assertEquals(id, data.get("id").asText());
        assertEquals(slug, data.get("slug").asText());
    }

    @Test
    void theTestEventIsSentLikeAnyOther() {
        subscribe("article.deleted");
        given().post("/api/v1/manage/webhooks/" + webhookId + "/test").then().statusCode(202)
                .body("event", equalTo("webhook.test")).body("status", equalTo("PENDING"));
        dispatcher.dispatchDue();
        assertEquals("webhook.test", receiver.received().get(0).header("Dateline-Event"));
        assertTrue(verifies(receiver.received().get(0), secret));
    }

    @Test
    void theSecretIsShownOnceAndRulesAreCheckedBeforeSaving() {
        subscribe("article.published");
        given().get("/api/v1/manage/webhooks").then().statusCode(200)
                .body("id", hasItem(webhookId)).body("secret", hasItem((Object) null));
        assertTrue(!given().get("/api/v1/manage/webhooks/" + webhookId).asString().contains(secret));
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://example.org/x", "events", List.of("article.nope"), "secret", "abc"))
                .post("/api/v1/manage/webhooks").then().statusCode(422)
                .body("violations.field", hasItem("url")).body("violations.field", hasItem("events[0]"))
                .body("violations.field", hasItem("secret"));
        given().get("/api/v1/manage/webhooks").then().body("url", not(hasItem("ftp://example.org/x")));
        given().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "events", List.of("article.archived"), "active", false))
                .put("/api/v1/manage/webhooks/" + webhookId).then().statusCode(200)
                .body("events", equalTo(List.of("article.archived"))).body("active", equalTo(false));
    }

    @Test
    void targetsInsideTheNetworkAreRefusedInEverySpelling() {
        for (String url : List.of("http://localhost:8080/hook", "http://10.1.2.3/hook", "http://192.168.0.10/hook",
                "http://172.16.0.1/hook", "http://169.254.169.254/latest/meta-data/", "http://[::1]/hook",
                "http://[::ffff:127.0.0.1]/hook", "http://2130706433/hook", "http://0.0.0.0/hook", "http://[fd00::1]/hook",
                "http://100.64.0.1/hook", "http://nonexistent.invalid/hook", "http://0177.0.0.1/hook", "http://0x7f.0.0.1/hook",
                "http://0x7f000001/hook", "http://017700000001/hook")) {
            given().contentType(ContentType.JSON).body(Map.of("url", url, "events", List.of("article.published")))
                    .post("/api/v1/manage/webhooks").then().statusCode(422).body("violations.field", hasItem("url"));
        }
        given().get("/api/v1/manage/webhooks").then().body("url", not(hasItem("http://[::1]/hook")));
    }

    @Test
    void aFailedDeliveryCanBeRedeliveredByHandUnderTheSameId() {
        subscribe("article.published");
        receiver.answering(410);
        Newsroom.published(Map.of("title", "Gone then back " + unique("g")), null);
        dispatcher.dispatchDue();
        String delivery = given().get("/api/v1/manage/webhooks/" + webhookId + "/deliveries").then()
                .body("items[0].status", equalTo("FAILED")).extract().path("items[0].id");
        given().post("/api/v1/manage/webhooks/" + webhookId + "/deliveries/" + delivery + "/redeliver").then().statusCode(200)
                .body("status", equalTo("PENDING"));
        dispatcher.dispatchDue();
        assertEquals(List.of(delivery, delivery), receiver.received().stream().map(r -> r.header("webhook-id")).toList());
        given().get("/api/v1/manage/webhooks/" + webhookId + "/deliveries").then()
                .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(2));
        given().post("/api/v1/manage/webhooks/" + webhookId + "/deliveries/" + java.util.UUID.randomUUID() + "/redeliver")
                .then().statusCode(404);
    }

    @Test
    void webhooksAreForAdminsOnly() {
        String editor = Tokens.issue(unique("editor"), "EDITOR");
        Tokens.as(editor).get("/api/v1/manage/webhooks").then().statusCode(403);
        Tokens.as(editor).contentType(ContentType.JSON).body(Map.of("url", receiver.url(), "events", List.of("article.published")))
                .post("/api/v1/manage/webhooks").then().statusCode(403);
    }

    private void subscribe(String... events) {
        var created = given().contentType(ContentType.JSON).body(Map.of("url", receiver.url(), "events", List.of(events)))
                .post("/api/v1/manage/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).extract();
        webhookId = created.path("webhook.id");
        secret = created.path("secret");
    }

    /** Verification written from the Standard Webhooks specification, independent of Dateline's signing code. */
    private static boolean verifies(Receiver.Request request, String secret) {
        try {
            String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
            for (String candidate : request.header("webhook-signature").split(" ")) {
                if (java.security.MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
