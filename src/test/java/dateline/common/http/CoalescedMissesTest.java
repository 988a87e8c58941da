package dateline.common.http;

import static dateline.support.Newsroom.article;
import static dateline.support.Newsroom.published;
import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.HeldResponses;
import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Requests that miss the response cache together for the same response: it is made once, and never handed out stale. */
@QuarkusTest
class CoalescedMissesTest {
    private static final Instant AT = Instant.parse("2024-07-02T09:00:00Z");

    @Test
    void missesForTheSameResponseWhileItIsMadeWaitForItAndShareIt() throws Exception {
        String section = Newsroom.section(unique("coalesced"));
        published(article("Read by many at once", section, List.of()), AT);
        String url = "/api/v1/headlines?section=" + section;

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> given().header(HeldResponses.HEADER, "800").get(url));
        Thread.sleep(200); // the first is being made, held after its read
        List<CompletableFuture<Response>> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(CompletableFuture.supplyAsync(() -> given().get(url)));
        }

        Response made = first.get(10, TimeUnit.SECONDS);
        assertEquals(200, made.statusCode());
        assertEquals("MISS", made.header("X-Cache"));
        for (CompletableFuture<Response> other : others) {
            Response shared = other.get(10, TimeUnit.SECONDS);
            assertEquals(200, shared.statusCode());
            assertEquals("HIT", shared.header("X-Cache"), "a request that missed while the same response was made waited for it");
            assertEquals(made.header("ETag"), shared.header("ETag"));
            assertEquals(made.asString(), shared.asString());
        }
    }

    @Test
    void aResponseMadeBeforeAWriteIsNotHandedToAReaderWhoArrivesAfterIt() throws Exception {
        String section = Newsroom.section(unique("coalesced"));
        published(article("Already out", section, List.of()), AT);
        String url = "/api/v1/headlines?section=" + section;

        CompletableFuture<Response> before = CompletableFuture.supplyAsync(() -> given().header(HeldResponses.HEADER, "1000").get(url));
        Thread.sleep(300); // read, and held before the cache sees it
        published(article("Just published", section, List.of()), AT.plusSeconds(60));
        Response after = given().get(url);

        // The reader who saw the publish acknowledged sees the article, though a response was in the making.
        assertEquals(200, after.statusCode());
        assertEquals(List.of("Just published", "Already out"), after.jsonPath().getList("items.title"));
        assertEquals("MISS", after.header("X-Cache"));
        Response held = before.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("Already out"), held.jsonPath().getList("items.title"));
        assertTrue(!held.header("ETag").equals(after.header("ETag")));
    }
}
