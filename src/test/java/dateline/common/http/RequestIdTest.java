package dateline.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** Every response names its request in X-Request-Id, and so does every log line written for it. */
@QuarkusTest
@TestProfile(RequestIdTest.SqlLogged.class)
class RequestIdTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** Hibernate logs each SQL statement from the worker thread that handles the request. */
    public static class SqlLogged implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"org.hibernate.SQL\".level", "DEBUG");
        }
    }

    @Test
    void everyResponseGetsAFreshIdWhenTheCallerSendsNone() {
        String first = given().get("/api/v1/articles").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID)).extract().header("X-Request-Id");
        given().get("/api/v1/articles").then().header("X-Request-Id", not(equalTo(first)));
    }

    @Test
    void aWellFormedIdFromTheCallerIsKept() {
        given().header("X-Request-Id", "edge-7f3a.trace:42_b").get("/api/v1/sections")
                .then().statusCode(200).header("X-Request-Id", equalTo("edge-7f3a.trace:42_b"));
    }

    @Test
    void aMalformedOrOverlongIdIsReplaced() {
        for (String bad : List.of("two words", "<script>", "a".repeat(129), "line\tbreak")) {
            given().header("X-Request-Id", bad).get("/api/v1/sections")
                    .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
        }
    }

    @Test
    void errorsTheFrameworkAnswersCarryAnIdToo() {
        given().get("/nothing/here").then().statusCode(404).header("X-Request-Id", matchesPattern(UUID));
        given().delete("/api/v1/articles").then().statusCode(405).header("X-Request-Id", matchesPattern(UUID));
        given().contentType(ContentType.JSON).body("{\"title\":\"" + "a".repeat(1_100_000) + "\"}")
                .post("/api/v1/manage/articles").then().statusCode(413).header("X-Request-Id", matchesPattern(UUID));
        given().header("X-Request-Id", "caller-404").get("/api/v1/articles/no-such-article")
                .then().statusCode(404).header("X-Request-Id", equalTo("caller-404"));
    }

    @Test
    void logLinesWrittenForARequestCarryItsId() {
        List<String> idsOnSqlLines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && "org.hibernate.SQL".equals(ext.getLoggerName())) {
                    idsOnSqlLines.add(String.valueOf(ext.getMdc(RequestIds.MDC_KEY))); // read while it is current
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            given().header("X-Request-Id", "log-check-1").get("/api/v1/manage/articles?limit=3").then().statusCode(200);
            given().header("X-Request-Id", "log-check-2").get("/api/v1/manage/sections").then().statusCode(200);
        } finally {
            root.removeHandler(capture);
        }
        assertFalse(idsOnSqlLines.isEmpty(), "the requests ran SQL, so Hibernate logged it");
        assertEquals(List.of("log-check-1", "log-check-2"), idsOnSqlLines.stream().distinct().toList());
    }
}
