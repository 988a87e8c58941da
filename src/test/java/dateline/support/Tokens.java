package dateline.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;

/** Issues tokens through the API (as the test admin) and makes requests with them, or with none. */
public final class Tokens {
    private Tokens() {
    }

    /** A new token's secret, for a unique name derived from {@code name}. */
    public static String issue(String name, String role) {
        return issue(Map.of("name", name, "role", role));
    }

    public static String issue(Map<String, Object> fields) {
        return given().contentType(ContentType.JSON).body(new HashMap<>(fields))
                .post("/api/v1/manage/tokens").then().statusCode(201).extract().path("secret");
    }

    /** A request carrying this bearer token. */
    public static RequestSpecification as(String secret) {
        return given().header("Authorization", "Bearer " + secret);
    }

    /** A request without credentials (the suite otherwise adds the test admin's). */
    public static RequestSpecification anonymous() {
        return given().noFilters();
    }
}
