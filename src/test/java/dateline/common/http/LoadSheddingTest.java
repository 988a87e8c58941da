package dateline.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dateline.support.Eventually;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.OutputStream;
import java.net.Socket;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Beyond the in-flight limit new requests get 503 at once, and service is normal the moment load drops. */
@QuarkusTest
@TestProfile(LoadSheddingTest.OneAtATime.class)
class LoadSheddingTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dateline.max-in-flight", "1");
        }
    }

    @TestHTTPResource("/api/v1/manage/import")
    URI importUri;

    @Test
    void aRequestBeyondCapacityIsShedWith503AndRetryAfter() throws Exception {
        // Hold the only slot with an import whose upload is still arriving.
        try (Socket held = new Socket(importUri.getHost(), importUri.getPort())) {
            OutputStream out = held.getOutputStream();
            String line = "{\"title\":\"first line\"}\n";
            out.write(("POST /api/v1/manage/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
                    + "Authorization: Bearer " + dateline.support.AdminByDefault.ADMIN_TOKEN + "\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(line.length()) + "\r\n" + line + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            Eventually.until("the import holds the only slot", Duration.ofSeconds(10),
                    () -> given().get("/api/v1/headlines").statusCode() == 503);
            given().get("/api/v1/headlines").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", equalTo("1"));
            given().get("/q/health/live").then().statusCode(200);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = new String(held.getInputStream().readNBytes(12), StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertEquals("HTTP/1.1 200", answer);
        }
        given().get("/api/v1/headlines").then().statusCode(200);
    }
}
