package dateline.common.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;

import dateline.support.Newsroom;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With no DATELINE_CURSOR_SECRET set (as in this suite), cursors are signed with a random key kept in the
 * database: a cursor made by any instance on the same database pages on every other, and the public
 * development key of earlier versions signs nothing.
 */
@QuarkusTest
class SharedCursorKeyTest {
    @Inject
    EntityManager em;

    @Test
    void aCursorSignedWithTheKeyInTheDatabasePagesHere() {
        String first = Newsroom.section(Newsroom.unique("aaa-shared"));
        Newsroom.section(Newsroom.unique("aaa-shared"));
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select secret from shared_secret where name = 'cursor'").getSingleResult());

        // What another instance on this database hands out, having read the same key.
        String elsewhere = new Cursors(stored).encode("section", List.of(first));
        given().queryParam("cursor", elsewhere).queryParam("limit", 100).get("/api/v1/sections").then().statusCode(200)
                .body("items.slug", everyItem(greaterThan(first)));
    }

    @Test
    void theOldPublicDevelopmentKeySignsNothing() {
        String forged = new Cursors("dateline-development-cursor-key").encode("section", List.of("a"));
        given().queryParam("cursor", forged).get("/api/v1/sections").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void theKeyIsMadeOnceAndKept() {
        List<?> keys = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select secret from shared_secret where name = 'cursor'").getResultList());
        org.junit.jupiter.api.Assertions.assertEquals(1, keys.size());
        org.junit.jupiter.api.Assertions.assertTrue(keys.get(0).toString().length() >= 43, "256 random bits, base64url");
    }
}
