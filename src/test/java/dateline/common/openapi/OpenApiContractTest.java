package dateline.common.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed contract in openapi/ is what the code generates, and every operation is documented. */
@QuarkusTest
class OpenApiContractTest {
    private static final String REFRESH = "The committed contract in openapi/ differs from what the code generates. "
            + "Review the change, then refresh it with: ./mvnw -B package -DskipTests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void committedJsonContractMatchesTheCode() throws IOException {
        JsonNode served = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        assertSame(served, JSON.readTree(Files.readString(Path.of("openapi/openapi.json"))));
    }

    @Test
    void committedYamlContractMatchesTheCode() throws IOException {
        JsonNode served = YAML.readTree(given().get("/q/openapi").asString());
        assertSame(served, YAML.readTree(Files.readString(Path.of("openapi/openapi.yaml"))));
    }

    private static void assertSame(JsonNode served, JsonNode committed) {
        List<String> differences = new ArrayList<>();
        diff("", served, committed, differences);
        assertTrue(differences.isEmpty(), REFRESH + "\nFirst differences:\n" + String.join("\n", differences));
    }

    private static void diff(String at, JsonNode served, JsonNode committed, List<String> out) {
        if (out.size() >= 20 || served.equals(committed)) {
            return;
        }
        if (served.isObject() && committed.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            served.fieldNames().forEachRemaining(names::add);
            committed.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(at + "/" + name, served.path(name), committed.path(name), out);
            }
        } else {
            out.add(at + ": code has " + abbreviate(served) + ", file has " + abbreviate(committed));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.isMissingNode() ? "nothing" : node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    @Test
    void everyOperationHasIdSummaryTagSuccessExampleAndTypedProblems() throws IOException {
        JsonNode doc = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        List<String> gaps = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = op.getValue();
                if (!o.hasNonNull("operationId")) {
                    gaps.add(where + ": no operationId");
                } else {
                    ids.add(o.get("operationId").asText());
                }
                if (!o.hasNonNull("summary")) {
                    gaps.add(where + ": no summary");
                }
                if (!o.has("tags") || o.get("tags").isEmpty()) {
                    gaps.add(where + ": no tag");
                }
                if (o.path("responses").properties().stream().noneMatch(r -> r.getKey().matches("[23]\\d\\d"))) {
                    gaps.add(where + ": no success response");
                }
                // Shared operations are annotated with placeholders ("create{Term}") that TermNames fills in.
                List<JsonNode> texts = new ArrayList<>(List.of(o.path("operationId"), o.path("summary"), o.path("description"),
                        o.path("requestBody").path("description")));
                o.path("parameters").forEach(parameter -> texts.add(parameter.path("description")));
                o.path("responses").forEach(response -> {
                    texts.add(response.path("description"));
                    response.path("content").forEach(media -> texts.add(media.path("schema").path("$ref")));
                });
                texts.stream().filter(text -> text.asText().contains("{")).forEach(text -> gaps.add(where + ": a placeholder left in " + text));
                if (path.getKey().startsWith("/api/v1/manage/") && o.path("security").path(0).path("bearerToken").isEmpty()) {
                    // Quarkus derives this from @RolesAllowed, but not for inherited methods (TermManageResource's).
                    gaps.add(where + ": names no role that may call it");
                }
                for (JsonNode requirement : o.path("security")) {
                    // Spectral's scope check is off (OAS 3.1 lets http schemes list role names); this is the rest of it.
                    requirement.fieldNames().forEachRemaining(scheme -> {
                        if (doc.path("components").path("securitySchemes").path(scheme).isMissingNode()) {
                            gaps.add(where + ": security scheme " + scheme + " is not declared");
                        }
                    });
                }
                for (JsonNode parameter : o.path("parameters")) {
                    // Only article writes check a version: anywhere else an If-Match would be a promise not kept.
                    if (parameter.path("name").asText().equals("If-Match") && !path.getKey().startsWith("/api/v1/manage/articles/{id}")) {
                        gaps.add(where + ": offers If-Match, which it does not check");
                    }
                }
                JsonNode conflict = o.path("responses").path("409");
                if (!conflict.isMissingNode() && !conflict.path("description").asText().contains("urn:dateline:problem:")) {
                    gaps.add(where + ": a 409 that names no problem type a client could branch on");
                }
                JsonNode problem = o.path("responses").path("406").path("content").path("application/problem+json");
                if (!problem.path("schema").path("$ref").asText().endsWith("/Problem")) {
                    gaps.add(where + ": no typed problem response");
                }
            }
        }
        assertTrue(gaps.isEmpty(), String.join("\n", gaps));
        assertFalse(doc.toString().contains("x-dateline-"), "notes to the OpenAPI filter never reach the contract");
        assertEquals(ids.size(), ids.stream().distinct().count(), "operationIds must be unique: " + ids);
        assertFalse(doc.path("components").path("schemas").path("Problem").isMissingNode());
        assertTrue(doc.path("components").path("schemas").path("Article").toString().contains("examples"),
                "schemas carry examples");
    }
}
