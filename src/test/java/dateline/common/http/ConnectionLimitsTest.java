package dateline.common.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.AdminByDefault;
import dateline.support.Eventually;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Clients cannot tie the server up: oversized headers are refused, and connections that stop sending are
 * closed after the idle timeout (shortened here to 1 s; production uses 75 s).
 */
@QuarkusTest
@TestProfile(ConnectionLimitsTest.ShortIdleTimeout.class)
class ConnectionLimitsTest {

    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "1S");
        }
    }

    @TestHTTPResource("/")
    URL server;

    @Test
    void headersOverTheLimitAreRefusedWith431() {
        given().header("X-Padding", "a".repeat(17 * 1024)).get("/api/v1/sections").then().statusCode(431);
        given().header("X-Padding", "a".repeat(8 * 1024)).get("/api/v1/sections").then().statusCode(200);
    }

    @Test
    void overLongUrlsAreRefusedWith414ProblemDetails() {
        given().get("/api/v1/articles?q=" + "a".repeat(20 * 1024)).then().statusCode(414)
                .contentType("application/problem+json").body("status", org.hamcrest.Matchers.equalTo(414));
        // Over Vert.x's default 4 KiB request line, under Dateline's 8 KiB: an ordinary answer (unknown parameters are ignored).
        given().get("/api/v1/headlines?padding=" + "a".repeat(5 * 1024)).then().statusCode(200);
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws IOException {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            assertEquals(-1, socket.getInputStream().read(), "the server hung up without answering");
            assertTrue(elapsedMs(start) < 5_000, "closed after the idle timeout, not held open");
        }
    }

    @Test
    void aRequestWhoseHeadersStopHalfwayIsClosed() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /api/v1/sections HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                    .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            assertEquals(-1, socket.getInputStream().read(), "the server hung up without answering");
            assertTrue(elapsedMs(start) < 5_000, "closed after the idle timeout, not held open");
        }
    }

    @Test
    void aPromisedBodyThatNeverArrivesIsClosedWithoutAServerError() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        Instant sent = Instant.now();
        try (Socket socket = connect()) {
            // With a token: without one the request is refused (401) at once, and its body never awaited.
            socket.getOutputStream().write(("POST /api/v1/manage/sections HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + AdminByDefault.ADMIN_TOKEN + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"slug\":")
                    .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // whatever the server says before hanging up, it must hang up
            }
            assertTrue(elapsedMs(start) < 5_000, "closed after the idle timeout, not held open");
            // The abandoned request ends after the close, on its worker thread: its answer, once made, is audited.
            Eventually.until("the abandoned request is answered", Duration.ofSeconds(10), () -> !abandonedAnswers(sent).isEmpty());
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertEquals(List.of(), errors, "a client going silent is not a server error");
        assertEquals(List.of(400), abandonedAnswers(sent), "answered as a bad request, not a 500");
    }

    /** The statuses of the section creations audited since then: the one the test abandoned, once it has been answered. */
    private static List<Integer> abandonedAnswers(Instant since) {
        return given().get("/api/v1/manage/audit?actor=admin&since=" + since).then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.action == 'createSection' }.status");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout(10_000); // a failing test fails instead of hanging
        return socket;
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
