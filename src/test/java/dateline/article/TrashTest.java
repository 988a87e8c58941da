package dateline.article;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dateline.support.Newsroom;
import dateline.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrashTest {
    @Inject
    TestClock clock;
    @Inject
    ArticleChores chores;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void deletingMovesAPublishedArticleToTheTrashWhereDeliveryAnswersGoneUntilRestored() {
        String id = Newsroom.published(Map.of("title", "Trashed by mistake " + unique("t")), Instant.parse("2024-04-01T00:00:00Z"));
        String slug = Newsroom.slugOf(id);
        trash(id);
        given().get("/api/v1/articles/" + slug).then().statusCode(410).body("type", equalTo("urn:dateline:problem:gone"));
        given().get("/api/v1/manage/articles/" + id).then().statusCode(200)
                .body("trashedAt", notNullValue()).body("status", equalTo("PUBLISHED"));
        given().get("/api/v1/manage/articles?limit=100").then().body("items.id", not(hasItem(id)));
        given().get("/api/v1/manage/articles?trashed=true&limit=100").then().body("items.id", hasItem(id));
        given().contentType(ContentType.JSON).header("If-Match", Newsroom.etag(id)).body(Map.of("title", "Edit in the trash"))
                .put("/api/v1/manage/articles/" + id).then().statusCode(409);
        given().header("If-Match", Newsroom.etag(id)).delete("/api/v1/manage/articles/" + id).then().statusCode(409);

        given().post("/api/v1/manage/articles/" + id + "/restore").then().statusCode(200)
                .body("trashedAt", nullValue()).body("status", equalTo("PUBLISHED"));
        given().get("/api/v1/articles/" + slug).then().statusCode(200);
    }

    @Test
    void purgeDeletesAnArticleAndItsHistoryForGood() {
        String id = Newsroom.draft(Map.of("title", "Purged"));
        given().header("If-Match", Newsroom.etag(id)).delete("/api/v1/manage/articles/" + id + "?purge=true").then().statusCode(204);
        given().get("/api/v1/manage/articles/" + id).then().statusCode(404).body("type", equalTo("urn:dateline:problem:not-found"));
        given().get("/api/v1/manage/articles/" + id + "/revisions").then().statusCode(404);
    }

    @Test
    void theTrashEmptiesItselfAfterTheRetentionPeriod() {
        String expired = Newsroom.draft(Map.of("title", "Old rubbish"));
        String recent = Newsroom.draft(Map.of("title", "New rubbish"));
        Instant now = Instant.now();
        clock.stopAt(now);
        trash(expired);
        clock.stopAt(now.plus(Duration.ofDays(10)));
        trash(recent);

        clock.stopAt(now.plus(Duration.ofDays(30)).plusSeconds(1));
        chores.purgeExpired();
        given().get("/api/v1/manage/articles/" + expired).then().statusCode(404);
        given().get("/api/v1/manage/articles/" + recent).then().statusCode(200).body("trashedAt", notNullValue());
    }

    private static void trash(String id) {
        given().header("If-Match", Newsroom.etag(id)).delete("/api/v1/manage/articles/" + id).then().statusCode(204);
    }
}
