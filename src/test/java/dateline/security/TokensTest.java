package dateline.security;

import static dateline.support.Newsroom.unique;
import static dateline.support.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dateline.support.TestClock;
import dateline.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admins issue tokens whose secret is shown once and stored only as a salted hash; revocation and expiry act at once. */
@QuarkusTest
class TokensTest {
    @Inject
    TestClock clock;

    @Test
    void creatingATokenShowsItsSecretOnceAndTheTokenWorksAtOnce() {
        String name = unique("desk");
        var created = given().contentType(ContentType.JSON).body(Map.of("name", name, "role", "EDITOR"))
                .post("/api/v1/manage/tokens").then().statusCode(201)
                .header("Location", containsString("/api/v1/manage/tokens/"))
                .body("token.name", equalTo(name)).body("token.role", equalTo("EDITOR"))
                .body("token.createdBy", equalTo("admin")).body("token.revokedAt", equalTo(null))
                .body("secret", startsWith("dl_")).extract();
        String secret = created.path("secret");
        assertEquals("dl_" + created.path("token.id") + "_", secret.substring(0, 40), "the id leads the secret");
        as(secret).get("/api/v1/manage/articles").then().statusCode(200);

        String list = given().get("/api/v1/manage/tokens").then().statusCode(200)
                .body("name", hasItem(name)).extract().asString();
        assertFalse(list.contains(secret.substring(40)), "a listing never shows a secret");
        assertFalse(list.contains("secret"), "nor any field about it");
    }

    @Test
    void onlyASaltedHashOfTheSecretIsStored() {
        String secret = Tokens.issue(unique("stored"), "VIEWER");
        UUID id = UUID.fromString(secret.substring(3, 39));
        ApiToken stored = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>findById(id));
        String raw = secret.substring(40);
        assertFalse(stored.secretHash.contains(raw));
        assertNotEquals(TokenSecret.sha256Hex(raw), stored.secretHash, "unsalted, equal secrets would hash alike");
        assertEquals(TokenSecret.sha256Hex(stored.salt + raw), stored.secretHash);
    }

    @Test
    void aRevokedTokenFailsOnItsVeryNextRequest() {
        var created = given().contentType(ContentType.JSON).body(Map.of("name", unique("leaked"), "role", "ADMIN"))
                .post("/api/v1/manage/tokens").then().statusCode(201).extract();
        String secret = created.path("secret");
        as(secret).get("/api/v1/manage/tokens").then().statusCode(200);
        given().delete("/api/v1/manage/tokens/" + created.path("token.id")).then().statusCode(204);
        as(secret).get("/api/v1/manage/tokens").then().statusCode(401)
                .body("type", equalTo("urn:dateline:problem:unauthorized"));
        given().get("/api/v1/manage/tokens").then()
                .body("find { it.id == '" + created.path("token.id") + "' }.revokedAt", notNullValue());
        given().delete("/api/v1/manage/tokens/" + created.path("token.id")).then().statusCode(204);
        given().delete("/api/v1/manage/tokens/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anExpiredTokenFails() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String secret = Tokens.issue(Map.of("name", unique("temp"), "role", "VIEWER",
                "expiresAt", now.plus(Duration.ofHours(1)).toString()));
        try {
            clock.stopAt(now.plus(Duration.ofMinutes(59)));
            as(secret).get("/api/v1/manage/articles").then().statusCode(200);
            clock.stopAt(now.plus(Duration.ofHours(1)));
            as(secret).get("/api/v1/manage/articles").then().statusCode(401)
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"dateline\", error=\"invalid_token\""));
        } finally {
            clock.release();
        }
    }

    @Test
    void aTokenNeedsANameARoleAndAFutureExpiry() {
        given().contentType(ContentType.JSON).body(Map.of("role", "EDITOR")).post("/api/v1/manage/tokens").then()
                .statusCode(422).body("violations.field", hasItem("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "OWNER")).post("/api/v1/manage/tokens").then()
                .statusCode(422).body("violations.field", hasItem("role"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x y", "role", "EDITOR")).post("/api/v1/manage/tokens").then()
                .statusCode(422).body("violations.field", hasItem("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "EDITOR", "expiresAt", "2020-01-01T00:00:00Z"))
                .post("/api/v1/manage/tokens").then().statusCode(422).body("violations.field", hasItem("expiresAt"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "EDITOR", "secretHash", "00"))
                .post("/api/v1/manage/tokens").then().statusCode(422);
        given().get("/api/v1/manage/tokens").then().body("name", not(hasItem("x")));
    }
}
