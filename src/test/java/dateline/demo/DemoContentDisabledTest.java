package dateline.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With dateline.demo.enabled=false a new database stays empty. */
@QuarkusTest
@TestProfile(DemoContentDisabledTest.DemoOff.class)
class DemoContentDisabledTest {

    public static class DemoOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dateline.demo.enabled", "false");
        }
    }

    @Test
    void anEmptyDatabaseStaysEmpty() {
        given().get("/api/v1/articles").then().statusCode(200).body("items", empty());
        given().get("/api/v1/sections").then().statusCode(200).body("items", empty());
    }
}
