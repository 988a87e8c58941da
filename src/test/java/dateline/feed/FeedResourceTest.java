package dateline.feed;

import static dateline.support.Newsroom.article;
import static dateline.support.Newsroom.published;
import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import dateline.support.Newsroom;
import dateline.support.Schemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

@QuarkusTest
class FeedResourceTest {
    private static final Instant AT = Instant.parse("2024-09-01T06:30:00Z");

    @Test
    void rssIsValidRss2WithAbsoluteLinksRfc822DatesAndStableGuids() throws Exception {
        String section = Newsroom.section(unique("feed"));
        String id = published(withBody(article("Tricky <b>&\"title\"", section, List.of()), "<p>Body &amp; more</p>"), AT);
        String xml = given().get("/api/v1/feeds/rss?section=" + section).then().statusCode(200)
                .contentType("application/rss+xml").extract().asString();
        Channel channel = (Channel) new WireFeedInput().build(new InputSource(new StringReader(xml)));
        assertEquals("2.0", channel.getFeedType().replace("rss_", ""));
        assertNotNull(channel.getTitle());
        assertTrue(channel.getLink().startsWith("http://"), channel.getLink());
        assertNotNull(channel.getDescription());
        Item item = channel.getItems().get(0);
        assertEquals("Tricky <b>&\"title\"", item.getTitle());
        assertTrue(item.getLink().matches("http://[^/]+/api/v1/articles/tricky-b-title"), item.getLink());
        assertEquals("urn:uuid:" + id, item.getGuid().getValue());
        assertFalse(item.getGuid().isPermaLink());
        assertEquals(AT, item.getPubDate().toInstant());
        assertTrue(xml.contains("<pubDate>Sun, 01 Sep 2024 06:30:00 GMT</pubDate>"), "RFC 822 date");
        String again = given().get("/api/v1/feeds/rss?section=" + section).then().extract().asString();
        assertTrue(again.contains("<guid isPermaLink=\"false\">urn:uuid:" + id + "</guid>"));
    }

    @Test
    void atomIsValidAtomWithIdsUpdatedAndEscapedContent() throws Exception {
        String section = Newsroom.section(unique("feed"));
        String tag = Newsroom.tag(unique("topic"));
        String id = published(withBody(article("Atom <entry>", section, List.of(tag)), "<p>5 &lt; 6</p>"), AT);
        published(article("Other tag", section, List.of()), AT.plusSeconds(5));
        String xml = given().get("/api/v1/feeds/atom?tag=" + tag).then().statusCode(200)
                .contentType("application/atom+xml").extract().asString();
        SyndFeed feed = new SyndFeedInput().build(new InputSource(new StringReader(xml)));
        assertEquals("atom_1.0", feed.getFeedType());
        assertNotNull(feed.getUri());
        assertNotNull(feed.getPublishedDate(), "feed updated");
        assertEquals(1, feed.getEntries().size());
        SyndEntry entry = feed.getEntries().get(0);
        assertEquals("urn:uuid:" + id, entry.getUri());
        assertEquals("Atom <entry>", entry.getTitle());
        assertNotNull(entry.getUpdatedDate());
        assertEquals("<p>5 &lt; 6</p>", entry.getContents().get(0).getValue());
        assertTrue(entry.getLink().startsWith("http://"));
    }

    @Test
    void jsonFeedIsValidAgainstTheJsonFeedSchema() {
        String section = Newsroom.section(unique("feed"));
        String author = Newsroom.author(unique("writer"));
        Map<String, Object> fields = withBody(article("Json feed item", section, List.of()), "<p>Hello</p>");
        fields.put("authors", List.of(author));
        String id = published(fields, AT);
        String json = given().get("/api/v1/feeds/json?section=" + section).then().statusCode(200)
                .contentType("application/feed+json").extract().asString();
        assertEquals("", Schemas.problems(Schemas.JSON_FEED_1_1, json));
        JsonPath feed = JsonPath.from(json);
        assertEquals("https://jsonfeed.org/version/1.1", feed.getString("version"));
        assertEquals("urn:uuid:" + id, feed.getString("items[0].id"));
        assertEquals("<p>Hello</p>", feed.getString("items[0].content_html"));
        assertEquals(AT.toString(), feed.getString("items[0].date_published"));
        assertEquals(author.toUpperCase(), feed.getString("items[0].authors[0].name"));
        assertTrue(feed.getString("feed_url").startsWith("http://"));
    }

    @Test
    void draftsNeverReachAnyFeedAndUnknownFiltersGiveEmptyFeeds() {
        String section = Newsroom.section(unique("feed"));
        Newsroom.draft(article("Draft for no feed", section, List.of()));
        for (String format : List.of("rss", "atom", "json")) {
            String body = given().get("/api/v1/feeds/" + format + "?section=" + section).then().statusCode(200).extract().asString();
            assertFalse(body.contains("Draft for no feed"), format);
            given().get("/api/v1/feeds/" + format + "?tag=" + unique("none")).then().statusCode(200);
            given().get("/api/v1/feeds/" + format + "?limit=0").then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void controlCharactersAnEditorPastesInAreRefusedSoTheyNeverBreakTheXmlFeeds() throws Exception {
        String section = Newsroom.section(unique("feed"));
        given().contentType(io.restassured.http.ContentType.JSON).body(article("Bell\u0007 in the \u0001title", section, List.of()))
                .post("/api/v1/manage/articles").then().statusCode(422)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("title"))
                .body("violations[0].message", org.hamcrest.Matchers.equalTo("must not contain control characters"));
        published(article("Bell in the title", section, List.of()), AT);
        for (String format : List.of("rss", "atom")) {
            String xml = given().get("/api/v1/feeds/" + format + "?section=" + section).then().statusCode(200).extract().asString();
            SyndFeed feed = new SyndFeedInput().build(new InputSource(new StringReader(xml)));
            assertEquals(1, feed.getEntries().size());
        }
    }

    @Test
    void feedsHoldTheNewestFiftyByDefault() {
        JsonPath feed = given().get("/api/v1/feeds/json").then().statusCode(200).extract().jsonPath();
        assertTrue(feed.getList("items").size() <= 50);
        List<String> dates = feed.getList("items.date_published");
        for (int i = 1; i < dates.size(); i++) {
            assertTrue(dates.get(i - 1).compareTo(dates.get(i)) >= 0, "newest first");
        }
    }

    private static Map<String, Object> withBody(Map<String, Object> fields, String body) {
        fields.put("body", body);
        return fields;
    }
}
