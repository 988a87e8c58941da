package dateline.media;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.Newsroom;
import dateline.support.Pictures;
import dateline.support.Schemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lead image from the library as every delivery format shows it, and the rules that keep it consistent. */
@QuarkusTest
class MediaInContentTest {
    private static final String NINJS = "application/ninjs+json";

    @Test
    void theSeedArticlesLeadPictureShowsInTheArticleHeadlinesNinjsAndEveryFeed() {
        String seed = given().get("/api/v1/articles?section=world&q=Gusman&limit=1").then().extract().path("items[0].id");
        String slug = Newsroom.slugOf(seed);
        String media = given().contentType("image/jpeg").queryParam("alt", "Mikhail Gusman at a briefing")
                .queryParam("caption", "Mikhail Gusman, deputy director of TASS.").queryParam("credit", "Photo: Test Desk")
                .queryParam("copyrightHolder", "Dateline").body(Pictures.jpeg(1600, 1000)).post("/api/v1/manage/media")
                .then().statusCode(201).extract().path("id");
        attach(seed, media);
        try {
            String base = "http://localhost:8080/api/v1/media/" + media;
            given().get("/api/v1/articles/" + slug).then().statusCode(200)
                    .header("Surrogate-Key", org.hamcrest.Matchers.containsString("media-" + media))
                    .body("leadImage.id", equalTo(media)).body("leadImage.url", equalTo(base + "/960.jpg"))
                    .body("leadImage.alt", equalTo("Mikhail Gusman at a briefing"))
                    .body("leadImage.caption", equalTo("Mikhail Gusman, deputy director of TASS."))
                    .body("leadImage.credit", equalTo("Photo: Test Desk")).body("leadImage.width", equalTo(1600))
                    .body("leadImage.height", equalTo(1000))
                    .body("leadImage.renditions.findAll { it.type == 'image/webp' }.url",
                            contains(base + "/320.webp", base + "/640.webp", base + "/960.webp", base + "/1280.webp"))
                    .body("leadImage.renditions[0].height", equalTo(200))
                    .body("imageUrl", nullValue());
            given().get("/api/v1/headlines?section=world&limit=100").then().statusCode(200)
                    .body("items.find { it.slug == '" + slug + "' }.thumbnailUrl", equalTo(base + "/320.jpg"));
            given().get("/api/v1/articles?section=world&limit=100").then().statusCode(200)
                    .body("items.find { it.slug == '" + slug + "' }.leadImage.credit", equalTo("Photo: Test Desk"))
                    .body("items.find { it.slug == '" + slug + "' }.leadImage.renditions[0].height", equalTo(200));

            String ninjs = given().accept(NINJS).get("/api/v1/articles/" + slug).then().statusCode(200).extract().asString();
            assertEquals("", Schemas.problems(Schemas.NINJS_3_1, ninjs));
            JsonPath picture = JsonPath.from(ninjs).setRootPath("associations[0]");
            assertEquals("picture", picture.getString("type"));
            assertEquals("urn:uuid:" + media, picture.getString("uri"));
            assertEquals("Photo: Test Desk", picture.getString("by"));
            assertEquals("Dateline", picture.getString("copyrightHolder"));
            assertEquals("Mikhail Gusman, deputy director of TASS.", picture.getString("descriptions[0].value"));
            assertEquals(base + "/320.jpg", picture.getString("renditions[0].href"));
            assertEquals(8, picture.getList("renditions").size());
            assertEquals(11, JsonPath.from(ninjs).getList("associations").size(), "the picture and the ten related");

            String rss = given().get("/api/v1/feeds/rss?section=world").then().statusCode(200).extract().asString();
            assertTrue(rss.contains("<enclosure url=\"" + base + "/960.jpg\" length=\"0\" type=\"image/jpeg\""), rss);
            String atom = given().get("/api/v1/feeds/atom?section=world").then().statusCode(200).extract().asString();
            assertTrue(atom.contains("rel=\"enclosure\"") && atom.contains("href=\"" + base + "/960.jpg\""), atom);
            String json = given().get("/api/v1/feeds/json?section=world").then().statusCode(200).extract().asString();
            assertEquals("", Schemas.problems(Schemas.JSON_FEED_1_1, json));
            assertEquals(base + "/960.jpg", JsonPath.from(json).getString("items.find { it.id == 'urn:uuid:" + seed + "' }.image"));
        } finally {
            attach(seed, null);
        }
        given().accept(NINJS).get("/api/v1/articles/" + slug).then().body("associations.size()", equalTo(10));
    }

