package dateline.preview;

import static dateline.support.Newsroom.unique;
import static dateline.support.Tokens.anonymous;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dateline.support.Newsroom;
import dateline.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A preview token shows one article (or, site-wide, every article) in delivery whatever its state, in the
 * delivery shapes, to one client: never cached, never indexed, never in a list. Any token that does not
 * hold gets exactly what anyone gets.
 */
@QuarkusTest
class PreviewTest {
    private static final String PREVIEW = "Dateline-Preview";

    @Inject
    TestClock clock;

    @Test
    void aDraftIsNotFoundWithoutATokenAndShownWithOneInTheDeliveryShape() {
        String section = Newsroom.section(unique("preview-desk"));
        String id = Newsroom.draft(Newsroom.article("Draft to preview", section, List.of()));
        String slug = Newsroom.slugOf(id);
        String published = Newsroom.slugOf(Newsroom.published(Newsroom.article("Published beside it", section, List.of()), null));
        String token = previewOf(id);

        anonymous().get("/api/v1/articles/" + slug).then().statusCode(404).contentType("application/problem+json");
        Response shown = anonymous().header(PREVIEW, token).get("/api/v1/articles/" + slug);
        shown.then().statusCode(200).body("slug", equalTo(slug)).body("title", equalTo("Draft to preview"))
                .body("section.slug", equalTo(section));
        Map<String, Object> live = anonymous().get("/api/v1/articles/" + published).then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(new TreeSet<>(live.keySet()), new TreeSet<>(shown.jsonPath().getMap("").keySet()), "the same members as a published article");
        anonymous().queryParam("preview", token).get("/api/v1/articles/" + slug).then().statusCode(200).body("slug", equalTo(slug));
    }

    @Test
    void aPreviewIsPrivateNoStoreNoindexAndNeverFromTheCache() {
        String id = Newsroom.draft(Map.of("title", "Private preview"));
        String slug = Newsroom.slugOf(id);
        String token = previewOf(id);
        for (int i = 0; i < 3; i++) {
            anonymous().header(PREVIEW, token).get("/api/v1/articles/" + slug).then().statusCode(200)
                    .header("Cache-Control", "private, no-store").header("X-Robots-Tag", "noindex")
                    .header("X-Cache", nullValue()).header("ETag", nullValue());
        }
        // Nothing a preview made is served to anyone else, on the same URL or under the query parameter.
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(404);
        anonymous().queryParam("preview", token).get("/api/v1/articles/" + slug).then().statusCode(200)
                .header("Cache-Control", "private, no-store").header("X-Cache", nullValue());
        anonymous().queryParam("preview", "x").get("/api/v1/articles/" + slug).then().statusCode(404);
    }

    @Test
    void aCachedPublicAnswerIsNeverServedToAPreviewNorRevalidatedWithA304() {
        String id = Newsroom.published(Map.of("title", "Cached then previewed"), null);
        String slug = Newsroom.slugOf(id);
        String etag = anonymous().get("/api/v1/articles/" + slug).then().statusCode(200).extract().header("ETag");
        anonymous().get("/api/v1/articles/" + slug).then().header("X-Cache", "HIT");
        anonymous().header(PREVIEW, previewOf(id)).header("If-None-Match", etag).get("/api/v1/articles/" + slug)
                .then().statusCode(200).header("X-Cache", nullValue()).header("Cache-Control", "private, no-store");
    }

    @Test
    void ninjsAndRelatedHeadlinesArePreviewedToo() {
        String section = Newsroom.section(unique("preview-ninjs"));
        String id = Newsroom.draft(Newsroom.article("Draft in ninjs", section, List.of()));
        String slug = Newsroom.slugOf(id);
        String neighbour = Newsroom.slugOf(Newsroom.published(Newsroom.article("Neighbour of the draft", section, List.of()), null));
        String token = previewOf(id);

        anonymous().accept("application/ninjs+json").get("/api/v1/articles/" + slug).then().statusCode(404);
        anonymous().accept("application/ninjs+json").header(PREVIEW, token).get("/api/v1/articles/" + slug).then().statusCode(200)
                .contentType("application/ninjs+json").body("uri", equalTo("urn:uuid:" + id)).header("X-Robots-Tag", "noindex");
        anonymous().get("/api/v1/articles/" + slug + "/related").then().statusCode(404);
        anonymous().header(PREVIEW, token).get("/api/v1/articles/" + slug + "/related").then().statusCode(200)
                .body("slug", hasItem(neighbour)).header("Cache-Control", "private, no-store");
    }

