package dateline.feed;

import static dateline.support.Newsroom.article;
import static dateline.support.Newsroom.published;
import static dateline.support.Newsroom.slugOf;
import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * An article without an excerpt is shown with one made from the first sentences of its body, wherever
 * delivery shows an excerpt; an editor's excerpt always wins, and editors still see only what they wrote.
 */
@QuarkusTest
class GeneratedExcerptTest {
    private static final Instant AT = Instant.parse("2024-11-05T08:00:00Z");
    private static final String FIRST = "The city council approved the new tram line on Monday after a debate of nine hours.";
    private static final String SECOND = "Construction starts in spring and should take three years, the mayor said.";
    private static final String THIRD = "Opponents, who collected more than ten thousand signatures, say they will go to court.";
    private static final String BODY = "<h2>" + FIRST + "</h2><p><strong>" + SECOND + "</strong></p><p>" + THIRD + "</p>";
    private static final String EXPECTED = FIRST + " " + SECOND; // the third would pass 200 characters

    @Test
    void headlinesShowTheBodysFirstSentencesAsPlainText() {
        String section = withoutExcerpt(BODY);
        given().get("/api/v1/headlines?section=" + section).then().statusCode(200)
                .body("items[0].excerpt", equalTo(EXPECTED));
    }

    @Test
    void rssAtomAndJsonFeedSummariesAreTheGeneratedExcerpt() throws Exception {
        String section = withoutExcerpt(BODY);
        String rss = given().get("/api/v1/feeds/rss?section=" + section).then().statusCode(200).extract().asString();
        Channel channel = (Channel) new WireFeedInput().build(new InputSource(new StringReader(rss)));
        assertEquals(EXPECTED, channel.getItems().get(0).getDescription().getValue());

        String atom = given().get("/api/v1/feeds/atom?section=" + section).then().statusCode(200).extract().asString();
        SyndFeed feed = new SyndFeedInput().build(new InputSource(new StringReader(atom)));
        assertEquals(EXPECTED, feed.getEntries().get(0).getDescription().getValue());

        given().get("/api/v1/feeds/json?section=" + section).then().statusCode(200)
                .body("items[0].summary", equalTo(EXPECTED));
    }

    @Test
    void ninjsAndTheDeliveredArticleCarryItWhileEditorsSeeNoExcerpt() {
        String section = Newsroom.section(unique("teaser"));
        Map<String, Object> fields = article("Tram line", section, List.of());
        fields.put("body", BODY);
        String id = published(fields, AT);
        JsonPath ninjs = JsonPath.from(given().accept(NinjsResource.NINJS).get("/api/v1/articles/" + slugOf(id))
                .then().statusCode(200).extract().asString());
        assertEquals("summary", ninjs.getString("descriptions[0].role"));
        assertEquals(EXPECTED, ninjs.getString("descriptions[0].value"));
        given().get("/api/v1/articles/" + slugOf(id)).then().statusCode(200).body("excerpt", equalTo(EXPECTED));
        // Management shows the editor's field as written: an empty excerpt stays empty there.
        given().get("/api/v1/manage/articles/" + id).then().statusCode(200).body("excerpt", nullValue());
    }

    @Test
    void aLongSentenceIsCutOnAWordBoundaryWithinAbout200Characters() {
        String words = "Farmers from across the region drove their tractors into the capital on Tuesday morning and"
                + " blocked the main roads around the parliament building for several hours while ministers inside"
                + " debated the new rules on subsidies and water";
        String section = withoutExcerpt("<p>" + words + ".</p>");
        String excerpt = given().get("/api/v1/headlines?section=" + section).then().statusCode(200)
                .extract().path("items[0].excerpt");
        assertTrue(excerpt.length() <= 200 && excerpt.endsWith("\u2026"), excerpt);
        assertTrue(words.startsWith(excerpt.substring(0, excerpt.length() - 1) + " "), "whole words only: " + excerpt);
    }

    @Test
    void aShortBodyIsShownWhole() {
        String section = withoutExcerpt("<p>Short <em>and</em> sweet.</p>");
        given().get("/api/v1/headlines?section=" + section).then().body("items[0].excerpt", equalTo("Short and sweet."));
    }

    @Test
    void anEditorsExcerptWins() {
        String section = Newsroom.section(unique("teaser"));
        Map<String, Object> fields = article("Editor's words", section, List.of());
        fields.put("body", BODY);
        fields.put("excerpt", "Written by the desk.");
        published(fields, AT);
        given().get("/api/v1/headlines?section=" + section).then().body("items[0].excerpt", equalTo("Written by the desk."));
        given().get("/api/v1/feeds/json?section=" + section).then().body("items[0].summary", equalTo("Written by the desk."));
    }

    @Test
    void changingTheBodyOrRemovingTheExcerptChangesWhatIsShown() {
        String section = Newsroom.section(unique("teaser"));
        Map<String, Object> fields = article("Changing story", section, List.of());
        fields.put("body", "<p>First version.</p>");
        fields.put("excerpt", "Desk excerpt.");
        String id = published(fields, AT);
        patch(id, "{\"excerpt\": null}");
        given().get("/api/v1/headlines?section=" + section).then().body("items[0].excerpt", equalTo("First version."));
        patch(id, "{\"body\": \"<p>Second version, corrected.</p>\"}");
        given().get("/api/v1/headlines?section=" + section).then().body("items[0].excerpt", equalTo("Second version, corrected."));
    }

    @Test
    void withNeitherExcerptNorBodyTheExcerptIsNullButPresent() {
        String section = withoutExcerpt(null);
        given().get("/api/v1/headlines?section=" + section).then().statusCode(200)
                .body("items[0].containsKey('excerpt')", equalTo(true)).body("items[0].excerpt", nullValue());
    }

    /** Publishes an article with this body and no excerpt in a section of its own; returns the section. */
    private static String withoutExcerpt(String body) {
        String section = Newsroom.section(unique("teaser"));
        Map<String, Object> fields = article("Story " + section, section, List.of());
        if (body != null) {
            fields.put("body", body);
        }
        published(fields, AT);
        return section;
    }

    private static void patch(String id, String json) {
        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(id)).body(json)
                .patch("/api/v1/manage/articles/" + id).then().statusCode(200);
    }
}
