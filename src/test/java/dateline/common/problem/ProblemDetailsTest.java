package dateline.common.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every failure a client can provoke answers RFC 9457 problem details, never a stack trace. */
@QuarkusTest
class ProblemDetailsTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonIsABadRequest() {
        problem(given().contentType(ContentType.JSON).body("{\"title\": ").post("/api/v1/manage/articles"), 400,
                "urn:dateline:problem:malformed-json");
    }

    @Test
    void aParameterOfTheWrongTypeOrRangeIsABadRequest() {
        problem(given().get("/api/v1/articles?limit=abc"), 400, "urn:dateline:problem:invalid-parameter")
                .body("violations[0].field", equalTo("limit")).body("violations[0].in", equalTo("query"));
        problem(given().get("/api/v1/articles?limit=0"), 400, "urn:dateline:problem:invalid-parameter");
        problem(given().get("/api/v1/manage/articles/not-a-uuid"), 400, "urn:dateline:problem:invalid-parameter")
                .body("violations[0].in", equalTo("path"));
    }

    @Test
    void unknownIdsSlugsAndRoutesAreNotFound() {
        problem(given().get("/api/v1/articles/no-such-article"), 404, "urn:dateline:problem:not-found");
        problem(given().get("/api/v1/manage/sections/00000000-0000-0000-0000-000000000000"), 404, "urn:dateline:problem:not-found");
        problem(given().get("/api/v1/no-such-route"), 404, "about:blank");
        problem(given().get("/nothing/here"), 404, "about:blank");
    }

    @Test
    void aWrongMethodIsNotAllowedAndSaysWhichAre() {
        problem(given().delete("/api/v1/articles"), 405, "about:blank").header("Allow", equalTo("GET, HEAD"));
        problem(given().post("/api/v1/manage/articles/00000000-0000-0000-0000-000000000000"), 405, "about:blank")
                .header("Allow", equalTo("DELETE, GET, HEAD, PATCH, PUT"));
    }

    @Test
    void anUnacceptableAcceptHeaderIsNotAcceptable() {
        problem(given().accept("text/xml").get("/api/v1/articles"), 406, "about:blank");
    }

    @Test
    void anUnsupportedContentTypeIsRejected() {
        problem(given().contentType("text/plain").body("title").post("/api/v1/manage/articles"), 415, "about:blank");
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        String huge = "{\"title\":\"big\",\"body\":\"" + "a".repeat(1_100_000) + "\"}";
        problem(given().contentType(ContentType.JSON).body(huge).post("/api/v1/manage/articles"), 413, "about:blank");
        given().get("/api/v1/manage/articles?limit=5").then().body("items.title", not(org.hamcrest.Matchers.hasItem("big")));
    }

    @Test
    void aMissingBodyIsABadRequest() {
        problem(given().contentType(ContentType.JSON).post("/api/v1/manage/sections"), 400, "urn:dateline:problem:bad-request");
    }

    @Test
    void invalidContentIsUnprocessable() {
        problem(given().contentType(ContentType.JSON).body(Map.of("name", "")).post("/api/v1/manage tags".replace(" ", "/")), 422,
                "urn:dateline:problem:invalid-content").body("violations[0].field", equalTo("name"));
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status, String type) {
        return response.then().statusCode(status).contentType(PROBLEM)
                .body("status", equalTo(status)).body("type", equalTo(type))
                .body("title", notNullValue()).body("detail", notNullValue()).body("instance", notNullValue())
                .body(not(containsString("Exception"))).body(not(containsString("at dateline.")))
                .body(not(containsString("SELECT"))).body(not(containsString("select ")));
    }
}
