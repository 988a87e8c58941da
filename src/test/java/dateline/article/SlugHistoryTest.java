package dateline.article;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SlugHistoryTest {

    @Test
    void anOldSlugRedirectsToTheCurrentOneInOneHopKeepingTheRestOfTheUrl() {
        String first = unique("first");
        String second = unique("second");
        String third = unique("third");
        String id = Newsroom.published(Map.of("title", "Renamed twice", "slug", first), Instant.parse("2024-05-01T00:00:00Z"));
        rename(id, second);
        rename(id, third);
        given().redirects().follow(false).get("/api/v1/articles/" + first).then().statusCode(301)
                .header("Location", endsWith("/api/v1/articles/" + third));
        given().redirects().follow(false).get("/api/v1/articles/" + second + "/related?limit=5").then().statusCode(301)
                .header("Location", endsWith("/api/v1/articles/" + third + "/related?limit=5"));
        given().get("/api/v1/articles/" + first).then().statusCode(200).body("slug", equalTo(third));
        given().get("/api/v1/manage/articles/" + id + "/slugs").then().body("", contains(first, second, third));
    }

    @Test
    void aSlugAnotherArticleOnceUsedIsTakenUntilReleased() {
        String old = unique("old");
        String id = Newsroom.draft(Map.of("title", "Owner", "slug", old));
        rename(id, unique("new"));
        given().contentType(ContentType.JSON).body(Map.of("title", "Squatter", "slug", old))
                .post("/api/v1/manage/articles").then().statusCode(409)
                .body("type", equalTo("urn:dateline:problem:slug-taken")).body("articleId", equalTo(id));
        given().delete("/api/v1/manage/articles/" + id + "/slugs/" + Newsroom.slugOf(id)).then().statusCode(409);
        given().delete("/api/v1/manage/articles/" + id + "/slugs/" + old).then().statusCode(204);
        given().delete("/api/v1/manage/articles/" + id + "/slugs/" + old).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("title", "Newcomer", "slug", old))
                .post("/api/v1/manage/articles").then().statusCode(201).body("slug", equalTo(old));
    }

    @Test
    void generatedSlugsStepAroundSlugsThatWereUsedBefore() {
        String title = "Recycled headline " + unique("t");
        String id = Newsroom.draft(Map.of("title", title));
        String generated = Newsroom.slugOf(id);
        rename(id, unique("moved"));
        String second = Newsroom.slugOf(Newsroom.draft(Map.of("title", title)));
        org.junit.jupiter.api.Assertions.assertEquals(generated + "-2", second);
    }

    private static void rename(String id, String slug) {
        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(id))
                .body(Map.of("slug", slug)).patch("/api/v1/manage/articles/" + id).then().statusCode(200)
                .body("slug", equalTo(slug));
    }
}
