package dateline.article;

import static dateline.support.Newsroom.article;
import static dateline.support.Newsroom.slugOf;
import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dateline.support.Newsroom;
import dateline.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkflowTest {
    @Inject
    TestClock clock;
    @Inject
    ArticleChores chores;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void eachStateAllowsItsTransitionsAndRefusesTheOthersNamingTheCurrentState() {
        String draft = Newsroom.draft(Map.of("title", unique("draft")));
        refused(draft, "unpublish", "DRAFT");
        refused(draft, "restore", "DRAFT");

        String scheduled = Newsroom.draft(Map.of("title", unique("scheduled")));
        schedule(scheduled, Instant.now().plus(1, ChronoUnit.DAYS)).body("status", equalTo("SCHEDULED"));
        refused(scheduled, "archive", "SCHEDULED");
        refused(scheduled, "restore", "SCHEDULED");
        moves(scheduled, "unpublish", "DRAFT").body("publishedAt", equalTo(null));

        String published = Newsroom.draft(Map.of("title", unique("published")));
        moves(published, "publish", "PUBLISHED");
        refused(published, "publish", "PUBLISHED");
        refused(published, "restore", "PUBLISHED");
        moves(published, "archive", "ARCHIVED");
        refused(published, "publish", "ARCHIVED");
        refused(published, "unpublish", "ARCHIVED");
        refused(published, "archive", "ARCHIVED");
        moves(published, "restore", "DRAFT");
        moves(published, "archive", "ARCHIVED");
    }

    @Test
    void theFirstPublicationDateIsKeptAcrossEditsAndRepublication() {
        String id = Newsroom.draft(Map.of("title", unique("kept")));
        String first = moves(id, "publish", "PUBLISHED").extract().path("publishedAt");
        given().contentType(ContentType.JSON).header("If-Match", Newsroom.etag(id)).body(Map.of("title", "Edited"))
                .put("/api/v1/manage/articles/" + id).then().statusCode(200)
                .body("publishedAt", equalTo(first)).body("updatedAt", not(equalTo(first)));
        moves(id, "unpublish", "DRAFT");
        moves(id, "publish", "PUBLISHED").body("publishedAt", equalTo(first));
    }

    @Test
    void aScheduledArticleReachesEveryDeliveryEndpointAtItsInstantExactly() {
        String section = Newsroom.section(unique("sched"));
        String tag = Newsroom.tag(unique("sched"));
        String word = "zq" + unique("w").replace("-", "");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String neighbour = Newsroom.published(article("Neighbour " + word, section, List.of(tag)), now.minusSeconds(60));
        Map<String, Object> fields = new HashMap<>(article("Embargoed " + word, section, List.of(tag)));
        String id = Newsroom.draft(fields);
        String slug = slugOf(id);
        Instant at = now.plus(2, ChronoUnit.HOURS);
        schedule(id, at).body("status", equalTo("SCHEDULED")).body("publishedAt", equalTo(at.toString()));

        clock.stopAt(at.minusSeconds(1));
        assertDelivery(slug, section, tag, word, slugOf(neighbour), false);

        clock.stopAt(at);
        assertDelivery(slug, section, tag, word, slugOf(neighbour), true);
        given().get("/api/v1/manage/articles/" + id).then().body("status", equalTo("SCHEDULED"));

        chores.publishDue();
        given().get("/api/v1/manage/articles/" + id).then().body("status", equalTo("PUBLISHED"))
                .body("publishedAt", equalTo(at.toString()));
        given().get("/api/v1/manage/articles/" + id + "/revisions").then()
                .body("items[0].actor", equalTo("scheduler")).body("items[0].summary", equalTo("Published on schedule"));
    }

    @Test
    void anArchivedArticleLeavesListsAndFeedsButItsUrlAnswersGone() {
        String section = Newsroom.section(unique("arch"));
        String id = Newsroom.published(article("To be archived", section, List.of()), Instant.parse("2024-03-01T00:00:00Z"));
        String slug = slugOf(id);
        given().get("/api/v1/headlines?section=" + section).then().body("items.slug", hasItem(slug));
        moves(id, "archive", "ARCHIVED");
        given().get("/api/v1/headlines?section=" + section).then().statusCode(200).body("items.slug", not(hasItem(slug)));
        given().get("/api/v1/feeds/json?section=" + section).then().statusCode(200).body("items.id", not(hasItem("urn:uuid:" + id)));
        given().get("/api/v1/articles/" + slug).then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo("urn:dateline:problem:gone"));
        given().get("/api/v1/articles/" + slug + "/related").then().statusCode(410);
        // An article that never went out is simply not found: delivery does not reveal drafts.
        String draft = Newsroom.draft(Map.of("title", unique("never out")));
        moves(draft, "archive", "ARCHIVED");
        given().get("/api/v1/articles/" + slugOf(draft)).then().statusCode(404);
    }

    private void assertDelivery(String slug, String section, String tag, String word, String neighbour, boolean visible) {
        int status = visible ? 200 : 404;
        given().get("/api/v1/articles/" + slug).then().statusCode(status);
        given().accept("application/ninjs+json").get("/api/v1/articles/" + slug).then().statusCode(status);
        List<String> lists = List.of("/api/v1/articles?section=" + section, "/api/v1/headlines?tag=" + tag,
                "/api/v1/articles?q=" + word);
        for (String list : lists) {
            List<String> slugs = given().get(list).then().statusCode(200).extract().path("items.slug");
            assertEquals(visible, slugs.contains(slug), list);
        }
        List<String> related = given().get("/api/v1/articles/" + neighbour + "/related").then().statusCode(200).extract().path("slug");
        assertEquals(visible, related.contains(slug), "related");
        List<String> feed = given().get("/api/v1/feeds/json?section=" + section).then().statusCode(200).extract().path("items.title");
        assertEquals(visible, feed.stream().anyMatch(t -> t.startsWith("Embargoed")), "JSON Feed");
        String rss = given().get("/api/v1/feeds/rss?section=" + section).then().statusCode(200).extract().asString();
        assertEquals(visible, rss.contains("Embargoed"), "RSS");
    }

    private static io.restassured.response.ValidatableResponse schedule(String id, Instant at) {
        return given().contentType(ContentType.JSON).body(Map.of("publishAt", at.toString()))
                .post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse moves(String id, String action, String to) {
        return given().post("/api/v1/manage/articles/" + id + "/" + action).then().statusCode(200).body("status", equalTo(to));
    }

    private static void refused(String id, String action, String current) {
        given().post("/api/v1/manage/articles/" + id + "/" + action).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dateline:problem:illegal-transition"))
                .body("currentStatus", equalTo(current));
    }
}
