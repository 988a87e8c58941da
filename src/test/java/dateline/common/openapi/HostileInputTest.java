package dateline.common.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sends generated invalid requests to every operation of the committed OpenAPI contract: wrong types,
 * SQL and HQL fragments, control characters, over-long values in every path and query parameter; and
 * malformed, mistyped, deeply nested, duplicate-keyed, invalid UTF-8 bodies to every operation that
 * takes one. Every answer must be a 4xx problem+json or a normal answer to a read, never a 5xx, and the
 * content must be exactly what it was before. New operations are covered as soon as they are in the contract.
 * (URLs over 8 KiB get a 414 problem+json, ConnectionLimitsTest; over 64 KiB Vert.x itself refuses the
 * request line with a plain 414 before any handler of ours runs.)
 */
@QuarkusTest
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().encodeContentTypeAs("application/x-ndjson", io.restassured.http.ContentType.TEXT)
                    .encodeContentTypeAs("application/merge-patch+json", io.restassured.http.ContentType.TEXT));

    /** Decoded values; the requests carry them percent-encoded. */
    static final List<String> PATH_VALUES = List.of("00000000-0000-0000-0000-000000000000", "not-a-uuid",
            "x".repeat(1500), "\u0000", "\u001B[31m", "../../etc/passwd", "-1", "99999999999999999999", "' or 1=1--");
    static final List<String> QUERY_VALUES = List.of("abc", "-1", "0", "99999999999999999999", "1e999999",
            "' or 1=1--", "\") or (1=1", "1; drop table article;--", "%' and '%'='", "\u0000", "\u0007", "x".repeat(3000),
            "~~forged.cursor~~", "from Article a where 1=1", "é\uD83D\uDCF0");
    static final List<byte[]> BODIES = List.of(
            bytes(""), bytes("null"), bytes("[]"), bytes("{"), bytes("\"just a string\""),
            bytes("{\"title\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
            bytes("{\"title\":\"one\",\"title\":\"two\",\"name\":\"one\",\"name\":\"two\"}"),
            new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            bytes("{\"title\":\"nul\\u0000byte\",\"name\":\"nul\\u0000byte\"}"),
            bytes("{\"title\":\"raw\u0001control\",\"name\":\"raw\u0001control\"}"),
            bytes("{\"title\":\"" + "x".repeat(100_000) + "\",\"name\":\"" + "x".repeat(100_000) + "\"}"),
            bytes("{\"title\":123,\"name\":[1],\"tags\":\"not-a-list\",\"related\":[1e999999]}"),
            bytes("{\"title\":\"ok\",\"name\":\"ok\",\"related\":[1e999999],\"slug\":\"Not A Slug\",\"publishAt\":\"yesterday\"}"));

    @Test
    void everyOperationAnswersInvalidRequestsWithAProblemAndChangesNothing() throws Exception {
        String before = snapshot();
        JsonNode paths = JSON.readTree(Files.readString(Path.of("openapi/openapi.json"))).get("paths");
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                for (Request r : requests(path.getKey(), method, op.getValue())) {
                    sent++;
                    check(r, r.send(), failures);
                }
            }
        }
        assertTrue(sent > 1000, "sent " + sent + " requests");
        Files.write(Path.of("target/hostile-input-failures.txt"), failures);
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " answers were wrong:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        assertEquals(before, snapshot(), "the content changed");
    }

    private static List<Request> requests(String template, String method, JsonNode op) {
        List<Request> out = new ArrayList<>();
        String anyId = template.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
        for (String value : PATH_VALUES) {
            out.add(new Request(method, template.replaceAll("\\{[^}]+}", encode(value)), null, null));
        }
        for (JsonNode p : op.path("parameters")) {
            if (!p.path("in").asText().equals("query")) {
                continue;
            }
            for (String value : QUERY_VALUES) {
                out.add(new Request(method, anyId + "?" + p.get("name").asText() + "=" + encode(value), null, null));
            }
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            String type = op.path("requestBody").path("content").fieldNames().hasNext()
                    ? op.path("requestBody").path("content").fieldNames().next() : "application/json";
            // Bodies go to the path as written when it has no parameters (create, import), else to an unknown id.
            for (byte[] body : BODIES) {
                out.add(new Request(method, anyId, type, body));
            }
            out.add(new Request(method, anyId, "text/plain", bytes("{\"title\":\"wrong type\",\"name\":\"wrong type\"}")));
        }
        return out;
    }

    private static void check(Request r, Response response, List<String> failures) {
        int status = response.statusCode();
        String type = response.contentType() == null ? "" : response.contentType();
        String what = r.method + " " + abbreviate(r.path) + (r.type == null ? "" : " [" + r.type + " " + abbreviate(new String(r.body, StandardCharsets.UTF_8)) + "]");
        if (status >= 500) {
            failures.add(status + " " + what + ": " + abbreviate(response.asString()));
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(status + " without problem+json (" + type + ") " + what);
        } else if (status < 400 && !r.method.equals("GET")) {
            boolean importedNothing = r.path.startsWith("/api/v1/manage/import") && response.jsonPath().getInt("created") == 0
                    && response.jsonPath().getInt("updated") == 0;
            if (!importedNothing) {
                failures.add(status + " accepted " + what);
            }
        }
    }

    /** Everything a client could see of the content: articles in every state and the taxonomy. */
    private static String snapshot() {
        StringBuilder all = new StringBuilder(given().get("/api/v1/manage/export").then().statusCode(200).extract().asString());
        for (String list : List.of("sections", "tags", "authors")) {
            all.append(given().get("/api/v1/manage/" + list + "?limit=100").then().statusCode(200).extract().asString());
        }
        all.append(given().get("/api/v1/manage/articles?trashed=true&limit=100").then().statusCode(200).extract().asString());
        return all.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + ")" : s;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record Request(String method, String path, String type, byte[] body) {
        Response send() {
            RequestSpecification spec = given().config(RAW).urlEncodingEnabled(false).redirects().follow(false);
            if (type != null) {
                spec.contentType(type).body(body);
            }
            return spec.request(method, path);
        }
    }
}
