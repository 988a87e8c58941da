package dateline.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Makes test content through the management API, with unique slugs so tests never collide. */
public final class Newsroom {
    private Newsroom() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String section(String slug) {
        return term("sections", slug);
    }

    public static String tag(String slug) {
        return term("tags", slug);
    }

    public static String author(String slug) {
        return term("authors", slug);
    }

    private static String term(String kind, String slug) {
        given().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", slug.toUpperCase()))
                .post("/api/v1/manage/" + kind).then().statusCode(201);
        return slug;
    }

    /** A draft with the given fields (title is required; the rest optional). */
    public static String draft(Map<String, Object> fields) {
        return given().contentType(ContentType.JSON).body(fields)
                .post("/api/v1/manage/articles").then().statusCode(201).extract().path("id");
    }

    public static String published(Map<String, Object> fields, Instant at) {
        String id = draft(fields);
        publish(id, at);
        return id;
    }

    public static void publish(String id, Instant at) {
        Map<String, Object> body = new HashMap<>();
        if (at != null) {
            body.put("publishAt", at.toString());
        }
        given().contentType(ContentType.JSON).body(body).post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(200);
    }

    /** The ETag of the article's current version, for If-Match. */
    public static String etag(String id) {
        return given().get("/api/v1/manage/articles/" + id).then().statusCode(200).extract().header("ETag");
    }

    public static String slugOf(String id) {
        return given().get("/api/v1/manage/articles/" + id).then().statusCode(200).extract().path("slug");
    }

    public static Map<String, Object> article(String title, String section, List<String> tags) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", title);
        fields.put("section", section);
        fields.put("tags", tags);
        return fields;
    }
}
