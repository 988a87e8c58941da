package dateline.article;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentEditingTest {

    @Test
    void aManagedArticleCarriesItsVersionAsETag() {
        String id = Newsroom.draft(Map.of("title", unique("etag")));
        given().get("/api/v1/manage/articles/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void writesWithoutIfMatchAre428AndStoreNothing() {
        String id = Newsroom.draft(Map.of("title", "Untouched"));
        given().contentType(ContentType.JSON).body(Map.of("title", "Blind overwrite"))
                .put("/api/v1/manage/articles/" + id).then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dateline:problem:if-match-required")).body("currentVersion", equalTo(0));
        given().contentType("application/merge-patch+json").body("{\"title\": \"Blind patch\"}")
                .patch("/api/v1/manage/articles/" + id).then().statusCode(428);
        given().delete("/api/v1/manage/articles/" + id).then().statusCode(428);
        given().get("/api/v1/manage/articles/" + id).then().body("title", equalTo("Untouched")).body("trashedAt", nullValue());
    }

    @Test
    void ifMatchStarNamesNoVersionSoItIs428LikeNoIfMatch() {
        String id = Newsroom.draft(Map.of("title", "Untouched by a star"));
        given().contentType(ContentType.JSON).header("If-Match", "*").body(Map.of("title", "Blind overwrite"))
                .put("/api/v1/manage/articles/" + id).then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dateline:problem:if-match-required"))
                .body("detail", containsString("\"*\" names no version")).body("currentVersion", equalTo(0));
        given().contentType("application/merge-patch+json").header("If-Match", "*").body("{\"title\": \"Blind patch\"}")
                .patch("/api/v1/manage/articles/" + id).then().statusCode(428);
        given().header("If-Match", " * ").delete("/api/v1/manage/articles/" + id).then().statusCode(428);
        given().get("/api/v1/manage/articles/" + id).then().body("title", equalTo("Untouched by a star"))
                .body("version", equalTo(0)).body("trashedAt", nullValue());
        // A list that names the current version among others is still a real precondition.
        given().header("If-Match", "*, " + Newsroom.etag(id)).delete("/api/v1/manage/articles/" + id).then().statusCode(204);
    }

    @Test
    void aStaleIfMatchIs412WithTheCurrentVersionAndStoresNothing() {
        String id = Newsroom.draft(Map.of("title", "First"));
        String v0 = Newsroom.etag(id);
        put(id, v0, "Second").then().statusCode(200).header("ETag", equalTo("\"1\""));
        put(id, v0, "Lost update").then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dateline:problem:stale-version")).body("currentVersion", equalTo(1));
        given().header("If-Match", "W/\"1\"").delete("/api/v1/manage/articles/" + id).then().statusCode(412);
        given().header("If-Match", "\"0\"").post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(412);
        given().get("/api/v1/manage/articles/" + id).then().body("title", equalTo("Second")).body("status", equalTo("DRAFT"));
    }

    @Test
    void aMergePatchChangesOnlyTheFieldsItNamesAndNullRemovesOne() {
        String tag = Newsroom.tag(unique("patch"));
        String id = Newsroom.draft(Map.of("title", "Patch me", "subtitle", "Old subtitle", "excerpt", "Kept", "tags", List.of(tag)));
        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(id))
                .body("{\"title\": \"Patched\", \"subtitle\": null}")
                .patch("/api/v1/manage/articles/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("title", equalTo("Patched")).body("subtitle", nullValue())
                .body("excerpt", equalTo("Kept")).body("tags.slug", hasItem(tag));
    }

    @Test
    void aPatchIsCheckedLikeAReplaceAndOtherPatchFormatsAre415() {
        String id = Newsroom.draft(Map.of("title", "Strict patch"));
        String etag = Newsroom.etag(id);
        given().contentType("application/merge-patch+json").header("If-Match", etag).body("{\"title\": \"\"}")
                .patch("/api/v1/manage/articles/" + id).then().statusCode(422).body("violations[0].field", equalTo("title"));
        given().contentType("application/merge-patch+json").header("If-Match", etag).body("{\"titel\": \"typo\"}")
                .patch("/api/v1/manage/articles/" + id).then().statusCode(422).body("violations[0].field", equalTo("titel"));
        given().contentType("application/merge-patch+json").header("If-Match", etag).body("{\"title\": ")
                .patch("/api/v1/manage/articles/" + id).then().statusCode(400).body("type", equalTo("urn:dateline:problem:malformed-json"));
        given().contentType("application/merge-patch+json").header("If-Match", etag).body("[1]")
                .patch("/api/v1/manage/articles/" + id).then().statusCode(422);
        given().contentType("application/json-patch+json").header("If-Match", etag)
                .body("[{\"op\": \"replace\", \"path\": \"/title\", \"value\": \"x\"}]")
                .patch("/api/v1/manage/articles/" + id).then().statusCode(415).contentType("application/problem+json");
        given().get("/api/v1/manage/articles/" + id).then().body("title", equalTo("Strict patch")).body("version", equalTo(0));
    }

    @Test
    void twoEditorsSavingFromTheSameVersionOneWinsTheOtherGets412() throws Exception {
        String id = Newsroom.draft(Map.of("title", "Contested"));
        String v0 = Newsroom.etag(id);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Response> a = pool.submit(() -> put(id, v0, "Editor A"));
            Future<Response> b = pool.submit(() -> put(id, v0, "Editor B"));
            List<Integer> codes = List.of(a.get().statusCode(), b.get().statusCode());
            assertEquals(Set.of(200, 412), new HashSet<>(codes), codes.toString());
            String winner = (a.get().statusCode() == 200 ? a : b).get().path("title");
            given().get("/api/v1/manage/articles/" + id).then().body("title", equalTo(winner)).body("version", equalTo(1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyConcurrentEditorsLoseNoUpdate() throws Exception {
        String id = Newsroom.draft(Map.of("title", "Busy article"));
        int editors = 6;
        int editsEach = 5;
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        List<Callable<List<String>>> work = new ArrayList<>();
        for (int e = 0; e < editors; e++) {
            int editor = e;
            work.add(() -> {
                List<String> accepted = new ArrayList<>();
                for (int n = 0; n < editsEach; n++) {
                    String title = "editor " + editor + " edit " + n;
                    // Read, edit, save with If-Match; on 412 read again and retry, as an editor's client would.
                    while (true) {
                        Response r = put(id, Newsroom.etag(id), title);
                        if (r.statusCode() == 200) {
                            accepted.add(title);
                            break;
                        }
                        assertEquals(412, r.statusCode(), r.asString());
                    }
                }
                return accepted;
            });
        }
        List<String> accepted = new ArrayList<>();
        try {
            for (Future<List<String>> f : pool.invokeAll(work)) {
                accepted.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(editors * editsEach, accepted.size());
        given().get("/api/v1/manage/articles/" + id).then().body("version", equalTo(accepted.size()));
        List<String> recorded = given().get("/api/v1/manage/articles/" + id + "/revisions?limit=100").then().statusCode(200)
                .extract().path("items.summary");
        assertEquals(accepted.size() + 1, recorded.size(), "one revision per accepted write, plus the creation");
        Set<String> titles = new HashSet<>();
        for (int n = 2; n <= accepted.size() + 1; n++) {
            titles.add(given().get("/api/v1/manage/articles/" + id + "/revisions/" + n).then().statusCode(200)
                    .extract().path("content.title"));
        }
        assertTrue(titles.containsAll(accepted) && titles.size() == accepted.size(), "every accepted change is in a revision");
    }

    private static Response put(String id, String etag, String title) {
        return given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("title", title))
                .put("/api/v1/manage/articles/" + id);
    }

    @Test
    void articlesFiledAtTheSameMomentUnderTheSameHeadlineEachGetASlugOfTheirOwn() throws Exception {
        String title = "Same wire headline " + Newsroom.unique("w");
        java.util.concurrent.ExecutorService desks = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> filed = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                filed.add(desks.submit(() -> given().contentType(ContentType.JSON).body(Map.of("title", title))
                        .post("/api/v1/manage/articles").then().statusCode(201).extract().<String>path("slug")));
            }
            java.util.Set<String> slugs = new java.util.HashSet<>();
            for (var f : filed) {
                slugs.add(f.get());
            }
            assertEquals(16, slugs.size(), "every article has a slug of its own: " + slugs);
        } finally {
            desks.shutdown();
        }
    }

    @Test
    void moreDesksFilingAtOnceThanThereAreDatabaseConnectionsAllGetTheirArticle() throws Exception {
        // Each article brings words no article has used, so each write numbers new words for H2's search
        // index while it holds its own connection: 32 writers must not wait on each other for a second one.
        int desks = 32;
        List<String> firstWords = new ArrayList<>();
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int d = 0; d < desks; d++) {
            StringBuilder body = new StringBuilder("<p>");
            for (int w = 0; w < 200; w++) {
                body.append(Newsroom.unique("w").replace("-", "")).append(' ');
            }
            firstWords.add(body.substring(3, body.indexOf(" ")));
            reports.add(Map.of("title", "Desk report " + d, "body", body.append("</p>").toString()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(desks);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<String> ids = new ArrayList<>();
        try {
            List<Future<Response>> filed = new ArrayList<>();
            for (Map<String, Object> report : reports) {
                filed.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON).body(report).post("/api/v1/manage/articles");
                }));
            }
            start.countDown();
            for (Future<Response> f : filed) {
                Response r = f.get();
                assertEquals(201, r.statusCode(), r.asString());
                ids.add(r.path("id"));
            }
        } finally {
            pool.shutdownNow();
        }
        // Each article's new words were numbered with it: published, the last one is found by its first word.
        Newsroom.publish(ids.get(desks - 1), null);
        given().queryParam("q", firstWords.get(desks - 1)).get("/api/v1/articles").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(ids.get(desks - 1)));
    }
}
