package dateline.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Browsers on a configured origin may call the API, with the headers it needs; other origins may not. */
@QuarkusTest
class CorsTest {
    private static final String FRONT = "https://front.example.org"; // the %test origin

    @Test
    void aPreflightFromAConfiguredOriginMayPublishWithATokenAndIfMatch() {
        given().header("Origin", FRONT).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options("/api/v1/manage/articles/00000000-0000-0000-0000-000000000000/publish").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONT))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
    }

    @Test
    void aPreflightFromAConfiguredOriginMayReadWithAPreviewToken() {
        given().header("Origin", FRONT).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "dateline-preview")
                .options("/api/v1/articles/some-draft").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONT))
                .header("Access-Control-Allow-Headers", containsString("Dateline-Preview"));
    }

    @Test
    void responsesToAConfiguredOriginExposeETagAndLink() {
        given().header("Origin", FRONT).get("/api/v1/headlines").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONT))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Link"));
    }

    @Test
    void anotherOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/manage/articles/00000000-0000-0000-0000-000000000000").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
