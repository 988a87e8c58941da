package dateline.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.Eventually;
import dateline.support.Newsroom;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Instances on one PostgreSQL database hear each other's changes. "Another instance" here is what it
 * looks like on the database: rows changed by a transaction that also sends the change notification
 * Dateline sends, from an origin other than this process.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*\\bpg\\b.*")
class ClusterChangesTest {
    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void aChangeAnotherInstanceCommitsReplacesWhatThisOneCachedAndNothingElse() {
        String changed = publishedArticle("Cached before the change");
        String untouched = publishedArticle("Cached and unrelated");
        cachedTwice(changed);
        cachedTwice(untouched);

        writeElsewhere(changed, "Corrected through another instance", true);

        Eventually.until("the other instance's correction is served here", Duration.ofSeconds(1),
                () -> "Corrected through another instance".equals(titleServed(changed)));
        given().get("/api/v1/articles/" + Newsroom.slugOf(untouched)).then().statusCode(200).header("X-Cache", "HIT");
    }

    @Test
    void thisInstancesChangesReachTheOthersWhenTheyCommitAndOnlyThen() throws Exception {
        try (Connection other = listeningConnection()) {
            String id = Newsroom.draft(Map.of("title", "Seen by other instances once published"));
            assertEquals(List.of(), notifications(other, Duration.ofMillis(300)), "a draft is nothing delivery shows");

            given().contentType("application/merge-patch+json").header("If-Match", "\"stale\"")
                    .body(Map.of("title", "refused")).patch("/api/v1/manage/articles/" + id).then().statusCode(412);
            assertEquals(List.of(), notifications(other, Duration.ofMillis(300)), "a refused write sends nothing");

            Newsroom.publish(id, null);
            List<String> sent = notifications(other, Duration.ofSeconds(2));
            assertEquals(1, sent.size(), () -> "one notification for one publish: " + sent);
            assertTrue(sent.get(0).contains("\"article:" + id + "\""), sent.get(0));
            assertTrue(sent.get(0).contains("\"lists\""), sent.get(0));
        }
    }

    @Test
    void aLostListenerServesNothingItCannotVouchForAndListensAgain() throws Exception {
        String id = publishedArticle("Cached before the listener is lost");
        cachedTwice(id);
        // A change whose notification never arrives: it is lost with the connection that would have carried it.
        writeElsewhere(id, "Changed while the listener was lost", false);
        double reconnects = metric("dateline_cluster_listener_reconnects_total");

        List<?> killed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'dateline-listener suite'")
                .getResultList());
        assertEquals(1, killed.size(), "this instance's listening connection");

        Eventually.until("the lost connection is noticed and listening starts again", Duration.ofSeconds(5),
                () -> metric("dateline_cluster_listener_reconnects_total") > reconnects && metric("dateline_cluster_listening") == 1.0);
        given().get("/api/v1/articles/" + Newsroom.slugOf(id)).then().statusCode(200)
                .body("title", equalTo("Changed while the listener was lost"));
        Eventually.until("cached responses are served again", Duration.ofSeconds(5), () -> {
            given().get("/api/v1/articles/" + Newsroom.slugOf(id));
            return "HIT".equals(given().get("/api/v1/articles/" + Newsroom.slugOf(id)).header("X-Cache"));
        });
    }

    private String publishedArticle(String title) {
        return Newsroom.published(Map.of("title", title + " " + UUID.randomUUID()), null);
    }

    private static void cachedTwice(String id) {
        String slug = Newsroom.slugOf(id);
        given().get("/api/v1/articles/" + slug).then().statusCode(200);
        given().get("/api/v1/articles/" + slug).then().statusCode(200).header("X-Cache", "HIT");
    }

    private static String titleServed(String id) {
        return given().get("/api/v1/articles/" + Newsroom.slugOf(id)).then().statusCode(200).extract().path("title");
    }

    private void writeElsewhere(String id, String title, boolean notify) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update article set title = ?1, version = version + 1 where id = ?2")
                    .setParameter(1, title).setParameter(2, UUID.fromString(id)).executeUpdate();
            if (notify) {
                em.createNativeQuery("select pg_notify('dateline:' || current_schema(), ?1)")
                        .setParameter(1, "{\"origin\":\"another-instance\",\"everything\":false,\"keys\":[\"article:" + id + "\"]}")
                        .getSingleResult();
            }
        });
    }

    private Connection listeningConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        Connection c = DriverManager.getConnection(url, properties);
        String schema = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("select current_schema()").getSingleResult());
        try (Statement s = c.createStatement()) {
            s.execute("listen \"dateline:" + schema + "\"");
        }
        return c;
    }

    private static List<String> notifications(Connection c, Duration within) throws SQLException {
        List<String> payloads = new ArrayList<>();
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            PGNotification[] arrived = c.unwrap(PGConnection.class).getNotifications(50);
            if (arrived != null) {
                for (PGNotification n : arrived) {
                    payloads.add(n.getParameter());
                }
            }
        }
        return payloads;
    }

    private static double metric(String name) {
        String text = given().accept(ContentType.TEXT).get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
