package dateline.article;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dateline.support.Newsroom;
import dateline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RevisionsTest {

    @Test
    void everyWriteLeavesARevisionWithWhoWhenAndWhyNewestFirst() {
        String id = Newsroom.draft(Map.of("title", "Draft one"));
        edit(id, Map.of("title", "Draft two"), Tokens.issue("jane.doe", "EDITOR"), "Sharper%20headline%20%E2%80%93%20ok");
        Tokens.as(Tokens.issue("desk.chief", "EDITOR")).post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(200);
        given().get("/api/v1/manage/articles/" + id + "/revisions").then().statusCode(200)
                .body("items.number", contains(3, 2, 1))
                .body("items.actor", contains("desk.chief", "jane.doe", "admin"))
                .body("items.summary", contains("Published", "Sharper headline \u2013 ok", "Created"))
                .body("items.status", contains("PUBLISHED", "DRAFT", "DRAFT"))
                .body("items[0].content", nullValue());
        given().get("/api/v1/manage/articles/" + id + "/revisions/2").then().statusCode(200)
                .body("content.title", equalTo("Draft two")).body("actor", equalTo("jane.doe"));
    }

    @Test
    void theActorIsTheTokensNameWhateverHeadersClaim() {
        String id = Newsroom.draft(Map.of("title", "Claimed " + unique("c")));
        Tokens.as(Tokens.issue("night.desk", "EDITOR")).header("X-Actor", "someone.else")
                .post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(200);
        given().get("/api/v1/manage/articles/" + id + "/revisions").then().body("items[0].actor", equalTo("night.desk"));
    }

    @Test
    void revisionsArePagedByCursor() {
        String id = Newsroom.draft(Map.of("title", "Paged 0"));
        for (int i = 1; i <= 4; i++) {
            edit(id, Map.of("title", "Paged " + i), null, null);
        }
        String next = given().get("/api/v1/manage/articles/" + id + "/revisions?limit=3").then()
                .body("items.number", contains(5, 4, 3)).extract().path("page.next");
        given().get("/api/v1/manage/articles/" + id + "/revisions?limit=3&cursor=" + next).then()
                .body("items.number", contains(2, 1)).body("page.next", nullValue());
    }

    @Test
    void aDiffNamesTheChangedFieldsAndShowsTheBodyAsATextDiff() {
        String id = Newsroom.draft(Map.of("title", "Before", "excerpt", "Same",
                "body", "<p>First paragraph.</p><p>Second paragraph.</p>"));
        edit(id, Map.of("title", "After", "excerpt", "Same", "body", "<p>First paragraph.</p><p>Second paragraph, corrected.</p>"), null, null);
        given().get("/api/v1/manage/articles/" + id + "/revisions/2/diff").then().statusCode(200)
                .body("from", equalTo(1)).body("to", equalTo(2))
                .body("changes.field", contains("title", "body"))
                .body("changes[0].from", equalTo("Before")).body("changes[0].to", equalTo("After"))
                .body("bodyDiff", containsString("-<p>Second paragraph.</p>"))
                .body("bodyDiff", containsString("+<p>Second paragraph, corrected.</p>"));
        given().get("/api/v1/manage/articles/" + id + "/revisions/1/diff?against=2").then().statusCode(200)
                .body("from", equalTo(1)).body("to", equalTo(2));
        given().get("/api/v1/manage/articles/" + id + "/revisions/1/diff").then().statusCode(400);
        given().get("/api/v1/manage/articles/" + id + "/revisions/9").then().statusCode(404);
    }

    @Test
    void restoringARevisionAddsANewOneAndKeepsHistory() {
        String id = Newsroom.draft(Map.of("title", "Original " + unique("r")));
        String original = given().get("/api/v1/manage/articles/" + id).then().extract().path("title");
        edit(id, Map.of("title", "Vandalised"), null, null);
        Tokens.as(Tokens.issue("editor", "EDITOR")).post("/api/v1/manage/articles/" + id + "/revisions/1/restore").then().statusCode(200)
                .body("title", equalTo(original)).header("ETag", equalTo("\"2\""));
        given().get("/api/v1/manage/articles/" + id + "/revisions").then()
                .body("items", hasSize(3))
                .body("items[0].summary", equalTo("Restored revision 1")).body("items[0].actor", equalTo("editor"));
        given().get("/api/v1/manage/articles/" + id + "/revisions/2").then().body("content.title", equalTo("Vandalised"));
    }

    /** Replaces the content, with the given token's secret, or as the test admin when it is null. */
    private static void edit(String id, Map<String, Object> body, String token, String summary) {
        var request = (token == null ? given() : Tokens.as(token))
                .contentType(ContentType.JSON).header("If-Match", Newsroom.etag(id)).body(body);
        if (summary != null) {
            request.header("X-Change-Summary", summary);
        }
        request.put("/api/v1/manage/articles/" + id).then().statusCode(200);
    }
}
