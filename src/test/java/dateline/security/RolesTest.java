package dateline.security;

import static dateline.support.Newsroom.unique;
import static dateline.support.Tokens.as;
import static dateline.support.Tokens.issue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each role does what it may and gets 403 problem+json for the rest, changing nothing. */
@QuarkusTest
class RolesTest {
    private static final String FORBIDDEN = "urn:dateline:problem:forbidden";

    @Test
    void aViewerReadsEverythingThroughManagementButWritesNothing() {
        String viewer = issue(unique("viewer"), "VIEWER");
        String draft = Newsroom.draft(Map.of("title", "Viewer can read " + unique("v")));
        as(viewer).get("/api/v1/manage/articles/" + draft).then().statusCode(200);
        as(viewer).get("/api/v1/manage/articles/" + draft + "/revisions").then().statusCode(200);
        as(viewer).get("/api/v1/manage/sections").then().statusCode(200);
        as(viewer).get("/api/v1/manage/export").then().statusCode(200);

        as(viewer).contentType(ContentType.JSON).body(Map.of("title", "Nope"))
                .post("/api/v1/manage/articles").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(FORBIDDEN));
        as(viewer).contentType(ContentType.JSON).header("If-Match", Newsroom.etag(draft)).body(Map.of("title", "Changed"))
                .put("/api/v1/manage/articles/" + draft).then().statusCode(403);
        as(viewer).post("/api/v1/manage/articles/" + draft + "/publish").then().statusCode(403);
        as(viewer).contentType(ContentType.JSON).body(Map.of("slug", unique("s"), "name", "S"))
                .post("/api/v1/manage/tags").then().statusCode(403);
        as(viewer).get("/api/v1/manage/tokens").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        given().get("/api/v1/manage/articles/" + draft).then().body("status", equalTo("DRAFT")).body("version", equalTo(0));
    }

    @Test
    void anEditorRunsAllContentButNotTokens() {
        String editor = issue(unique("editor"), "EDITOR");
        String section = unique("desk");
        as(editor).contentType(ContentType.JSON).body(Map.of("slug", section, "name", "Desk"))
                .post("/api/v1/manage/sections").then().statusCode(201);
        String others = Newsroom.draft(Map.of("title", "Someone else's " + unique("e")));
        as(editor).contentType(ContentType.JSON).header("If-Match", Newsroom.etag(others))
                .body(Map.of("title", "Edited by the desk", "section", section))
                .put("/api/v1/manage/articles/" + others).then().statusCode(200);
        as(editor).post("/api/v1/manage/articles/" + others + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        as(editor).post("/api/v1/manage/articles/" + others + "/archive").then().statusCode(200);
        as(editor).contentType(ContentType.JSON).body(Map.of("name", "escalate", "role", "ADMIN"))
                .post("/api/v1/manage/tokens").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        as(editor).get("/api/v1/manage/tokens").then().statusCode(403);
    }

    @Test
    void anAuthorWritesItsOwnDraftsButCannotPublishOrChangeTaxonomy() {
        String author = issue(unique("author"), "AUTHOR");
        String own = as(author).contentType(ContentType.JSON).body(Map.of("title", "My draft " + unique("a")))
                .post("/api/v1/manage/articles").then().statusCode(201).extract().path("id");
        as(author).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("title", "My better draft"))
                .put("/api/v1/manage/articles/" + own).then().statusCode(200).body("title", equalTo("My better draft"));
        as(author).contentType("application/merge-patch+json").header("If-Match", "\"1\"").body(Map.of("excerpt", "Short"))
                .patch("/api/v1/manage/articles/" + own).then().statusCode(200);
        as(author).post("/api/v1/manage/articles/" + own + "/revisions/1/restore").then().statusCode(200);

        for (String action : new String[]{"publish", "unpublish", "archive", "restore"}) {
            as(author).post("/api/v1/manage/articles/" + own + "/" + action).then().statusCode(403).body("type", equalTo(FORBIDDEN));
        }
        as(author).header("If-Match", Newsroom.etag(own)).delete("/api/v1/manage/articles/" + own).then().statusCode(403);
        as(author).contentType(ContentType.JSON).body(Map.of("slug", unique("t"), "name", "T"))
                .post("/api/v1/manage/tags").then().statusCode(403);
        as(author).contentType("application/x-ndjson").body("{\"title\":\"Imported\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/manage/import").then().statusCode(403);
        given().get("/api/v1/manage/articles/" + own).then().body("status", equalTo("DRAFT")).body("trashedAt", equalTo(null));
    }

    @Test
    void anAuthorCannotTouchOthersArticlesNorItsOwnOnceTheyLeaveDraft() {
        String author = issue(unique("author"), "AUTHOR");
        String colleague = issue(unique("colleague"), "AUTHOR");
        String theirs = as(colleague).contentType(ContentType.JSON).body(Map.of("title", "Theirs " + unique("o")))
                .post("/api/v1/manage/articles").then().statusCode(201).extract().path("id");
        as(author).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("title", "Hijacked"))
                .put("/api/v1/manage/articles/" + theirs).then().statusCode(403).body("type", equalTo(FORBIDDEN));
        as(author).contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(Map.of("title", "Hijacked"))
                .patch("/api/v1/manage/articles/" + theirs).then().statusCode(403);
        as(author).post("/api/v1/manage/articles/" + theirs + "/revisions/1/restore").then().statusCode(403);
        given().get("/api/v1/manage/articles/" + theirs).then().body("version", equalTo(0));

        String own = as(author).contentType(ContentType.JSON).body(Map.of("title", "Soon published " + unique("p")))
                .post("/api/v1/manage/articles").then().statusCode(201).extract().path("id");
        Newsroom.publish(own, null);
        as(author).contentType(ContentType.JSON).header("If-Match", Newsroom.etag(own)).body(Map.of("title", "Rewritten live"))
                .put("/api/v1/manage/articles/" + own).then().statusCode(403).body("detail", equalTo(
                        "An author may only change drafts; this article is PUBLISHED."));
        // Reading stays open to every role.
        as(author).get("/api/v1/manage/articles/" + theirs).then().statusCode(200);
    }

    @Test
    void serverOwnedAndEditorialFieldsInABodyAreIgnored() {
        String author = issue("mass.assigner", "AUTHOR");
        String slug = unique("mass-assigned");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Sneaky", "slug", slug,
                "status", "PUBLISHED", "publishedAt", "2020-01-01T00:00:00Z", "id", "00000000-0000-0000-0000-000000000001",
                "version", 42, "createdAt", "2020-01-01T00:00:00Z", "createdBy", "someone.else"));
        String id = as(author).contentType(ContentType.JSON).body(body).post("/api/v1/manage/articles").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("publishedAt", equalTo(null)).body("version", equalTo(0))
                .body("createdBy", equalTo("mass.assigner")).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals("00000000-0000-0000-0000-000000000001", id);
        given().get("/api/v1/articles/" + slug).then().statusCode(404);
        // The same fields in a replace change nothing either; the author still owns its draft.
        body.put("title", "Still a draft");
        as(author).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/manage/articles/" + id).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("publishedAt", equalTo(null)).body("createdBy", equalTo("mass.assigner"));
        given().get("/api/v1/articles/" + slug).then().statusCode(404);
    }
}
