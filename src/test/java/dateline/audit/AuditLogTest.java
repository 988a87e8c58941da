package dateline.audit;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dateline.support.Eventually;
import dateline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every management write by a token is in the audit log, with who, what, target, when and outcome. */
@QuarkusTest
class AuditLogTest {

    @Test
    void writesAreRecordedWithActorActionTargetAndOutcomeNewestFirst() {
        String name = unique("audited");
        String editor = Tokens.issue(name, "EDITOR");
        String id = Tokens.as(editor).contentType(ContentType.JSON).body(Map.of("title", "Audited " + name))
                .post("/api/v1/manage/articles").then().statusCode(201).extract().path("id");
        Tokens.as(editor).post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(200);
        Tokens.as(editor).post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(409);
        Tokens.as(editor).get("/api/v1/manage/articles/" + id).then().statusCode(200);

        given().get("/api/v1/manage/audit?actor=" + name).then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.action", contains("publishArticle", "publishArticle", "createArticle"))
                .body("items.status", contains(409, 200, 201))
                .body("items.outcome", contains("REJECTED", "SUCCEEDED", "SUCCEEDED"))
                .body("items.target", contains(id, id, id))
                .body("items[0].method", equalTo("POST"))
                .body("items[0].path", equalTo("/api/v1/manage/articles/" + id + "/publish"))
                .body("items[0].at", notNullValue());
    }

    @Test
    void anImportIsRecordedLikeAnyOtherWrite() {
        String name = unique("importer");
        String editor = Tokens.issue(name, "EDITOR");
        Tokens.as(editor).contentType("application/x-ndjson").body(("{\"title\":\"Imported by " + name + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/manage/import").then().statusCode(200);
        given().get("/api/v1/manage/audit?actor=" + name).then().statusCode(200)
                .body("items.action", contains("importArticles")).body("items[0].status", equalTo(200));
    }

    @Test
    void aRoleRefusalIsRecordedButAnonymousCallsAndReadsAreNot() {
        String name = unique("refused");
        String viewer = Tokens.issue(name, "VIEWER");
        Tokens.as(viewer).contentType(ContentType.JSON).body(Map.of("slug", unique("t"), "name", "T"))
                .post("/api/v1/manage/tags").then().statusCode(403);
        Tokens.as(viewer).get("/api/v1/manage/tags").then().statusCode(200);
        Tokens.anonymous().contentType(ContentType.JSON).body(Map.of("slug", unique("t"), "name", "T"))
                .post("/api/v1/manage/tags").then().statusCode(401);
        // A refusal may be answered before the request reaches a worker thread; its entry is written there.
        Eventually.until("the refusal is in the audit log", Duration.ofSeconds(5),
                () -> !given().get("/api/v1/manage/audit?actor=" + name).jsonPath().getList("items").isEmpty());
        given().get("/api/v1/manage/audit?actor=" + name).then()
                .body("items", hasSize(1)).body("items[0].action", equalTo("createTag"))
                .body("items[0].status", equalTo(403)).body("items[0].outcome", equalTo("REJECTED"));
        given().get("/api/v1/manage/audit?limit=100").then().body("items.findAll { it.status == 401 }", hasSize(0));
    }

    @Test
    void tokenChangesAreRecordedAndTheLogIsFilteredByTargetAndPagedByCursor() {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", unique("temp"), "role", "VIEWER"))
                .post("/api/v1/manage/tokens").then().statusCode(201).extract().path("token.id");
        given().delete("/api/v1/manage/tokens/" + id).then().statusCode(204);
        String next = given().get("/api/v1/manage/audit?target=" + id + "&limit=1").then().statusCode(200)
                .body("items.action", contains("revokeToken")).body("items[0].actor", equalTo("admin"))
                .extract().path("page.next");
        given().get("/api/v1/manage/audit?target=" + id + "&limit=1&cursor=" + next).then()
                .body("items.action", contains("createToken")).body("page.next", nullValue());
        given().get("/api/v1/manage/audit?target=" + id + "&since=2999-01-01T00:00:00Z").then().body("items", hasSize(0));
        given().get("/api/v1/manage/audit?since=yesterday").then().statusCode(400)
                .body("type", equalTo("urn:dateline:problem:invalid-parameter"));
    }

    @Test
    void onlyAdminsReadTheLog() {
        Tokens.as(Tokens.issue(unique("editor"), "EDITOR")).get("/api/v1/manage/audit").then().statusCode(403);
        Tokens.anonymous().get("/api/v1/manage/audit").then().statusCode(401);
        given().get("/api/v1/manage/audit").then().statusCode(200);
    }
}
