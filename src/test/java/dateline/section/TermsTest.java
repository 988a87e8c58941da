package dateline.section;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dateline.support.Eventually;
import dateline.support.Newsroom;
import dateline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sections, tags and authors follow the same rules; each test runs for all three. */
@QuarkusTest
class TermsTest {

    @ParameterizedTest
    @ValueSource(strings = {"sections", "tags", "authors"})
    void createReadRenameAndDelete(String kind) {
        String name = "Desk " + unique("n");
        var created = given().contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/v1/manage/" + kind)
                .then().statusCode(201).body("name", equalTo(name)).extract();
        String id = created.path("id");
        String slug = created.path("slug");
        org.junit.jupiter.api.Assertions.assertTrue(created.header("Location").endsWith("/api/v1/manage/" + kind + "/" + id));
        given().get("/api/v1/" + kind + "/" + slug).then().statusCode(200).body("id", equalTo(id));
        given().get("/api/v1/manage/" + kind + "/" + id).then().statusCode(200).body("slug", equalTo(slug));
        given().contentType(ContentType.JSON).body(Map.of("name", "Renamed")).put("/api/v1/manage/" + kind + "/" + id)
                .then().statusCode(200).body("name", equalTo("Renamed")).body("slug", equalTo(slug));
        given().delete("/api/v1/manage/" + kind + "/" + id).then().statusCode(204);
        given().get("/api/v1/" + kind + "/" + slug).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sections", "tags", "authors"})
    void aTakenSlugIsAConflict(String kind) {
        String slug = unique("dup");
        given().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "One")).post("/api/v1/manage/" + kind).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Two")).post("/api/v1/manage/" + kind)
                .then().statusCode(409).body("type", equalTo("urn:dateline:problem:slug-taken"));
        given().get("/api/v1/" + kind + "/" + slug).then().body("name", equalTo("One"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sections", "tags", "authors"})
    void aTermStillInUseCannotBeDeleted(String kind) {
        String slug = unique("used");
        String id = given().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Used"))
                .post("/api/v1/manage/" + kind).then().statusCode(201).extract().path("id");
        Map<String, Object> article = switch (kind) {
            case "sections" -> Map.of("title", "Filed", "section", slug);
            case "tags" -> Map.of("title", "Tagged", "tags", List.of(slug));
            default -> Map.of("title", "Signed", "authors", List.of(slug));
        };
        Newsroom.draft(article);
        given().delete("/api/v1/manage/" + kind + "/" + id).then().statusCode(409)
                .body("type", equalTo("urn:dateline:problem:in-use")).body("usage", equalTo(1));
        given().get("/api/v1/manage/" + kind + "/" + id).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sections", "tags", "authors"})
    void aTermInUseCanBeDeletedByMovingItsArticlesToAnother(String kind) {
        String old = unique("old");
        String next = unique("next");
        String oldId = given().contentType(ContentType.JSON).body(Map.of("slug", old, "name", "Old"))
                .post("/api/v1/manage/" + kind).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("slug", next, "name", "Next"))
                .post("/api/v1/manage/" + kind).then().statusCode(201);
        String field = kind.equals("sections") ? "section" : kind;
        Object value = kind.equals("sections") ? old : List.of(old);
        String article = Newsroom.draft(Map.of("title", "Moves along", field, value));
        String bothOrder = kind.equals("sections") ? null : Newsroom.draft(Map.of("title", "Has both", field, List.of(next, old)));

        given().delete("/api/v1/manage/" + kind + "/" + oldId + "?reassignTo=" + unique("nowhere")).then().statusCode(400)
                .body("violations[0].field", equalTo("reassignTo"));
        given().delete("/api/v1/manage/" + kind + "/" + oldId + "?reassignTo=" + old).then().statusCode(400)
                .body("violations[0].field", equalTo("reassignTo"));
        given().delete("/api/v1/manage/" + kind + "/" + oldId + "?reassignTo=" + next).then().statusCode(204);

        given().get("/api/v1/manage/" + kind + "/" + oldId).then().statusCode(404);
        String path = kind.equals("sections") ? "section.slug" : kind + ".slug";
        Object expected = kind.equals("sections") ? next : List.of(next);
        given().get("/api/v1/manage/articles/" + article).then().body(path, equalTo(expected)).body("version", equalTo(1));
        if (bothOrder != null) {
            given().get("/api/v1/manage/articles/" + bothOrder).then().body(path, equalTo(List.of(next)));
        }
        given().get("/api/v1/manage/articles/" + article + "/revisions").then()
                .body("items[0].summary", org.hamcrest.Matchers.startsWith("Moved from"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sections", "tags", "authors"})
    void listsPageInSlugOrder(String kind) {
        var first = given().get("/api/v1/" + kind + "?limit=1").then().statusCode(200).extract();
        String next = first.path("page.next");
        if (next != null) {
            String firstSlug = first.path("items[0].slug");
            given().get("/api/v1/" + kind + "?limit=1&cursor=" + next).then().statusCode(200)
                    .body("items.slug", not(hasItem(firstSlug)));
        }
        given().get("/api/v1/" + kind + "?cursor=" + "forged.cursor").then().statusCode(400);
    }

    /**
     * The three kinds share their resource code: a role, a constraint or an audit name that one kind lost
     * would go unnoticed by the tests above, which all run as the admin with valid input.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sections", "tags", "authors"})
    void aViewerReadsButWritesNothingAndTheRefusalsAreAuditedUnderTheKindsOperationIds(String kind) {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "Kept")).post("/api/v1/manage/" + kind)
                .then().statusCode(201).extract().path("id");
        String name = unique("term-viewer");
        String viewer = Tokens.issue(name, "VIEWER");
        Tokens.as(viewer).get("/api/v1/manage/" + kind).then().statusCode(200);
        Tokens.as(viewer).get("/api/v1/manage/" + kind + "/" + id).then().statusCode(200);
        Tokens.as(viewer).contentType(ContentType.JSON).body(Map.of("name", "Nope")).post("/api/v1/manage/" + kind)
                .then().statusCode(403);
        Tokens.as(viewer).contentType(ContentType.JSON).body(Map.of("name", "Nope")).put("/api/v1/manage/" + kind + "/" + id)
                .then().statusCode(403);
        Tokens.as(viewer).delete("/api/v1/manage/" + kind + "/" + id).then().statusCode(403);
        Tokens.anonymous().get("/api/v1/manage/" + kind).then().statusCode(401);
        Tokens.anonymous().get("/api/v1/manage/" + kind + "/" + id).then().statusCode(401);
        Tokens.anonymous().get("/api/v1/" + kind).then().statusCode(200);
        given().get("/api/v1/manage/" + kind + "/" + id).then().statusCode(200).body("name", equalTo("Kept"));

        String one = kind.substring(0, 1).toUpperCase() + kind.substring(1, kind.length() - 1);
        Eventually.until("the refusals are in the audit log", Duration.ofSeconds(5),
                () -> given().get("/api/v1/manage/audit?actor=" + name).jsonPath().getList("items").size() == 3);
        given().get("/api/v1/manage/audit?actor=" + name).then()
                .body("items.action", containsInAnyOrder("create" + one, "update" + one, "delete" + one))
                .body("items.status", containsInAnyOrder(403, 403, 403));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sections", "tags", "authors"})
    void badParametersAndBodiesAreRefusedNamingTheField(String kind) {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "Checked")).post("/api/v1/manage/" + kind)
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("name", " ")).post("/api/v1/manage/" + kind).then().statusCode(422)
                .body("violations[0].field", equalTo("name")).body("violations[0].in", equalTo("body"));
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "slug", "Not A Slug")).put("/api/v1/manage/" + kind + "/" + id)
                .then().statusCode(422).body("violations[0].field", equalTo("slug"));
        given().contentType(ContentType.JSON).put("/api/v1/manage/" + kind + "/" + id).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("name", "X")).put("/api/v1/manage/" + kind + "/not-a-uuid")
                .then().statusCode(400).body("violations[0].field", equalTo("id")).body("violations[0].in", equalTo("path"));
        given().get("/api/v1/manage/" + kind + "/not-a-uuid").then().statusCode(400).body("violations[0].field", equalTo("id"));
        given().get("/api/v1/manage/" + kind + "?limit=0").then().statusCode(400)
                .body("violations[0].field", equalTo("limit")).body("violations[0].in", equalTo("query"));
        given().get("/api/v1/" + kind + "?limit=101").then().statusCode(400)
                .body("violations[0].field", equalTo("limit")).body("violations[0].in", equalTo("query"));
        given().delete("/api/v1/manage/" + kind + "/" + id + "?reassignTo=" + "a".repeat(121)).then().statusCode(400)
                .body("violations[0].field", equalTo("reassignTo")).body("violations[0].in", equalTo("query"));
        given().header("X-Change-Summary", "a".repeat(501)).delete("/api/v1/manage/" + kind + "/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("X-Change-Summary")).body("violations[0].in", equalTo("header"));
        given().get("/api/v1/manage/" + kind + "/" + id).then().statusCode(200).body("name", equalTo("Checked"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sections", "tags", "authors"})
    void everyKindSpeaksJsonOnly(String kind) {
        given().accept("text/plain").get("/api/v1/" + kind).then().statusCode(406);
        given().accept("text/plain").get("/api/v1/manage/" + kind).then().statusCode(406);
        given().contentType("text/plain").body("name=Plain").post("/api/v1/manage/" + kind).then().statusCode(415);
    }
}
