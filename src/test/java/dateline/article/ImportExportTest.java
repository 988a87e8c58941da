package dateline.article;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportExportTest {

    @Test
    void eachLineIsReportedAndValidLinesAreStoredWhenOthersAreRejected() {
        String section = Newsroom.section(unique("imp"));
        String ext = unique("legacy");
        String file = String.join("\n",
                "{\"externalId\":\"" + ext + ":1\",\"title\":\"Imported one\",\"section\":\"" + section + "\",\"status\":\"PUBLISHED\",\"publishedAt\":\"2023-01-02T03:04:05Z\"}",
                "{\"externalId\":\"" + ext + ":2\",\"title\": ",
                "{\"externalId\":\"" + ext + ":3\",\"body\":\"<p>No title</p>\"}",
                "",
                "{\"externalId\":\"" + ext + ":4\",\"title\":\"Nowhere\",\"section\":\"" + unique("no-such") + "\"}",
                "{\"externalId\":\"" + ext + ":5\",\"title\":\"Imported five\",\"titel\":\"typo\"}",
                "{\"externalId\":\"" + ext + ":1\",\"title\":\"Imported one\",\"section\":\"" + section + "\",\"status\":\"PUBLISHED\",\"publishedAt\":\"2023-01-02T03:04:05Z\"}");
        importing(file, "").statusCode(200)
                .body("created", equalTo(1)).body("unchanged", equalTo(1)).body("rejected", equalTo(4))
                .body("lines.line", contains(1, 2, 3, 5, 6, 7))
                .body("lines.outcome", contains("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "UNCHANGED"))
                .body("lines[1].problem.type", equalTo("urn:dateline:problem:malformed-json"))
                .body("lines[2].problem.violations.field", hasItem("title"))
                .body("lines[3].problem.violations.field", hasItem("section"))
                .body("lines[4].problem.violations.field", hasItem("titel"));
        given().get("/api/v1/articles?section=" + section).then()
                .body("items.title", contains("Imported one")).body("items[0].publishedAt", equalTo("2023-01-02T03:04:05Z"));
    }

    @Test
    void reimportingTheSameFileChangesNothingAndAChangedLineUpdates() {
        String ext = unique("again");
        String line = "{\"externalId\":\"" + ext + "\",\"title\":\"Same again\",\"body\":\"<p>Body</p>\",\"tags\":[]}";
        String id = importing(line, "").body("created", equalTo(1)).extract().path("lines[0].id");
        importing(line, "").body("unchanged", equalTo(1)).body("lines[0].id", equalTo(id));
        given().get("/api/v1/manage/articles/" + id).then().body("version", equalTo(0));
        importing(line.replace("Same again", "Changed"), "").body("updated", equalTo(1));
        given().get("/api/v1/manage/articles/" + id).then().body("title", equalTo("Changed")).body("version", equalTo(1));
        given().get("/api/v1/manage/articles/" + id + "/revisions").then().body("items[0].actor", equalTo("admin"));
    }

    @Test
    void createMissingMakesTermsAndDryRunStoresNothing() {
        String section = unique("fresh-desk");
        String tag = unique("fresh-tag");
        String line = "{\"title\":\"With new terms\",\"section\":\"" + section + "\",\"tags\":[\"" + tag + "\"],\"authors\":[\"" + unique("fresh-writer") + "\"]}";
        importing(line, "?createMissing=true&dryRun=true").body("dryRun", equalTo(true)).body("created", equalTo(1));
        given().get("/api/v1/sections/" + section).then().statusCode(404);
        importing(line, "").body("rejected", equalTo(1));
        importing(line, "?createMissing=true").body("created", equalTo(1));
        given().get("/api/v1/sections/" + section).then().statusCode(200);
        given().get("/api/v1/tags/" + tag).then().statusCode(200);
    }

    @Test
    void aLineRefusedAmongNewArticlesStoresNothingNotEvenItsNewTag() {
        String taken = unique("taken-slug");
        Newsroom.draft(Map.of("title", "Has the slug", "slug", taken));
        String tag = unique("orphan-tag");
        String run = unique("batch");
        String file = "{\"externalId\":\"" + run + ":1\",\"title\":\"Batch one\"}\n"
                + "{\"externalId\":\"" + run + ":2\",\"title\":\"Batch two\",\"slug\":\"" + taken + "\",\"tags\":[\"" + tag + "\"]}\n"
                + "{\"externalId\":\"" + run + ":3\",\"title\":\"Batch three\"}\n";
        importing(file, "?createMissing=true")
                .body("created", equalTo(2)).body("rejected", equalTo(1))
                .body("lines.outcome", contains("CREATED", "REJECTED", "CREATED"))
                .body("lines[1].problem.type", equalTo("urn:dateline:problem:slug-taken"));
        given().get("/api/v1/tags/" + tag).then().statusCode(404);
        given().get("/api/v1/manage/articles/" + importing(file, "").extract().path("lines[2].id")).then()
                .body("title", equalTo("Batch three")).body("version", equalTo(0));
    }

    @Test
    void relatedIdsMayPointFurtherDownTheFile() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String file = "{\"id\":\"" + first + "\",\"title\":\"Points forward\",\"related\":[\"" + second + "\",\"" + UUID.randomUUID() + "\"]}\n"
                + "{\"id\":\"" + second + "\",\"title\":\"Pointed at\"}\n";
        importing(file, "").body("created", equalTo(2)).body("lines[0].warnings.size()", equalTo(1));
        given().get("/api/v1/manage/articles/" + first).then().body("related", contains(second.toString()));
    }

    @Test
    void exportThenImportReproducesTheSameContent() {
        String section = Newsroom.section(unique("trip"));
        String tag = Newsroom.tag(unique("trip"));
        String a = Newsroom.published(Map.of("title", "Round trip A", "section", section, "tags", List.of(tag),
                "body", "<p>Alpha &amp; omega</p>"), Instant.parse("2022-05-05T05:05:05Z"));
        String b = Newsroom.draft(Map.of("title", "Round trip B", "section", section, "related", List.of(a), "locale", "pt-BR"));
        given().post("/api/v1/manage/articles/" + a + "/archive").then().statusCode(200);
        String before = linesOf(export(), List.of(a, b));

        for (String id : List.of(b, a)) {
            given().header("If-Match", Newsroom.etag(id)).delete("/api/v1/manage/articles/" + id + "?purge=true").then().statusCode(204);
        }
        assertTrue(!export().contains(a) && !export().contains(b), "gone before the import");
        importing(before, "").body("created", equalTo(2)).body("rejected", equalTo(0));

        assertEquals(before, linesOf(export(), List.of(a, b)));
        given().get("/api/v1/manage/articles/" + b).then().body("related", contains(a)).body("locale", equalTo("pt-BR"));
        given().get("/api/v1/manage/articles/" + a).then().body("status", equalTo("ARCHIVED"));
    }

    @Test
    void aLargeFileWrittenBySeveralWritersKeepsEveryLineAndTheLastWordOnEachArticle() {
        String run = unique("bulk");
        Newsroom.section(run + "-desk");
        for (int t = 0; t < 20; t++) {
            Newsroom.tag(run + "-t" + t); // existing terms: chunks naming only these are written side by side
        }
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= 450; i++) {
            // Line 201, first of the third chunk of 100, restates the article of line 200, last of the second, and
            // moves it to another tag; lines 301-310 bring a tag the file has not named before.
            int n = i == 201 ? 200 : i;
            String title = i == 201 ? "Bulk 200, corrected" : "Bulk " + i;
            String tag = i > 300 && i <= 310 ? run + "-late" : i == 201 ? run + "-t3" : run + "-t" + i % 20;
            file.append("{\"externalId\":\"").append(run).append(':').append(n).append("\",\"title\":\"").append(title)
                    .append("\",\"section\":\"").append(run).append("-desk\",\"tags\":[\"").append(tag).append("\"]")
                    .append(",\"status\":\"PUBLISHED\",\"publishedAt\":\"2024-01-01T00:00:00Z\"")
                    // Long bodies keep the second chunk busy while the third starts: it must still wait for line 200.
                    .append(i > 100 && i < 200 ? ",\"body\":\"<p>" + "Long copy. ".repeat(3000) + "</p>\"" : "").append("}\n");
        }
        ValidatableResponse report = importing(file.toString(), "?createMissing=true")
                .body("created", equalTo(449)).body("updated", equalTo(1)).body("rejected", equalTo(0))
                .body("lines[200].line", equalTo(201)).body("lines[200].outcome", equalTo("UPDATED"));
        String id = report.extract().path("lines[199].id");
        report.body("lines[200].id", equalTo(id));
        given().get("/api/v1/manage/articles/" + id).then().body("title", equalTo("Bulk 200, corrected"));
        // t0: lines 20, 40, ... 440 but 200 (moved to t3 by line 201): 21; t3: 3, 23, ... 443 but 303 (late), and article 200.
        given().get("/api/v1/headlines?limit=100&tag=" + run + "-t0").then().body("items.size()", equalTo(21));
        given().get("/api/v1/headlines?limit=100&tag=" + run + "-t3").then().body("items.size()", equalTo(23));
        given().get("/api/v1/headlines?limit=100&tag=" + run + "-late").then().body("items.size()", equalTo(10));
    }

    @Test
    void importTakesOnlyNdjson() {
        given().contentType("application/json").body("{\"title\":\"x\"}").post("/api/v1/manage/import").then()
                .statusCode(415).contentType("application/problem+json");
        given().get("/api/v1/manage/export").then().statusCode(200).contentType("application/x-ndjson")
                .body(not(equalTo("")));
    }

    private static ValidatableResponse importing(String ndjson, String query) {
        return given().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/manage/import" + query).then().statusCode(200);
    }

    private static String export() {
        return given().get("/api/v1/manage/export").then().statusCode(200).extract().asString();
    }

    private static String linesOf(String export, List<String> ids) {
        return Arrays.stream(export.split("\n")).filter(l -> ids.stream().anyMatch(id -> l.contains("\"id\":\"" + id + "\"")))
                .collect(Collectors.joining("\n"));
    }
}