    @Test
    void scheduledAndArchivedArticlesArePreviewable() {
        String scheduled = Newsroom.draft(Map.of("title", "Scheduled for later"));
        Newsroom.publish(scheduled, Instant.now().plus(Duration.ofDays(3)));
        String archived = Newsroom.published(Map.of("title", "Archived long ago"), null);
        given().post("/api/v1/manage/articles/" + archived + "/archive").then().statusCode(200);
        for (String id : List.of(scheduled, archived)) {
            String slug = Newsroom.slugOf(id);
            anonymous().get("/api/v1/articles/" + slug).then().statusCode(id.equals(scheduled) ? 404 : 410);
            anonymous().header(PREVIEW, previewOf(id)).get("/api/v1/articles/" + slug).then().statusCode(200).body("id", equalTo(id));
        }
    }

    @Test
    void anEditToADraftShowsInTheNextPreview() {
        String id = Newsroom.draft(Map.of("title", "Before the edit"));
        String slug = Newsroom.slugOf(id);
        String token = previewOf(id);
        anonymous().header(PREVIEW, token).get("/api/v1/articles/" + slug).then().body("title", equalTo("Before the edit"));
        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(id)).body("{\"title\": \"After the edit\"}")
                .patch("/api/v1/manage/articles/" + id).then().statusCode(200);
        anonymous().header(PREVIEW, token).get("/api/v1/articles/" + slug).then().statusCode(200).body("title", equalTo("After the edit"));
    }

    @Test
    void anExpiredTokenGetsWhatAnyoneGets() {
        String id = Newsroom.draft(Map.of("title", "Preview that expires"));
        String slug = Newsroom.slugOf(id);
        Instant issued = Instant.now();
        clock.stopAt(issued);
        try {
            String token = previewOf(id);
            clock.stopAt(issued.plus(Duration.ofMinutes(59)));
            anonymous().header(PREVIEW, token).get("/api/v1/articles/" + slug).then().statusCode(200);
            clock.stopAt(issued.plus(Duration.ofHours(1)));
            assertSameAsAnonymous(slug, token);
        } finally {
            clock.release();
        }
    }

    @Test
    void aRevokedTokenGetsWhatAnyoneGets() {
        String id = Newsroom.draft(Map.of("title", "Preview that is revoked"));
        String slug = Newsroom.slugOf(id);
        Map<String, Object> created = issue(id);
        anonymous().header(PREVIEW, created.get("token")).get("/api/v1/articles/" + slug).then().statusCode(200);
        given().delete("/api/v1/manage/previews/" + created.get("id")).then().statusCode(204);
        assertSameAsAnonymous(slug, (String) created.get("token"));
    }

    @Test
    void aTokenForOneArticleShowsNoOther() {
        String a = Newsroom.draft(Map.of("title", "Article A"));
        String b = Newsroom.slugOf(Newsroom.draft(Map.of("title", "Article B")));
        String published = Newsroom.slugOf(Newsroom.published(Map.of("title", "Article C, out"), null));
        String tokenForA = previewOf(a);
        assertSameAsAnonymous(b, tokenForA);
        anonymous().header(PREVIEW, tokenForA).get("/api/v1/articles/" + b + "/related").then().statusCode(404);
        anonymous().header(PREVIEW, tokenForA).get("/api/v1/articles/" + published).then().statusCode(200).body("slug", equalTo(published));
    }

    @Test
    void aTamperedOrGuessedTokenIsAPlainNotFoundNeverABadRequest() {
        String id = Newsroom.draft(Map.of("title", "Preview tampered with"));
        String slug = Newsroom.slugOf(id);
        String token = previewOf(id);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        // A valid token's payload under this token's signature, and the reverse.
        String spliced = previewOf(Newsroom.draft(Map.of("title", "Other draft"))).split("\\.")[0] + "." + token.split("\\.")[1];
        for (String guess : List.of(tampered, spliced, "x", "a.b", token + "=", "%00", " ", "x".repeat(1000))) {
            assertSameAsAnonymous(slug, guess);
        }
    }

    @Test
    void aSiteWideTokenPreviewsAnyDraft() {
        String token = given().contentType(ContentType.JSON).body(Map.of("scope", "all")).post("/api/v1/manage/previews")
                .then().statusCode(201).body("scope", equalTo("all")).body("url", nullValue()).extract().path("token");
        for (String title : List.of("Site-wide one", "Site-wide two")) {
            String slug = Newsroom.slugOf(Newsroom.draft(Map.of("title", title)));
            anonymous().header(PREVIEW, token).get("/api/v1/articles/" + slug).then().statusCode(200).body("title", equalTo(title));
        }
    }

    @Test
    void aPreviewedDraftNeverReachesListsFeedsSearchOrSync() {
        String word = "previewprobe" + unique("w").substring(2).replace("-", "");
        String section = Newsroom.section(unique("preview-lists"));
        Map<String, Object> fields = Newsroom.article("Hidden " + word, section, List.of());
        fields.put("body", "<p>" + word + "</p>");
        String id = Newsroom.draft(fields);
        String slug = Newsroom.slugOf(id);
        String token = previewOf(id);
        anonymous().header(PREVIEW, token).get("/api/v1/articles/" + slug).then().statusCode(200);
        for (String path : List.of("/api/v1/articles?limit=100", "/api/v1/articles?q=" + word, "/api/v1/articles?section=" + section,
                "/api/v1/headlines?limit=100", "/api/v1/headlines?q=" + word, "/api/v1/feeds/rss", "/api/v1/feeds/atom",
                "/api/v1/feeds/json?section=" + section, "/api/v1/sync?section=" + section, "/api/v1/sync")) {
            // Lists ignore the token: with it or without, the draft is in none of them.
            for (Response answer : List.of(anonymous().get(path), anonymous().header(PREVIEW, token).get(path))) {
                answer.then().statusCode(200);
                assertFalse(answer.asString().contains(id) || answer.asString().contains(word), path + " shows the previewed draft");
            }
        }
    }

    @Test
    void thePreviewUrlIsBuiltFromTheConfiguredTemplate() {
        String id = Newsroom.draft(Map.of("title", "Preview with a URL"));
        String slug = Newsroom.slugOf(id);
        Map<String, Object> created = issue(id);
        assertEquals("https://www.example.news/api/draft?token=" + created.get("token") + "&slug=" + slug, created.get("url"));
    }

    private static void assertSameAsAnonymous(String slug, String token) {
        Response anyone = anonymous().get("/api/v1/articles/" + slug);
        Response withToken = anonymous().header(PREVIEW, token).get("/api/v1/articles/" + slug);
        assertEquals(anyone.statusCode(), withToken.statusCode());
        assertEquals(anyone.asString(), withToken.asString());
        anonymous().accept("application/ninjs+json").header(PREVIEW, token).get("/api/v1/articles/" + slug)
                .then().statusCode(anyone.statusCode());
        anonymous().queryParam("preview", token).get("/api/v1/articles/" + slug).then().statusCode(anyone.statusCode())
                .body(not(equalTo("")));
    }

    /** A token for the article {@code id}, issued by the test admin. */
    static String previewOf(String id) {
        return (String) issue(id).get("token");
    }

    static Map<String, Object> issue(String id) {
        Response created = given().post("/api/v1/manage/articles/" + id + "/preview");
        created.then().statusCode(201).body("scope", equalTo(id))
                .header("Location", endsWith("/api/v1/manage/previews/" + created.jsonPath().getString("id")));
        return created.jsonPath().getMap("");
    }
}
