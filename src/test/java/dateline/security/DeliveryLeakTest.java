package dateline.security;

import static dateline.support.Newsroom.unique;
import static dateline.support.Tokens.anonymous;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drafts, scheduled-but-not-due, archived, trashed and unpublished articles never reach delivery: not in
 * lists, headlines, feeds, search, related headlines, ninjs, nor by their slug. One published article
 * shares their section, tag and a search word, and lists them all as curated related items, so every
 * path has something to show and a chance to leak.
 */
@QuarkusTest
class DeliveryLeakTest {
    private String word;
    private String section;
    private String tag;
    private String visibleSlug;
    /** Each hidden article's state, by its id; the values of {@link #hiddenSlugs} in the same order. */
    private final Map<String, String> hidden = new LinkedHashMap<>();
    private final List<String> hiddenSlugs = new ArrayList<>();

    @BeforeEach
    void newsroomWithOneVisibleAndFiveHiddenArticles() {
        word = "leakprobe" + unique("w").substring(2).replace("-", "");
        section = Newsroom.section(unique("leak-desk"));
        tag = Newsroom.tag(unique("leak-tag"));
        hide("DRAFT", Newsroom.draft(content("Draft")));
        String scheduled = Newsroom.draft(content("Scheduled"));
        Newsroom.publish(scheduled, Instant.now().plus(Duration.ofDays(2)));
        hide("SCHEDULED", scheduled);
        String archived = Newsroom.published(content("Archived"), null);
        given().post("/api/v1/manage/articles/" + archived + "/archive").then().statusCode(200);
        hide("ARCHIVED", archived);
        String trashed = Newsroom.published(content("Trashed"), null);
        given().header("If-Match", Newsroom.etag(trashed)).delete("/api/v1/manage/articles/" + trashed).then().statusCode(204);
        hide("TRASHED", trashed);
        String unpublished = Newsroom.published(content("Unpublished"), null);
        given().post("/api/v1/manage/articles/" + unpublished + "/unpublish").then().statusCode(200);
        hide("UNPUBLISHED", unpublished);

        Map<String, Object> visible = content("Visible");
        visible.put("related", new ArrayList<>(hidden.keySet()));
        visibleSlug = Newsroom.slugOf(Newsroom.published(visible, null));
    }

    @Test
    void noListFeedSearchOrRelationShowsAHiddenArticle() {
        List<String> paths = List.of(
                "/api/v1/articles?tag=" + tag, "/api/v1/articles?section=" + section, "/api/v1/articles?q=" + word,
                "/api/v1/articles?q=" + word + "&sort=relevance", "/api/v1/articles?limit=100",
                "/api/v1/headlines?tag=" + tag, "/api/v1/headlines?section=" + section, "/api/v1/headlines?q=" + word,
                "/api/v1/feeds/rss?tag=" + tag, "/api/v1/feeds/atom?section=" + section, "/api/v1/feeds/json?tag=" + tag,
                "/api/v1/feeds/rss", "/api/v1/feeds/json",
                "/api/v1/articles/" + visibleSlug, "/api/v1/articles/" + visibleSlug + "/related?limit=50&explain=true");
        for (String path : paths) {
            String body = anonymous().get(path).then().statusCode(200).extract().asString();
            assertTrue(body.contains(visibleSlug) || path.endsWith("/related?limit=50&explain=true"),
                    path + " shows the published article, so the filter matched");
            assertHidesAll(path, body);
        }
        String ninjs = anonymous().accept("application/ninjs+json").get("/api/v1/articles/" + visibleSlug)
                .then().statusCode(200).extract().asString();
        assertHidesAll("ninjs", ninjs);
    }

    @Test
    void aHiddenArticleIsNotFoundOrGoneByItsSlugInEveryRepresentation() {
        int i = 0;
        for (Map.Entry<String, String> article : hidden.entrySet()) {
            String slug = hiddenSlugs.get(i++);
            int expected = article.getValue().equals("ARCHIVED") || article.getValue().equals("TRASHED") ? 410 : 404;
            anonymous().get("/api/v1/articles/" + slug).then().statusCode(expected)
                    .contentType("application/problem+json");
            anonymous().accept("application/ninjs+json").get("/api/v1/articles/" + slug).then().statusCode(expected);
            anonymous().get("/api/v1/articles/" + slug + "/related").then().statusCode(anyOf(equalTo(404), equalTo(410)));
            // The problem echoes the requested path, so only ids and content would be a leak here.
            assertHidesContent(slug, anonymous().get("/api/v1/articles/" + slug).asString());
        }
        assertEquals(5, i);
    }

    private void assertHidesAll(String where, String body) {
        assertHidesContent(where, body);
        for (String slug : hiddenSlugs) {
            assertTrue(!body.contains(slug), where + " leaks the slug " + slug);
        }
    }

    private void assertHidesContent(String where, String body) {
        for (String id : hidden.keySet()) {
            assertTrue(!body.contains(id), where + " leaks the " + hidden.get(id) + " article " + id);
        }
        for (String state : hidden.values()) {
            assertTrue(!body.contains(state + " " + word), where + " leaks the title of the " + state + " article");
        }
    }

    private void hide(String state, String id) {
        hidden.put(id, state);
        hiddenSlugs.add(Newsroom.slugOf(id));
    }

    private Map<String, Object> content(String state) {
        Map<String, Object> fields = Newsroom.article(state + " " + word, section, List.of(tag));
        fields.put("body", "<p>" + state + " " + word + " body text.</p>");
        return fields;
    }
}
