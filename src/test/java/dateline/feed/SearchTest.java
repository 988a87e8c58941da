package dateline.feed;

import static dateline.support.Newsroom.article;
import static dateline.support.Newsroom.published;
import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full-text search (q) behaves the same on H2 and PostgreSQL. */
@QuarkusTest
class SearchTest {
    private String section;
    private String word;

    @BeforeEach
    void stories() {
        section = Newsroom.section(unique("search"));
        word = "zq" + unique("w").replace("-", ""); // a word no other test's article contains
        Instant at = Instant.parse("2024-05-01T08:00:00Z");
        publish("Pipeline talks resume in Baku", "<p>Energy ministers met about the " + word + " gas pipeline.</p>", at);
        publish("Ministers " + word, "<p>The pipeline talks were cancelled. Gas prices rose.</p>", at.plusSeconds(60));
        publish("Harvest festival", "<p>Farmers celebrate in " + word + " valley; no pipeline here, only apples.</p>", at.plusSeconds(120));
        Map<String, Object> draft = article("Unpublished " + word + " pipeline scoop", section, List.of());
        Newsroom.draft(draft);
    }

    @Test
    void everyWordMustMatchInTitleOrBody() {
        assertFound(word + " pipeline", "Harvest festival", "Ministers " + word, "Pipeline talks resume in Baku");
        assertFound(word + " apples", "Harvest festival");
        assertFound(word.toUpperCase() + " GAS", "Ministers " + word, "Pipeline talks resume in Baku");
    }

    @Test
    void quotedPhrasesMatchWordsInSequence() {
        assertFound(word + " \"gas pipeline\"", "Pipeline talks resume in Baku");
        assertFound(word + " \"pipeline gas\"");
    }

    @Test
    void aMinusExcludesAWord() {
        assertFound(word + " pipeline -apples", "Ministers " + word, "Pipeline talks resume in Baku");
    }

    @Test
    void orOffersAlternatives() {
        given().get("/api/v1/articles?section=" + section + "&q=" + word + " apples or " + word + " cancelled")
                .then().statusCode(200).body("items.title", containsInAnyOrder("Harvest festival", "Ministers " + word));
    }

    @Test
    void relevancePutsTitleMatchesFirst() {
        given().get("/api/v1/headlines?section=" + section + "&sort=relevance&limit=1&q=" + word)
                .then().statusCode(200).body("items.title", contains("Ministers " + word));
    }

    @Test
    void relevancePagesWithACursorLikeAnyList() {
        String next = given().get("/api/v1/headlines?section=" + section + "&sort=relevance&limit=2&q=" + word + " pipeline")
                .then().statusCode(200).extract().path("page.next");
        given().get("/api/v1/headlines?section=" + section + "&sort=relevance&limit=2&q=" + word + " pipeline&cursor=" + next)
                .then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1));
        given().get("/api/v1/headlines?section=" + section + "&sort=relevance&limit=2&q=other&cursor=" + next)
                .then().statusCode(400);
    }

    @Test
    void draftsAreNeverFound() {
        given().get("/api/v1/articles?q=unpublished " + word).then().statusCode(200).body("items", empty());
    }

    @Test
    void aQueryWithNothingToSearchForIsABadRequest() {
        given().get("/api/v1/articles?q=-" + word).then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/articles?q=" + "x".repeat(201)).then().statusCode(400);
    }

    private void publish(String title, String body, Instant at) {
        Map<String, Object> fields = article(title, section, List.of());
        fields.put("body", body);
        published(fields, at);
    }

    private void assertFound(String q, String... titles) {
        given().get("/api/v1/articles?section=" + section + "&q=" + q).then().statusCode(200)
                .body("items.title", containsInAnyOrder(titles));
    }
}
