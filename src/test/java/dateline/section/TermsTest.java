package dateline.section;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
}
