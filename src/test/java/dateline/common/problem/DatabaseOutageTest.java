package dateline.common.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import dateline.support.CuttableProxy;
import dateline.support.DatabaseBehindProxy;
import dateline.support.Eventually;
import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * While the database is unreachable Dateline answers 503 with Retry-After, quickly, and reports itself
 * not ready; when the database returns it serves again without a restart. The database is taken away by
 * cutting a proxy in front of it, which needs a networked database: PostgreSQL runs only
 * ({@code -Ppostgresql}); embedded H2 cannot become unreachable this way.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ThroughProxy.class)
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*\\bpg\\b.*")
class DatabaseOutageTest {
    private static final long ANSWER_WITHIN_MS = 10_000;

    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Shorter than production so the test is quick; the mechanism is the same.
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2S",
                    "quarkus.datasource.jdbc.login-timeout", "1S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseBehindProxy.class));
        }
    }

    CuttableProxy database;

    @AfterEach
    void giveTheDatabaseBack() throws Exception {
        database.restore();
    }

    @Test
    void anUnreachableDatabaseMeans503WithRetryAfterAndNotReady() {
        String slug = Newsroom.unique("before-outage");
        Newsroom.draft(Map.of("title", "Before the outage", "slug", slug));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        database.cut();

        unavailable(given().get("/api/v1/manage/articles?limit=5"));
        unavailable(given().contentType(ContentType.JSON).body(Map.of("title", "During the outage"))
                .post("/api/v1/manage/articles"));
        unavailable(given().get("/api/v1/articles/" + Newsroom.unique("never-cached")));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                .time(lessThan(ANSWER_WITHIN_MS), TimeUnit.MILLISECONDS);
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void serviceResumesOnItsOwnWhenTheDatabaseReturns() throws Exception {
        given().get("/api/v1/manage/articles?limit=1").then().statusCode(200); // the pool holds a live connection
        database.cut();
        unavailable(given().get("/api/v1/manage/articles?limit=1"));

        database.restore();

        Eventually.until("readiness is back", Duration.ofSeconds(30), () -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/api/v1/manage/articles?limit=1").then().statusCode(200);
        String id = Newsroom.draft(Map.of("title", "After the outage"));
        given().get("/api/v1/manage/articles/" + id).then().statusCode(200).body("title", equalTo("After the outage"));
    }

    private static void unavailable(Response response) {
        response.then().statusCode(503).contentType("application/problem+json")
                .time(lessThan(ANSWER_WITHIN_MS), TimeUnit.MILLISECONDS)
                .header("Retry-After", matchesPattern("\\d+"))
                .body("type", equalTo("about:blank")).body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable"))
                .body(not(containsString("Exception"))).body(not(containsString("at org.")));
    }
}
