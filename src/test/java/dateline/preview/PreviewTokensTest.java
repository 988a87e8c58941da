package dateline.preview;

import static dateline.support.Newsroom.unique;
import static dateline.support.Tokens.anonymous;
import static dateline.support.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dateline.support.Newsroom;
import dateline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may issue, list and revoke preview tokens, and what the management API shows of them. */
@QuarkusTest
class PreviewTokensTest {
    private static final String FORBIDDEN = "urn:dateline:problem:forbidden";

    @Test
    void anAuthorMayPreviewItsOwnArticlesButNotOthers() {
        String author = Tokens.issue(unique("preview-author"), "AUTHOR");
        String own = as(author).contentType(ContentType.JSON).body(Map.of("title", "The author's own draft"))
                .post("/api/v1/manage/articles").then().statusCode(201).extract().path("id");
        String others = Newsroom.draft(Map.of("title", "Someone else's draft"));

        as(author).post("/api/v1/manage/articles/" + own + "/preview").then().statusCode(201).body("scope", equalTo(own));
        as(author).post("/api/v1/manage/articles/" + others + "/preview").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(FORBIDDEN));
        as(author).contentType(ContentType.JSON).body(Map.of("scope", "all")).post("/api/v1/manage/previews").then().statusCode(403);
    }

    @Test
    void aViewerMayListButNotIssueAndAnonymousCallersNothing() {
        String viewer = Tokens.issue(unique("preview-viewer"), "VIEWER");
        String draft = Newsroom.draft(Map.of("title", "Not for viewers to preview"));
        as(viewer).post("/api/v1/manage/articles/" + draft + "/preview").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        as(viewer).get("/api/v1/manage/previews").then().statusCode(200);
        anonymous().post("/api/v1/manage/articles/" + draft + "/preview").then().statusCode(401);
        anonymous().get("/api/v1/manage/previews").then().statusCode(401);
    }

    @Test
    void anEditorIssuesSiteWidePreviewsAndOnlyForAll() {
        String editor = Tokens.issue(unique("preview-editor"), "EDITOR");
        as(editor).contentType(ContentType.JSON).body(Map.of("scope", "all")).post("/api/v1/manage/previews").then().statusCode(201)
                .body("scope", equalTo("all")).body("url", nullValue()).body("token", not(nullValue()));
        as(editor).contentType(ContentType.JSON).body(Map.of("scope", "everything")).post("/api/v1/manage/previews").then()
                .statusCode(422).contentType("application/problem+json");
        as(editor).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/manage/previews").then().statusCode(422);
    }

    @Test
    void theListShowsWorkingTokensWithoutTheirTextAndRevokingRemovesThem() {
        String draft = Newsroom.draft(Map.of("title", "Listed preview"));
        Map<String, Object> created = PreviewTest.issue(draft);
        String id = (String) created.get("id");
        given().get("/api/v1/manage/previews").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.scope", equalTo(draft))
                .body("find { it.id == '" + id + "' }.createdBy", equalTo("admin"))
                .body("find { it.id == '" + id + "' }.token", nullValue())
                .body(not(org.hamcrest.Matchers.containsString((String) created.get("token"))));
        given().delete("/api/v1/manage/previews/" + id).then().statusCode(204);
        given().delete("/api/v1/manage/previews/" + id).then().statusCode(204);
        given().get("/api/v1/manage/previews").then().body("id", not(hasItem(id)));
        given().delete("/api/v1/manage/previews/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anAuthorRevokesOnlyTheTokensItIssued() {
        String author = Tokens.issue(unique("preview-revoker"), "AUTHOR");
        String own = as(author).contentType(ContentType.JSON).body(Map.of("title", "Revoker's draft"))
                .post("/api/v1/manage/articles").then().statusCode(201).extract().path("id");
        String mine = as(author).post("/api/v1/manage/articles/" + own + "/preview").then().statusCode(201).extract().path("id");
        String admins = (String) PreviewTest.issue(Newsroom.draft(Map.of("title", "Admin's preview"))).get("id");
        as(author).delete("/api/v1/manage/previews/" + admins).then().statusCode(403).body("type", equalTo(FORBIDDEN));
        given().get("/api/v1/manage/previews").then().body("id", hasItem(admins));
        as(author).delete("/api/v1/manage/previews/" + mine).then().statusCode(204);
    }

    @Test
    void anArticleInTheTrashCannotBePreviewedAndAnUnknownOneIsNotFound() {
        String trashed = Newsroom.published(Map.of("title", "Trashed before preview"), null);
        given().header("If-Match", Newsroom.etag(trashed)).delete("/api/v1/manage/articles/" + trashed).then().statusCode(204);
        given().post("/api/v1/manage/articles/" + trashed + "/preview").then().statusCode(409)
                .body("type", equalTo("urn:dateline:problem:illegal-transition"));
        given().post("/api/v1/manage/articles/" + java.util.UUID.randomUUID() + "/preview").then().statusCode(404);
    }

    @Test
    void issuingAndRevokingAreInTheAuditLog() {
        String name = unique("preview-audited");
        String editor = Tokens.issue(name, "EDITOR");
        String draft = Newsroom.draft(Map.of("title", "Audited preview"));
        String id = as(editor).post("/api/v1/manage/articles/" + draft + "/preview").then().statusCode(201).extract().path("id");
        as(editor).delete("/api/v1/manage/previews/" + id).then().statusCode(204);
        given().get("/api/v1/manage/audit?actor=" + name).then().statusCode(200)
                .body("items.action", contains("revokePreview", "previewArticle"));
    }
}
