package dateline.security;

import static dateline.support.Newsroom.unique;
import static dateline.support.Tokens.anonymous;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The management API answers only bearer tokens; delivery and the platform endpoints stay public. */
@QuarkusTest
class AuthenticationTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void managementWithoutATokenIs401ProblemWithABearerChallenge() {
        anonymous().get("/api/v1/manage/articles").then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"dateline\""))
                .body("type", equalTo("urn:dateline:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/v1/manage/articles"));
    }

    @Test
    void anUnknownOrMalformedTokenIs401WithInvalidToken() {
        for (String header : List.of("Bearer nonsense", "Bearer dl_" + UUID.randomUUID() + "_guessed",
                "Bearer dl_not-a-uuid_x", "Basic YWRtaW46YWRtaW4=", "Bearer test-admin-token-but-not-quite")) {
            anonymous().header("Authorization", header).get("/api/v1/manage/articles").then().statusCode(401)
                    .contentType(PROBLEM)
                    .header("WWW-Authenticate", startsWith("Bearer realm=\"dateline\", error=\"invalid_token\""))
                    .body("type", equalTo("urn:dateline:problem:unauthorized"));
        }
    }

    @Test
    void aRejectedWriteStoresNothing() {
        String slug = unique("anonymous-write");
        anonymous().contentType(ContentType.JSON).body(Map.of("title", "Sneaked in", "slug", slug))
                .post("/api/v1/manage/articles").then().statusCode(401);
        anonymous().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Sneaked"))
                .post("/api/v1/manage/sections").then().statusCode(401);
        given().get("/api/v1/articles/" + slug).then().statusCode(404);
        given().get("/api/v1/sections/" + slug).then().statusCode(404);
    }

    @Test
    void everyManagementOperationInTheContractRefusesAnonymousCallers() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/manage")) {
                continue;
            }
            String url = path.getKey().replace("{id}", UUID.randomUUID().toString())
                    .replace("{number}", "1").replace("{slug}", "some-slug")
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString()); // any other id a new operation names
            for (String method : names(path.getValue())) {
                // A body of the type the operation takes, so the answer is about credentials, not media types.
                JsonNode content = path.getValue().get(method).path("requestBody").path("content");
                String type = content.isObject() && content.size() > 0 ? content.fieldNames().next() : "application/json";
                int status = anonymous().contentType(type).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .request(method.toUpperCase(), url).statusCode();
                checked++;
                if (status != 401) {
                    open.add(method.toUpperCase() + " " + path.getKey() + " answered " + status);
                }
            }
        }
        assertTrue(checked > 30, "the contract lists the management operations");
        assertEquals(List.of(), open);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.retainAll(List.of("get", "put", "post", "delete", "patch"));
        return names;
    }

    @Test
    void deliveryAndPlatformEndpointsStayPublic() {
        for (String path : List.of("/api/v1/articles", "/api/v1/headlines", "/api/v1/feeds/rss", "/api/v1/feeds/atom",
                "/api/v1/feeds/json", "/api/v1/sections", "/api/v1/tags", "/api/v1/authors", "/q/health/ready", "/q/openapi")) {
            anonymous().get(path).then().statusCode(200);
            // A stray or bogus Authorization header does not turn a public read into a 401.
            anonymous().header("Authorization", "Bearer nonsense").get(path).then().statusCode(200);
        }
    }

    @Test
    void theConfiguredAdminTokenActsAsAdmin() {
        given().get("/api/v1/manage/tokens").then().statusCode(200);
    }
}
