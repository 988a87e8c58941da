package dateline.feed;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Searches in date order page through every match exactly once, whether the word is in most recent
 * articles or only in old ones. The archive here is larger than the walk a date-ordered search makes
 * before it asks the index (RecentMatches on PostgreSQL), with a gap of 300 articles without
 * the word between its recent matches and an old one: a page that stopped at the walk's end would lose it.
 * Matches months and years apart, behind a burst of newer articles without the word, are found month by
 * month and, past three years, among all of the word's matches.
 */
@QuarkusTest
class SearchPagingTest {
    private static final int RECENT = 30;
    private static final int GAP = 300;
    private String common;
    private String rare;

    @BeforeEach
    void archive() {
        String run = unique("p").replace("-", "");
        common = "zqcommon" + run;
        rare = "zqrare" + run;
        Instant oldest = Instant.parse("2025-01-01T00:00:00Z");
        StringBuilder ndjson = new StringBuilder();
        line(ndjson, "Old story with " + rare + " and " + common, oldest);
        for (int i = 0; i < GAP; i++) {
            line(ndjson, "Other story " + run + " number " + i, oldest.plusSeconds(3600 + i * 60L));
        }
        for (int i = 0; i < RECENT; i++) {
            line(ndjson, "Story " + common + " number " + i, oldest.plusSeconds(86_400 + i * 60L));
        }
        given().contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/manage/import").then().statusCode(200).body("created", equalTo(1 + GAP + RECENT));
    }

    private static void line(StringBuilder ndjson, String title, Instant at) {
        ndjson.append("{\"title\":\"").append(title).append("\",\"body\":\"<p>").append(title)
                .append(".</p>\",\"status\":\"PUBLISHED\",\"publishedAt\":\"").append(at).append("\"}\n");
    }

    @Test
    void aWordOnlyInAnOldArticleIsFoundBehindHundredsOfNewerOnes() {
        given().get("/api/v1/articles?q=" + rare).then().statusCode(200)
                .body("items.title", contains("Old story with " + rare + " and " + common));
    }

    @Test
    void newestFirstPagesThroughEveryMatchOnceInOrder() {
        List<String> titles = pages("/api/v1/headlines?limit=20&q=" + common);
        List<String> expected = new ArrayList<>();
        for (int i = RECENT - 1; i >= 0; i--) {
            expected.add("Story " + common + " number " + i);
        }
        expected.add("Old story with " + rare + " and " + common);
        assertEquals(expected, titles);
    }

    @Test
    void oldestFirstStartsWithTheOldestMatch() {
        given().get("/api/v1/headlines?limit=3&sort=publishedAt&q=" + common).then().statusCode(200)
                .body("items.title", contains("Old story with " + rare + " and " + common,
                        "Story " + common + " number 0", "Story " + common + " number 1"));
    }

    @Test
    void matchesMonthsAndYearsApartBehindABurstOfNewerArticlesComeInOrder() {
        String run = unique("m").replace("-", "");
        String word = "zqmonths" + run;
        Instant now = Instant.now();
        List<Integer> daysAgo = List.of(40, 41, 100, 101, 300, 5 * 365);
        StringBuilder ndjson = new StringBuilder();
        for (int days : daysAgo) {
            line(ndjson, "Story " + word + " " + days + " days ago", now.minus(Duration.ofDays(days)));
        }
        for (int i = 0; i < GAP; i++) {
            line(ndjson, "Burst " + run + " number " + i, now.minus(Duration.ofDays(1)).minusSeconds(i * 60L));
        }
        given().contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/manage/import").then().statusCode(200).body("created", equalTo(daysAgo.size() + GAP));

        List<String> newestFirst = daysAgo.stream().map(days -> "Story " + word + " " + days + " days ago").toList();
        assertEquals(newestFirst, pages("/api/v1/headlines?limit=2&q=" + word));
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        assertEquals(oldestFirst, pages("/api/v1/headlines?limit=2&sort=publishedAt&q=" + word));
    }

    @Test
    void anArticlePublishedAgainUnderAnotherDateIsFoundInItsNewMonthOnly() {
        String run = unique("r").replace("-", "");
        String word = "zqredated" + run;
        Instant now = Instant.now();
        StringBuilder ndjson = new StringBuilder();
        for (int days : List.of(150, 250)) {
            line(ndjson, "Story " + word + " " + days + " days ago", now.minus(Duration.ofDays(days)));
        }
        for (int i = 0; i < GAP; i++) {
            line(ndjson, "Burst " + run + " number " + i, now.minus(Duration.ofDays(1)).minusSeconds(i * 60L));
        }
        given().contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/manage/import").then().statusCode(200);
        String redated = Newsroom.draft(Map.of("title", "Redated " + word, "body", "<p>Filed once, dated twice.</p>"));
        Newsroom.publish(redated, now.minus(Duration.ofDays(100)));
        assertEquals(List.of("Redated " + word, "Story " + word + " 150 days ago", "Story " + word + " 250 days ago"),
                pages("/api/v1/headlines?limit=1&q=" + word));

        given().post("/api/v1/manage/articles/" + redated + "/unpublish").then().statusCode(200);
        assertEquals(List.of("Story " + word + " 150 days ago", "Story " + word + " 250 days ago"),
                pages("/api/v1/headlines?limit=1&q=" + word));
        Newsroom.publish(redated, now.minus(Duration.ofDays(200)));
        assertEquals(List.of("Story " + word + " 150 days ago", "Redated " + word, "Story " + word + " 250 days ago"),
                pages("/api/v1/headlines?limit=1&q=" + word));
        assertEquals(List.of("Story " + word + " 250 days ago", "Redated " + word, "Story " + word + " 150 days ago"),
                pages("/api/v1/headlines?limit=1&sort=publishedAt&q=" + word));
    }

    private static List<String> pages(String first) {
        List<String> titles = new ArrayList<>();
        String url = first;
        while (url != null) {
            JsonPath page = given().get(url).then().statusCode(200).extract().jsonPath();
            titles.addAll(page.getList("items.title"));
            String next = page.getString("page.next");
            url = next == null ? null : first + "&cursor=" + next;
        }
        return titles;
    }
}