    @Test
    void describingAnImageAnewRefreshesTheCachedArticleThatShowsIt() {
        String media = Pictures.uploaded(Pictures.jpeg(800, 600), "Before");
        Map<String, Object> fields = Newsroom.article("Pictured " + unique("p"), null, List.of());
        fields.put("leadImage", media);
        String slug = Newsroom.slugOf(Newsroom.published(fields, Instant.parse("2024-06-01T00:00:00Z")));
        given().get("/api/v1/articles/" + slug).then().body("leadImage.caption", equalTo("Before"));
        given().get("/api/v1/articles/" + slug).then().header("X-Cache", "HIT");
        given().contentType(ContentType.JSON).body(Map.of("caption", "After", "credit", "Photo: Desk"))
                .put("/api/v1/manage/media/" + media).then().statusCode(200);
        given().get("/api/v1/articles/" + slug).then().header("X-Cache", "MISS")
                .body("leadImage.caption", equalTo("After")).body("leadImage.credit", equalTo("Photo: Desk"));
    }

    @Test
    void anImageInUseCannotBeDeletedAndOnceUnusedGoesWithItsFiles() {
        String media = Pictures.uploaded(Pictures.jpeg(700, 500), "Used");
        Map<String, Object> fields = new HashMap<>(Map.of("title", "Uses a picture " + unique("u"), "leadImage", media));
        String article = Newsroom.draft(fields);
        given().get("/api/v1/media/" + media + "/320.jpg").then().statusCode(200);
        given().delete("/api/v1/manage/media/" + media).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:dateline:problem:in-use")).body("usage", equalTo(1));
        given().get("/api/v1/manage/media/" + media).then().statusCode(200);
        attach(article, null);
        given().delete("/api/v1/manage/media/" + media).then().statusCode(204);
        given().get("/api/v1/manage/media/" + media).then().statusCode(404);
        given().get("/api/v1/media/" + media + "/320.jpg").then().statusCode(404);
        assertTrue(!Files.exists(Pictures.MEDIA_DIR.resolve("renditions").resolve(media)), "renditions deleted");
    }

    @Test
    void aBodyFigureKeepsItsCaptionAndCreditAndCountsAsAUse() {
        String media = Pictures.uploaded(Pictures.jpeg(640, 480), "In the body");
        String figure = "<figure><img src=\"http://localhost:8080/api/v1/media/" + media + "/640.jpg\" alt=\"Harbour\" width=\"640\""
                + " height=\"480\"><figcaption>The harbour at dawn. <small>Photo: Jane Doe</small></figcaption></figure>";
        String article = Newsroom.draft(Map.of("title", "Figure " + unique("f"), "body", figure + "<p>Text.</p>"));
        given().get("/api/v1/manage/articles/" + article).then().body("body", equalTo(figure + "<p>Text.</p>"));
        given().delete("/api/v1/manage/media/" + media).then().statusCode(409).body("usage", equalTo(1));
    }

    @Test
    void anUnknownLeadImageIsInvalidContentAndTheExportCarriesTheReference() {
        given().contentType(ContentType.JSON).body(Map.of("title", "Ghost picture", "leadImage", java.util.UUID.randomUUID().toString()))
                .post("/api/v1/manage/articles").then().statusCode(422)
                .body("type", equalTo("urn:dateline:problem:invalid-content")).body("violations.field", hasItem("leadImage"));
        String media = Pictures.uploaded(Pictures.jpeg(320, 200), "Exported");
        String article = Newsroom.draft(Map.of("title", "Exported " + unique("e"), "leadImage", media,
                "imageUrl", "https://images.example.org/elsewhere.jpg"));
        given().get("/api/v1/manage/articles/" + article).then().body("leadImage", equalTo(media))
                .body("imageUrl", equalTo("https://images.example.org/elsewhere.jpg"));
        String export = given().get("/api/v1/manage/export").then().statusCode(200).extract().asString();
        String line = export.lines().filter(l -> l.contains(article)).findFirst().orElseThrow();
        assertEquals(media, JsonPath.from(line).getString("leadImage"));
    }

    @Test
    void mediaWritesAreAnnouncedToWebhooksAndRecordedInTheAuditLog() {
        String webhook = given().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("media.created", "media.updated", "media.deleted")))
                .post("/api/v1/manage/webhooks").then().statusCode(201).extract().path("webhook.id");
        try {
            String media = Pictures.uploaded(Pictures.jpeg(100, 100), "Announced");
            given().contentType(ContentType.JSON).body(Map.of("caption", "Announced again")).put("/api/v1/manage/media/" + media)
                    .then().statusCode(200);
            given().delete("/api/v1/manage/media/" + media).then().statusCode(204);
            given().get("/api/v1/manage/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                    .body("items.event", contains("media.deleted", "media.updated", "media.created"));
            given().get("/api/v1/manage/audit?target=" + media).then().statusCode(200)
                    .body("items.action", contains("deleteMedia", "updateMedia", "uploadMedia"));
        } finally {
            given().delete("/api/v1/manage/webhooks/" + webhook).then().statusCode(204);
        }
    }

    /** Sets (or with null, removes) an article's lead image by merge patch. */
    private static void attach(String article, String media) {
        Map<String, Object> patch = new HashMap<>();
        patch.put("leadImage", media);
        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(article)).body(patch)
                .patch("/api/v1/manage/articles/" + article).then().statusCode(200);
    }
}
