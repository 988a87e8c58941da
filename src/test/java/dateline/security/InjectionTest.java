package dateline.security;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SQL and HQL fragments in every query parameter of every read operation in the contract, public and
 * management, get a 400 or an ordinary answer: never a 500, never a database message, and a filter that
 * names no existing term matches nothing.
 */
@QuarkusTest
class InjectionTest {
    private static final List<String> FRAGMENTS = List.of(
            "' or 1=1--", "\"; drop table article;--", ") or (1=1", "%'", "' union select id, slug from api_token--",
            "1' or '1'='1", "x' and sleep(5)--", "*/ or 1=1 /*", "') or true or ('", "title) from Article a where (1=1",
            "%", "_", "\\", "'||(select secret_hash from api_token)||'", "-publishedAt; delete from article");
    private static final List<String> FILTERS = List.of("section", "tag", "author", "locale");

    @Test
    void noQueryParameterOfAnyReadOperationCanBreakOrWidenAQuery() throws IOException {
        String section = Newsroom.section(unique("inj-desk"));
        String tag = Newsroom.tag(unique("inj-tag"));
        String id = Newsroom.published(Newsroom.article("Injection target " + unique("t"), section, List.of(tag)), null);
        String slug = Newsroom.slugOf(id);
        // The webhook's own paths need a webhook: its delivery log pages by cursor, another parameter to try.
        String webhook = given().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("article.published")))
                .post("/api/v1/manage/webhooks").then().statusCode(201).extract().path("id");
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json").asString());

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null || !path.getKey().startsWith("/api/v1")) {
                continue;
            }
            String url = path.getKey().replace("/webhooks/{id}", "/webhooks/" + webhook)
                    .replace("{slug}", slug).replace("{id}", id).replace("{number}", "1")
                    .replace("{width}", "320").replace("{format}", "jpg") // a rendition on the menu
                    .replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString());
            for (JsonNode parameter : get.path("parameters")) {
                if (!parameter.path("in").asText().equals("query")) {
                    continue;
                }
                String name = parameter.get("name").asText();
                for (String fragment : FRAGMENTS) {
                    Response response = given().queryParam(name, fragment).get(url);
                    requests++;
                    // Opaque tokens (cursors, sync tokens) are random base64url: "…MSqL7…" is not a leak.
                    String body = response.asString().replaceAll("\"[A-Za-z0-9_.-]{16,}\"", "\"\"");
                    int status = response.statusCode();
                    if (status >= 500 || body.toLowerCase().matches("(?s).*(sql|syntax error|hibernate|jdbc|exception).*")) {
                        failures.add("GET " + url + "?" + name + "=" + fragment + " answered " + status + ": " + abbreviate(body));
                    } else if (status == 200 && FILTERS.contains(name) && url.matches("/api/v1/(articles|headlines)")
                            && !body.contains("\"items\":[]")) {
                        failures.add("GET " + url + "?" + name + "=" + fragment + " matched articles: " + abbreviate(body));
                    } else if (status != 200 && status != 400) {
                        failures.add("GET " + url + "?" + name + "=" + fragment + " answered " + status);
                    }
                }
            }
        }
        assertTrue(requests > 400, "every query parameter was tried (" + requests + " requests)");
        assertEquals(List.of(), failures);
        given().get("/api/v1/manage/articles/" + id).then().statusCode(200);
    }

    @Test
    void fragmentsInPathSegmentsAreJustUnknownSlugsOrBadIds() {
        for (String fragment : FRAGMENTS) {
            for (String path : List.of("/api/v1/articles/{p}", "/api/v1/articles/{p}/related", "/api/v1/sections/{p}",
                    "/api/v1/tags/{p}", "/api/v1/authors/{p}", "/api/v1/manage/articles/{p}", "/api/v1/manage/sections/{p}")) {
                int status = given().pathParam("p", fragment).get(path).statusCode();
                assertTrue(status == 404 || status == 400, path + " with " + fragment + " answered " + status);
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
