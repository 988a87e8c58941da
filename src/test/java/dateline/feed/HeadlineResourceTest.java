package dateline.feed;

import static dateline.support.Newsroom.article;
import static dateline.support.Newsroom.published;
import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HeadlineResourceTest {
    private static final Instant DAY = Instant.parse("2024-03-01T10:00:00Z");

    @Test
    void headlineItemsCarryOnlyTheCompactFields() {
        String section = Newsroom.section(unique("desk"));
        Map<String, Object> fields = article("Compact headline", section, List.of());
        fields.put("excerpt", "Short");
        fields.put("imageUrl", "https://img.example.org/a.jpg");
        fields.put("body", "<p>Long body that headlines leave out</p>");
        published(fields, DAY);
        Map<String, Object> item = given().get("/api/v1/headlines?section=" + section)
                .then().statusCode(200).extract().path("items[0]");
        assertEquals(Set.of("id", "slug", "title", "publishedAt", "section", "excerpt", "imageUrl", "thumbnailUrl", "locale", "translationGroup"), item.keySet());
        assertEquals(Map.of("slug", section, "name", section.toUpperCase()), item.get("section"));
    }

    @Test
    void everyHeadlineFieldIsPresentAndNullWhenEmpty() {
        // Typed clients see one shape: no image, excerpt, body or section is null, never a missing member.
        String author = Newsroom.author(unique("writer"));
        published(Map.of("title", "No picture, no section", "authors", List.of(author)), DAY);
        Map<String, Object> item = given().get("/api/v1/headlines?author=" + author).then().statusCode(200)
                .extract().path("items[0]");
        assertEquals(Set.of("id", "slug", "title", "publishedAt", "section", "excerpt", "imageUrl", "thumbnailUrl", "locale", "translationGroup"), item.keySet());
        assertEquals(null, item.get("imageUrl"));
        assertEquals(null, item.get("thumbnailUrl"));
        assertEquals(null, item.get("section"));
        assertEquals(null, item.get("excerpt"));
    }

    @Test
    void filtersBySectionTagsAuthorLocaleAndDates() {
        String section = Newsroom.section(unique("desk"));
        String red = Newsroom.tag(unique("red"));
        String blue = Newsroom.tag(unique("blue"));
        String author = Newsroom.author(unique("writer"));
        published(article("Red only", section, List.of(red)), DAY);
        published(article("Blue only", section, List.of(blue)), DAY.plusSeconds(86_400));
        Map<String, Object> both = article("Red and blue", section, List.of(red, blue));
        both.put("authors", List.of(author));
        both.put("locale", "pt-BR");
        published(both, DAY.plusSeconds(2 * 86_400));

        assertTitles("section=" + section, "Red and blue", "Blue only", "Red only");
        assertTitles("section=" + section + "&tag=" + red, "Red and blue", "Red only");
        assertTitles("section=" + section + "&tag=" + red + "&tag=" + blue, "Red and blue", "Blue only", "Red only");
        assertTitles("section=" + section + "&tag=" + red + "&tag=" + blue + "&tagMode=all", "Red and blue");
        assertTitles("section=" + section + "&author=" + author, "Red and blue");
        assertTitles("section=" + section + "&locale=pt-BR", "Red and blue");
        assertTitles("section=" + section + "&since=2024-03-02", "Red and blue", "Blue only");
        assertTitles("section=" + section + "&until=2024-03-02", "Blue only", "Red only");
        assertTitles("section=" + section + "&since=2024-03-02T10:00:00Z&until=2024-03-02T10:00:00Z", "Blue only");
        assertTitles("section=" + section + "&sort=publishedAt", "Red only", "Blue only", "Red and blue");
    }

    @Test
    void unknownFilterValuesGiveAnEmptyList() {
        given().get("/api/v1/headlines?section=" + unique("no-such-section")).then().statusCode(200)
                .body("items", empty()).body("page.next", nullValue());
        given().get("/api/v1/headlines?tag=" + unique("no-such-tag")).then().statusCode(200).body("items", empty());
        given().get("/api/v1/articles?author=" + unique("nobody")).then().statusCode(200).body("items", empty());
    }

    @Test
    void malformedParametersAreBadRequests() {
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "since=yesterday", "until=2024-13-01",
                "tagMode=some", "sort=title", "sort=relevance", "locale=not_a_tag", "cursor=garbage",
                "since=2024-03-02&until=2024-03-01")) {
            given().get("/api/v1/headlines?" + query).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", matchesPattern("urn:dateline:problem:invalid-(parameter|cursor)"));
        }
    }

    @Test
    void fieldsSelectsTheMembersOfArticleItems() {
        String section = Newsroom.section(unique("desk"));
        published(article("Sparse", section, List.of()), DAY);
        Map<String, Object> item = given().get("/api/v1/articles?fields=title,slug,publishedAt&section=" + section)
                .then().statusCode(200).extract().path("items[0]");
        assertEquals(Set.of("title", "slug", "publishedAt"), item.keySet());
        given().get("/api/v1/articles?fields=title,password").then().statusCode(400)
                .body("violations[0].field", equalTo("fields"));
    }

    @Test
    void pagesCarryANextCursorAndALinkHeader() {
        String section = Newsroom.section(unique("desk"));
        for (int i = 0; i < 3; i++) {
            published(article("Paged " + i, section, List.of()), DAY.plusSeconds(i));
        }
        var first = given().get("/api/v1/headlines?limit=2&section=" + section).then().statusCode(200).extract();
        String next = first.path("page.next");
        assertTrue(first.header("Link").matches("<http://[^>]+/api/v1/headlines\\?.*cursor=.+>; rel=\"next\""), first.header("Link"));
        given().get("/api/v1/headlines?limit=2&section=" + section + "&cursor=" + next).then().statusCode(200)
                .body("items.title", contains("Paged 0")).body("page.next", nullValue());
    }

    @Test
    void aCursorWhoseLastCharacterDiffersOnlyInUnusedBitsIsRefused() {
        String section = Newsroom.section(unique("desk"));
        for (int i = 0; i < 2; i++) {
            published(article("Strict " + i, section, List.of()), DAY.plusSeconds(i));
        }
        String next = given().get("/api/v1/headlines?limit=1&section=" + section).then().statusCode(200).extract().path("page.next");
        // The 16-byte signature ends in a character of which base64 uses only the top two bits.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = next.charAt(next.length() - 1);
        String sameBytes = next.substring(0, next.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        given().get("/api/v1/headlines?limit=1&section=" + section + "&cursor=" + sameBytes).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:dateline:problem:invalid-cursor"));
        given().get("/api/v1/headlines?limit=1&section=" + section + "&cursor=" + next).then().statusCode(200)
                .body("items.title", contains("Strict 0"));
    }

    @Test
    void cursorPagingNeitherSkipsNorRepeatsWhileNewArticlesArePublished() {
        String section = Newsroom.section(unique("desk"));
        Set<String> original = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            original.add(published(article("Before " + i, section, List.of()), DAY.plusSeconds(i * 60L)));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int round = 0;
        do {
            JsonPath page = given().get("/api/v1/headlines?limit=3&section=" + section + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("page.next");
            // News breaks between page requests: newer articles must not shift what the next page holds.
            published(article("Breaking " + round++, section, List.of()), Instant.now());
        } while (cursor != null);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no item repeated");
        assertTrue(seen.containsAll(original), "no original item skipped");
    }

    @Test
    void draftsNeverReachHeadlines() {
        String section = Newsroom.section(unique("desk"));
        Newsroom.draft(article("Secret draft", section, List.of()));
        given().get("/api/v1/headlines?section=" + section).then().statusCode(200).body("items", hasSize(0));
    }

    private static void assertTitles(String query, String... titles) {
        given().get("/api/v1/headlines?" + query).then().statusCode(200).body("items.title", contains(titles));
        given().get("/api/v1/articles?" + query).then().statusCode(200).body("items.title", containsInAnyOrder(titles));
    }

    @Test
    void aTagListPagesTheSameWhicheverQueryServesIt() {
        String a = Newsroom.tag(unique("timeline-a"));
        String b = Newsroom.tag(unique("timeline-b"));
        Instant at = Instant.parse("2023-02-01T08:00:00Z");
        List<String> expected = new ArrayList<>();
        expected.add(published(article("Both tags", null, List.of(a, b)), at));
        expected.add(published(article("Only a", null, List.of(a)), at.plusSeconds(60)));
        expected.add(published(article("Only b", null, List.of(b)), at.plusSeconds(60))); // the same instant: ids decide
        expected.add(published(article("Later a", null, List.of(a)), at.plusSeconds(120)));
        expected.add(published(article("Later b", null, List.of(b)), at.plusSeconds(180)));
        Newsroom.draft(Map.of("title", "A draft with both", "tags", List.of(a, b)));

        for (String sort : List.of("-publishedAt", "publishedAt")) {
            String list = "/api/v1/headlines?limit=2&sort=" + sort + "&tag=" + a + "&tag=" + b;
            // With a locale the general query serves the list; without, the tag timeline does.
            List<String> general = walk(list + "&locale=en");
            List<String> timeline = walk(list);
            assertEquals(general, timeline, sort);
            assertEquals(5, new HashSet<>(timeline).size(), "each published article once, no draft: " + timeline);
            assertTrue(timeline.containsAll(expected));
        }
        assertEquals(List.of(expected.get(1), expected.get(2)).stream().sorted().toList(),
                walk("/api/v1/headlines?tag=" + a + "&tag=" + b + "&since=" + at.plusSeconds(60) + "&until=" + at.plusSeconds(61))
                        .stream().sorted().toList(), "dates narrow the timeline too");
    }

    /** Every id of a list, following its cursors to the end. */
    private static List<String> walk(String url) {
        List<String> ids = new ArrayList<>();
        String next = url;
        while (next != null) {
            JsonPath page = given().get(next).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            String cursor = page.getString("page.next");
            next = cursor == null ? null : url + "&cursor=" + cursor;
        }
        return ids;
    }
}
