package dateline.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.Newsroom;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The sync API as an offline app uses it: a first sync, then deltas applied to a local store, which must
 * end up holding exactly what GET /articles shows, whatever was written in between and however the
 * writers' transactions interleaved. Each test syncs one section of its own, so other tests' writes do not
 * reach its store.
 */
@QuarkusTest
class SyncTest {
    @Inject
    EntityManager em;

    @Test
    void aFirstSyncListsTheLiveArticlesThenEachSyncOnlyWhatChangedWithTheReasonForEveryDeletion() {
        String section = Newsroom.section(Newsroom.unique("sync"));
        String edited = Newsroom.published(Newsroom.article("Edited later", section, List.of()), null);
        String unpublished = Newsroom.published(Newsroom.article("Unpublished later", section, List.of()), null);
        String archived = Newsroom.published(Newsroom.article("Archived later", section, List.of()), null);
        String trashed = Newsroom.published(Newsroom.article("Trashed later", section, List.of()), null);
        String purged = Newsroom.published(Newsroom.article("Purged later", section, List.of()), null);
        Newsroom.draft(Newsroom.article("A draft nobody sees", section, List.of()));

        JsonPath first = given().queryParam("section", section).get("/api/v1/sync").then().statusCode(200)
                .header("Cache-Control", "no-store").body("nextPageToken", nullValue()).extract().jsonPath();
        assertEquals(List.of("Edited later", "Unpublished later", "Archived later", "Trashed later", "Purged later"),
                first.getList("items.title"), "every live article of the section, in the order they went out");
        assertEquals(List.of(), first.getList("deleted"));
        String token = first.getString("nextSyncToken");

        JsonPath nothing = delta(token);
        assertEquals(List.of(), nothing.getList("items"));
        assertEquals(List.of(), nothing.getList("deleted"));

        patchTitle(edited, "Edited now");
        given().post("/api/v1/manage/articles/" + unpublished + "/unpublish").then().statusCode(200);
        given().post("/api/v1/manage/articles/" + archived + "/archive").then().statusCode(200);
        given().header("If-Match", Newsroom.etag(trashed)).delete("/api/v1/manage/articles/" + trashed).then().statusCode(204);
        given().header("If-Match", Newsroom.etag(purged)).queryParam("purge", true).delete("/api/v1/manage/articles/" + purged)
                .then().statusCode(204);
        patchTitle(edited, "Edited twice");

        JsonPath changes = delta(token);
        assertEquals(List.of("Edited twice"), changes.getList("items.title"), "each article once, as it is now");
        Map<String, String> reasons = new HashMap<>();
        changes.getList("deleted", Map.class).forEach(d -> reasons.put((String) d.get("id"), (String) d.get("reason")));
        assertEquals(Map.of(unpublished, "unpublished", archived, "archived", trashed, "trashed", purged, "purged"), reasons);
        assertEquals(List.of(), delta(changes.getString("nextSyncToken")).getList("items"));
    }

    @Test
    void aFirstSyncPagesAndTheFullShapeCarriesTheBody() {
        String section = Newsroom.section(Newsroom.unique("sync-pages"));
        for (int i = 0; i < 5; i++) {
            Map<String, Object> article = new HashMap<>(Newsroom.article("Paged " + i, section, List.of()));
            article.put("body", "<p>Body of page " + i + ".</p>");
            Newsroom.published(article, null);
        }
        List<String> titles = new ArrayList<>();
        JsonPath page = given().queryParam("section", section).queryParam("full", true).queryParam("limit", 2)
                .get("/api/v1/sync").then().statusCode(200).extract().jsonPath();
        int pages = 1;
        while (true) {
            assertEquals(List.of(), page.getList("items"), "whole articles only");
            titles.addAll(page.getList("articles.title"));
            page.getList("articles.body", String.class).forEach(body -> assertTrue(body.startsWith("<p>Body of page"), body));
            if (page.getString("nextPageToken") == null) {
                break;
            }
            page = given().queryParam("token", page.getString("nextPageToken")).queryParam("limit", 2).get("/api/v1/sync")
                    .then().statusCode(200).extract().jsonPath();
            pages++;
        }
        assertTrue(pages >= 3, "five articles two at a time");
        assertEquals(List.of("Paged 0", "Paged 1", "Paged 2", "Paged 3", "Paged 4"), titles);
    }

    @Test
    void renamingTheSectionSendsItsLiveArticlesAgainWithTheNewName() {
        String section = Newsroom.section(Newsroom.unique("sync-rename"));
        String id = Newsroom.published(Newsroom.article("Under a renamed section", section, List.of()), null);
        String token = given().queryParam("section", section).get("/api/v1/sync").then().statusCode(200)
                .extract().path("nextSyncToken");
        String sectionId = given().get("/api/v1/sections/" + section).then().extract().path("id");
        given().contentType("application/json").body(Map.of("slug", section, "name", "Renamed desk"))
                .put("/api/v1/manage/sections/" + sectionId).then().statusCode(200);

        JsonPath changes = delta(token);
        assertEquals(List.of(id), changes.getList("items.id"));
        assertEquals(List.of("Renamed desk"), changes.getList("items.section.name"));
    }

