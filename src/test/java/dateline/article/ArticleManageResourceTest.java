package dateline.article;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleManageResourceTest {

    @Test
    void creatingAnArticleAnswers201WithLocationAndTheStoredDraft() {
        String section = Newsroom.section(unique("desk"));
        String tag = Newsroom.tag(unique("topic"));
        String author = Newsroom.author(unique("writer"));
        Map<String, Object> in = new HashMap<>();
        in.put("title", "Baku responds to Moscow");
        in.put("body", "<p>" + "word ".repeat(460) + "</p>");
        in.put("section", section);
        in.put("tags", List.of(tag));
        in.put("authors", List.of(author));
        var created = given().contentType(ContentType.JSON).body(in).post("/api/v1/manage/articles")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/manage/articles/"))
                .body("status", equalTo("DRAFT"))
                .body("slug", equalTo("baku-responds-to-moscow"))
                .body("section.slug", equalTo(section))
                .body("tags.slug", contains(tag))
                .body("authors.slug", contains(author))
                .body("locale", equalTo("en"))
                .body("wordCount", equalTo(460))
                .body("readingTimeMinutes", equalTo(2))
                .body("version", notNullValue())
                .body("publishedAt", nullValue())
                .extract();
        String id = created.path("id");
        given().get(created.header("Location")).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void generatedSlugsAreAsciiAndGetASuffixWhenTaken() {
        String title = "Moscow-Baku: Café naïve " + unique("x");
        String first = slugOf(Newsroom.draft(Map.of("title", title)));
        String second = slugOf(Newsroom.draft(Map.of("title", title)));
        org.junit.jupiter.api.Assertions.assertTrue(first.startsWith("moscow-baku-cafe-naive-x-"), first);
        org.junit.jupiter.api.Assertions.assertEquals(first + "-2", second);
        String cyrillic = slugOf(Newsroom.draft(Map.of("title", "Москва и Баку " + unique("z"))));
        org.junit.jupiter.api.Assertions.assertTrue(cyrillic.startsWith("moskva-i-baku-z-"), cyrillic);
    }

    @Test
    void anExplicitSlugThatIsTakenIsAConflictAndStoresNothing() {
        String slug = unique("taken");
        Newsroom.draft(Map.of("title", "First", "slug", slug));
        given().contentType(ContentType.JSON).body(Map.of("title", "Second", "slug", slug))
                .post("/api/v1/manage/articles").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:dateline:problem:slug-taken"));
        given().get("/api/v1/manage/articles?limit=100").then().body("items.title", not(hasItem("Second")));
    }

    @Test
    void replacingAnArticleRewritesItsContentAndKeepsItsSlug() {
        String id = Newsroom.draft(Map.of("title", "Original title", "excerpt", "Old"));
        String slug = slugOf(id);
        given().contentType(ContentType.JSON).header("If-Match", Newsroom.etag(id))
                .body(Map.of("title", "New title", "body", "<p>New body</p>"))
                .put("/api/v1/manage/articles/" + id).then().statusCode(200)
                .body("title", equalTo("New title")).body("slug", equalTo(slug))
                .body("excerpt", nullValue()).body("body", equalTo("<p>New body</p>"))
                .body("version", greaterThan(0));
    }

    @Test
    void serverOwnedFieldsInABodyAreIgnored() {
        Map<String, Object> in = new HashMap<>();
        in.put("title", "Mass assignment attempt");
        in.put("id", "00000000-0000-0000-0000-000000000042");
        in.put("status", "PUBLISHED");
        in.put("version", 99);
        in.put("createdAt", "2000-01-01T00:00:00Z");
        in.put("wordCount", 5000);
        given().contentType(ContentType.JSON).body(in).post("/api/v1/manage/articles").then().statusCode(201)
                .body("id", not(equalTo("00000000-0000-0000-0000-000000000042")))
                .body("status", equalTo("DRAFT")).body("version", equalTo(0)).body("wordCount", equalTo(0))
                .body("createdAt", not(equalTo("2000-01-01T00:00:00Z")));
    }

    @Test
    void aReadSentBackWholeWithOneFieldChangedIsAnOrdinaryReplace() {
        String section = Newsroom.section(unique("desk"));
        String tag = Newsroom.tag(unique("topic"));
        String author = Newsroom.author(unique("writer"));
        Map<String, Object> fields = Newsroom.article("Sent back whole", section, List.of(tag));
        fields.put("authors", List.of(author));
        String id = Newsroom.draft(fields);
        var read = given().get("/api/v1/manage/articles/" + id).then().statusCode(200).extract();
        Map<String, Object> body = new HashMap<>(read.jsonPath().getMap(""));
        // Every member of the management representation is there, server-owned ones included.
        assertTrue(body.keySet().containsAll(List.of("id", "trashedAt", "externalId", "createdBy", "readingTimeMinutes", "section")));
        body.put("title", "Sent back with a new title");
        given().contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(body)
                .put("/api/v1/manage/articles/" + id).then().statusCode(200)
                .body("title", equalTo("Sent back with a new title")).body("section.slug", equalTo(section))
                .body("tags.slug", contains(tag)).body("authors.slug", contains(author)).body("version", equalTo(1))
                .body("trashedAt", nullValue());
    }

    @Test
    void aReferenceObjectWithNeitherIdNorSlugIsInvalidContent() {
        String id = Newsroom.draft(Map.of("title", "Bad reference"));
        given().contentType(ContentType.JSON).header("If-Match", Newsroom.etag(id))
                .body(Map.of("title", "Bad reference", "section", Map.of("name", "World")))
                .put("/api/v1/manage/articles/" + id).then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("section"));
        given().get("/api/v1/manage/articles/" + id).then().body("version", equalTo(0));
    }

    @Test
    void invalidContentIsRejectedWithEachFieldNamedAndNothingStored() {
        String title = unique("never-stored");
        assertInvalid(Map.of("title", " "), "title");
        assertInvalid(Map.of("title", title, "titel", "typo"), "titel");
        assertInvalid(Map.of("title", title, "section", unique("nope")), "section");
        assertInvalid(Map.of("title", title, "tags", List.of(unique("nope"))), "tags[0]");
        assertInvalid(Map.of("title", title, "authors", List.of(unique("nope"))), "authors[0]");
        assertInvalid(Map.of("title", title, "related", List.of("00000000-0000-0000-0000-000000000001")), "related[0]");
        assertInvalid(Map.of("title", title, "locale", "not a locale"), "locale");
        assertInvalid(Map.of("title", title, "tags", "not-a-list"), "tags");
        assertInvalid(Map.of("title", "x".repeat(301)), "title");
        assertInvalid(Map.of("title", title, "slug", "Not A Slug"), "slug");
        assertInvalid(Map.of("title", title, "imageUrl", "javascript:alert(1)"), "imageUrl");
        given().get("/api/v1/manage/articles?limit=100").then().body("items.title", not(hasItem(title)));
    }

    @Test
    void publishingMakesAnArticlePublicAndUnpublishingTakesItBack() {
        String id = Newsroom.draft(Map.of("title", "Goes live " + unique("p")));
        String slug = slugOf(id);
        given().get("/api/v1/articles/" + slug).then().statusCode(404);
        given().post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedAt", notNullValue());
        given().get("/api/v1/articles/" + slug).then().statusCode(200);
        given().post("/api/v1/manage/articles/" + id + "/unpublish").then().statusCode(200).body("status", equalTo("DRAFT"));
        given().get("/api/v1/articles/" + slug).then().statusCode(404);
    }

    @Test
    void publishingTwiceIsAConflictNamingTheCurrentState() {
        String id = Newsroom.draft(Map.of("title", "Once"));
        given().post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(200);
        given().post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(409)
                .body("type", equalTo("urn:dateline:problem:illegal-transition"))
                .body("currentStatus", equalTo("PUBLISHED"));
        String draft = Newsroom.draft(Map.of("title", "Never published"));
        given().post("/api/v1/manage/articles/" + draft + "/unpublish").then().statusCode(409)
                .body("currentStatus", equalTo("DRAFT"));
    }

    @Test
    void aPastPublicationDateIsKeptAsTheEditorsDate() {
        String id = Newsroom.draft(Map.of("title", "Back-dated"));
        given().contentType(ContentType.JSON).body(Map.of("publishAt", "2020-02-02T02:02:02Z"))
                .post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedAt", equalTo("2020-02-02T02:02:02Z"));
    }

    @Test
    void theEditorsListFiltersByStatusAndPagesByCursor() {
        String marker = unique("list");
        for (int i = 0; i < 3; i++) {
            Newsroom.draft(Map.of("title", marker + " " + i));
        }
        var first = given().get("/api/v1/manage/articles?status=DRAFT&limit=2").then().statusCode(200)
                .body("items.status", everyItem(equalTo("DRAFT"))).extract();
        given().get("/api/v1/manage/articles?status=DRAFT&limit=2&cursor=" + first.path("page.next"))
                .then().statusCode(200).body("items.status", everyItem(equalTo("DRAFT")));
        given().get("/api/v1/manage/articles?status=LIVE").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    private static void assertInvalid(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/manage/articles").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dateline:problem:invalid-content"))
                .body("violations.field", hasItem(field))
                .body("violations[0].in", equalTo("body"));
    }

    private static String slugOf(String id) {
        return Newsroom.slugOf(id);
    }
}
