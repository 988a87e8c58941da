package dateline.common.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /q/metrics tells operators request rate and latency per route, pool use and the cache hit rate. */
@QuarkusTest
class MetricsTest {

    @Test
    void requestLatencyIsAHistogramPerRouteTemplate() {
        String slug = Newsroom.slugOf(Newsroom.published(Newsroom.article("Metered story", null, List.of()), null));
        given().get("/api/v1/articles/" + slug).then().statusCode(200);
        given().get("/api/v1/articles/no-such-story").then().statusCode(404);
        String probe = Newsroom.unique("probe");
        given().get("/wp-admin/" + probe).then().statusCode(404);

        String metrics = metrics();
        assertTrue(hasLine(metrics, "http_server_requests_seconds_bucket{", "uri=\"/api/v1/articles/{slug}\"", "status=\"200\"", "le=\"0.05\""),
                "a latency bucket for the route template, not one series per slug");
        assertTrue(hasLine(metrics, "http_server_requests_seconds_count{", "uri=\"/api/v1/articles/{slug}\"", "status=\"404\""),
                "errors are counted per route and status");
        assertTrue(!metrics.contains(slug) && !metrics.contains(probe),
                "neither a concrete slug nor a scanner's made-up path becomes a label");
    }

    @Test
    void theConnectionPoolIsVisible() {
        String metrics = metrics();
        for (String gauge : List.of("agroal_active_count{", "agroal_available_count{", "agroal_awaiting_count{", "agroal_max_used_count{")) {
            assertTrue(hasLine(metrics, gauge, "datasource=\"default\""), gauge + " is published");
        }
    }

    @Test
    void responseCacheHitsAndMissesAreCounted() {
        String url = "/api/v1/headlines?limit=3&section=" + Newsroom.unique("metrics");
        double hits = cacheGets("hit");
        double misses = cacheGets("miss");

        given().get(url).then().statusCode(200); // rendered and stored
        given().get(url).then().statusCode(200); // served from memory
        given().get(url).then().statusCode(200);

        assertEquals(hits + 2, cacheGets("hit"));
        assertEquals(misses + 1, cacheGets("miss"));
        assertTrue(hasLine(metrics(), "cache_size{", "cache=\"responses\""), "the cache's size is published");
    }

    @Test
    void theBytesTheResponseCacheHoldsAndMayHoldArePublished() {
        given().get("/api/v1/headlines?limit=2&section=" + Newsroom.unique("bytes")).then().statusCode(200);

        String metrics = metrics();
        double capacity = gauge(metrics, "dateline_cache_capacity_bytes");
        double used = gauge(metrics, "dateline_cache_used_bytes");
        assertEquals(Runtime.getRuntime().maxMemory() / 4, capacity, "unset, the cache may use a quarter of the heap");
        assertTrue(used > 0 && used <= capacity, "a stored response counts against it: " + used);
    }

    @Test
    void aWriteEmptiesTheCacheSoItsEntriesNoLongerCountAsHits() {
        String url = "/api/v1/headlines?limit=2&tag=" + Newsroom.unique("metrics");
        given().get(url).then().statusCode(200);
        given().get(url).then().statusCode(200);
        double hits = cacheGets("hit");

        Newsroom.section(Newsroom.unique("metrics-write"));
        given().get(url).then().statusCode(200); // rendered afresh: a miss

        assertEquals(hits, cacheGets("hit"));
    }

    @Test
    void editingADraftLeavesCachedPublicResponsesInPlaceAndPublishingDropsThem() {
        String tag = Newsroom.tag(Newsroom.unique("metrics"));
        String url = "/api/v1/headlines?limit=2&tag=" + tag;
        given().get(url).then().statusCode(200);
        String draft = Newsroom.draft(java.util.Map.of("title", "Not out yet", "tags", List.of(tag)));
        given().contentType(io.restassured.http.ContentType.JSON).header("If-Match", Newsroom.etag(draft))
                .body(java.util.Map.of("title", "Still not out", "tags", List.of(tag))).put("/api/v1/manage/articles/" + draft).then().statusCode(200);
        double hits = cacheGets("hit");
        given().get(url).then().statusCode(200); // delivery cannot see drafts: still served from memory
        assertEquals(hits + 1, cacheGets("hit"));

        given().post("/api/v1/manage/articles/" + draft + "/publish").then().statusCode(200);
        given().get(url).then().statusCode(200); // a publication: rendered afresh
        assertEquals(hits + 1, cacheGets("hit"));
    }

    @Test
    void importedLinesAreCountedByOutcomeAndDryRunsAreNot() {
        double created = importLines("created");
        double rejected = importLines("rejected");
        String run = Newsroom.unique("metered-import");
        String file = "{\"title\":\"Metered " + run + " one\"}\n{\"title\":\"Metered " + run + " two\"}\n{\"title\": \n";
        given().contentType("application/x-ndjson").body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/manage/import?dryRun=true").then().statusCode(200);
        assertEquals(created, importLines("created"));
        given().contentType("application/x-ndjson").body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/manage/import").then().statusCode(200);
        assertEquals(created + 2, importLines("created"));
        assertEquals(rejected + 1, importLines("rejected"));
    }

    private static double importLines(String outcome) {
        Matcher m = Pattern.compile("(?m)^dateline_import_lines_total\\{(?=[^}]*outcome=\"" + outcome + "\")[^}]*} (\\S+)$").matcher(metrics());
        assertTrue(m.find(), "dateline_import_lines_total for " + outcome + " is published");
        return Double.parseDouble(m.group(1));
    }

    private static double cacheGets(String result) {
        Matcher m = Pattern.compile("(?m)^cache_gets_total\\{(?=[^}]*cache=\"responses\")(?=[^}]*result=\"" + result + "\")[^}]*} (\\S+)$")
                .matcher(metrics());
        assertTrue(m.find(), "cache_gets_total for " + result + " is published");
        return Double.parseDouble(m.group(1));
    }

    private static double gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertTrue(m.find(), name + " is published");
        return Double.parseDouble(m.group(1));
    }

    private static boolean hasLine(String metrics, String start, String... contains) {
        return metrics.lines().anyMatch(line -> line.startsWith(start) && List.of(contains).stream().allMatch(line::contains));
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
