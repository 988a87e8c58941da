package dateline.feed;

import static dateline.support.Newsroom.article;
import static dateline.support.Newsroom.published;
import static dateline.support.Newsroom.slugOf;
import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dateline.support.Newsroom;
import dateline.support.Schemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Articles in IPTC ninjs 3.1, validated against IPTC's published schema. */
@QuarkusTest
class NinjsTest {
    private static final String NINJS = "application/ninjs+json";

    @Test
    void theSeedArticleIsValidNinjsWithItsTenRelatedHeadlinesAsAssociations() {
        String slug = given().get("/api/v1/articles?section=world&q=Gusman&limit=1").then().extract().path("items[0].slug");
        String json = given().accept(NINJS).get("/api/v1/articles/" + slug).then().statusCode(200)
                .contentType(NINJS).extract().asString();
        assertEquals("", Schemas.problems(Schemas.NINJS_3_1, json));
        JsonPath ninjs = JsonPath.from(json);
        assertEquals("text", ninjs.getString("type"));
        assertEquals("usable", ninjs.getString("pubStatus"));
        assertEquals("en", ninjs.getString("language"));
        assertEquals(10, ninjs.getList("associations").size());
        assertEquals("related", ninjs.getString("associations[0].rel"));
        assertEquals("Trump and Putin Prepare to Meet Ahead of Zelensky\u2019s White House Visit: A New Phase of Diplomacy or Pressure on Kyiv?",
                ninjs.getString("associations[0].headlines[0].value"));
        assertEquals(List.of("World", "Russia", "Azerbaijan", "TASS", "Kremlin"), ninjs.getList("subjects.name"));
    }

    @Test
    void authorsBecomePeopleAndTheBylineAndTheBodyKeepsItsMarkup() {
        String section = Newsroom.section(unique("ninjs"));
        String author = Newsroom.author(unique("writer"));
        Map<String, Object> fields = article("Ninjs story", section, List.of());
        fields.put("authors", List.of(author));
        fields.put("body", "<p>One two three</p>");
        fields.put("excerpt", "Summary");
        String id = published(fields, Instant.parse("2024-10-01T00:00:00Z"));
        String json = given().accept(NINJS).get("/api/v1/articles/" + slugOf(id)).then().statusCode(200).extract().asString();
        assertEquals("", Schemas.problems(Schemas.NINJS_3_1, json));
        JsonPath ninjs = JsonPath.from(json);
        assertEquals("urn:uuid:" + id, ninjs.getString("uri"));
        assertEquals(author.toUpperCase(), ninjs.getString("by"));
        assertEquals("author", ninjs.getString("people[0].rel"));
        assertEquals("text/html", ninjs.getString("bodies[0].contentType"));
        assertEquals(3, ninjs.getInt("bodies[0].wordCount"));
        assertEquals("Summary", ninjs.getString("descriptions[0].value"));
    }

    @Test
    void draftsAreNotFoundInNinjsEither() {
        String id = Newsroom.draft(Map.of("title", "Ninjs draft"));
        given().accept(NINJS).get("/api/v1/articles/" + slugOf(id)).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
