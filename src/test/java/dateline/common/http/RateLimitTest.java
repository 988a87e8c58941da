package dateline.common.http;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Over its budget, a token or a client address gets 429 problem+json with Retry-After; others are not affected. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBudgets.class)
class RateLimitTest {
    /** Budgets small enough to exhaust in a test. */
    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dateline.rate-limit.manage-per-minute", "5", "dateline.rate-limit.delivery-per-minute", "40");
        }
    }

    @Test
    void aTokenOverItsBudgetGets429WithRetryAfterAndOtherTokensDoNot() {
        String busy = Tokens.issue(unique("busy"), "VIEWER");
        String calm = Tokens.issue(unique("calm"), "VIEWER");
        for (int i = 0; i < 5; i++) {
            Tokens.as(busy).get("/api/v1/manage/articles").then().statusCode(200);
        }
        Response refused = Tokens.as(busy).get("/api/v1/manage/articles");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:dateline:problem:rate-limited"))
                .header("RateLimit-Limit", equalTo("5")).header("RateLimit-Remaining", equalTo("0"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        Tokens.as(calm).get("/api/v1/manage/articles").then().statusCode(200);
    }

    @Test
    void anUnknownTokenIsRefusedAs401NotCountedAgainstAnyBudget() {
        for (int i = 0; i < 8; i++) {
            Tokens.as("dl_00000000-0000-0000-0000-000000000000_nope").get("/api/v1/manage/articles").then().statusCode(401);
        }
    }

    @Test
    void aClientAddressOverItsDeliveryBudgetGets429() {
        // Distinct searches, so each reaches the API instead of the response cache.
        io.restassured.response.Response answer = null;
        int sent = 0;
        long start = System.nanoTime();
        while ((answer == null || answer.statusCode() == 200) && sent < 100) {
            answer = given().get("/api/v1/headlines?q=budget" + sent++);
        }
        // The budget refills greedily, a request every 1.5 s: slow searches (PostgreSQL, a busy machine) earn some back.
        long refilled = (System.nanoTime() - start) / 1_500_000_000L;
        assertTrue(answer.statusCode() == 429 && sent > 1 && sent <= 41 + refilled,
                "refused after the budget of 40 plus " + refilled + " refilled (at request " + sent + ")");
        // The refusal itself, not a later request, which a token refilled meanwhile could let through.
        answer.then().header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("urn:dateline:problem:rate-limited"));
    }
}