    @Test
    void aStoreThatAppliesEveryDeltaEndsExactlyAsDeliveryWhateverTheWritersDidMeanwhile() throws Exception {
        String section = Newsroom.section(Newsroom.unique("sync-exact"));
        Map<String, String> store = new HashMap<>();
        String token = apply(store, given().queryParam("section", section).get("/api/v1/sync").then().statusCode(200)
                .extract().jsonPath());

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(Newsroom.published(Newsroom.article("Exact " + i + " v0", section, List.of()), null));
        }
        Map<String, Integer> versions = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            long seed = 1000L + w;
            running.add(writers.submit(() -> {
                Random random = new Random(seed);
                while (writing.get()) {
                    String id = ids.get(random.nextInt(ids.size()));
                    randomWrite(id, random, versions); // conflicting writes (409, 412) are part of the traffic
                }
                return null;
            }));
        }
        for (int round = 0; round < 25; round++) {
            token = syncAll(store, token);
        }
        writing.set(false);
        for (Future<?> writer : running) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();
        token = syncAll(store, token);

        Map<String, String> delivered = new HashMap<>();
        given().queryParam("section", section).queryParam("limit", 100).get("/api/v1/articles").then().statusCode(200)
                .extract().jsonPath().getList("items", Map.class)
                .forEach(a -> delivered.put((String) a.get("id"), (String) a.get("title")));
        assertTrue(versions.values().stream().mapToInt(Integer::intValue).sum() > 20, "the writers wrote: " + versions);
        assertEquals(delivered, store, "the synced store holds exactly what delivery shows");
    }

    @Test
    void aTokenIsOpaqueSignedAndRefusedOnceItsChangesAreForgotten() {
        String section = Newsroom.section(Newsroom.unique("sync-token"));
        Newsroom.published(Newsroom.article("Token", section, List.of()), null);
        String token = given().queryParam("section", section).get("/api/v1/sync").then().extract().path("nextSyncToken");

        given().queryParam("token", token.substring(0, token.length() - 2) + "xx").get("/api/v1/sync").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:dateline:problem:invalid-cursor"));
        given().queryParam("token", token).queryParam("section", "other").get("/api/v1/sync").then().statusCode(400)
                .contentType("application/problem+json");

        long floor = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select floor_seq from sync_clock where id = 1").getSingleResult()).longValue());
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update sync_clock set floor_seq = seq + 1 where id = 1").executeUpdate());
            given().queryParam("token", token).get("/api/v1/sync").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("urn:dateline:problem:sync-token-expired"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update sync_clock set floor_seq = ?1 where id = 1")
                    .setParameter(1, floor).executeUpdate());
        }
    }

    private static void randomWrite(String id, Random random, Map<String, Integer> versions) {
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                int v = versions.merge(id, 1, Integer::sum);
                String etag = given().get("/api/v1/manage/articles/" + id).header("ETag");
                given().contentType("application/merge-patch+json").header("If-Match", etag)
                        .body(Map.of("title", "Exact " + id.substring(0, 8) + " v" + v)).patch("/api/v1/manage/articles/" + id);
            }
            case 2 -> given().post("/api/v1/manage/articles/" + id + "/unpublish");
            case 3 -> given().contentType("application/json").body("{}").post("/api/v1/manage/articles/" + id + "/publish");
            case 4 -> given().header("If-Match", given().get("/api/v1/manage/articles/" + id).header("ETag"))
                    .delete("/api/v1/manage/articles/" + id);
            default -> given().post("/api/v1/manage/articles/" + id + "/restore");
        }
    }

    private static String syncAll(Map<String, String> store, String token) {
        JsonPath page = delta(token);
        String next = apply(store, page);
        while (page.getString("nextPageToken") != null) {
            page = delta(page.getString("nextPageToken"));
            next = apply(store, page);
        }
        return next;
    }

    /** Applies one answer to the store; returns the token to continue with. */
    private static String apply(Map<String, String> store, JsonPath page) {
        page.getList("items", Map.class).forEach(a -> store.put((String) a.get("id"), (String) a.get("title")));
        page.getList("deleted", Map.class).forEach(d -> store.remove((String) d.get("id")));
        return page.getString("nextPageToken") != null ? page.getString("nextPageToken") : page.getString("nextSyncToken");
    }

    private static JsonPath delta(String token) {
        return given().queryParam("token", token).get("/api/v1/sync").then().statusCode(200).extract().jsonPath();
    }

    private static void patchTitle(String id, String title) {
        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(id)).body(Map.of("title", title))
                .patch("/api/v1/manage/articles/" + id).then().statusCode(200);
    }
}
